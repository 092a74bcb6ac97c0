import { describe, expect, it } from 'vitest';
import { toSend, type SentChats } from '@/utils/chat/delta';
import { ConsoleTabs } from '@/utils/chat/tabs';
import { ChatEvent as ChatEventSchema, emptySnapshot, TRANSCRIPT_MAX, type ChatEvent, type Message } from '@/utils/chat/snapshot';

const message = (i: number, text = `message ${i}`): Message => ({ id: `m${i}`, role: i % 2 ? 'visitor' : 'agent', text });
const chat = (messages: Message[], state: 'active' | 'ended' = 'active') => ({ ...emptySnapshot('c1', 'demo', state), visitor: { name: 'Ada' }, transcript: messages });
const event = (type: ChatEvent['type'], messages: Message[]): ChatEvent => ({ type, snapshot: chat(messages, type === 'ended' ? 'ended' : 'active') });
const range = (n: number) => Array.from({ length: n }, (_, i) => message(i));

describe('chat events by what changed: a new message costs the same however long the chat', () => {
  it('sends a start whole, then each update as its new messages, and the end whole', () => {
    const sent: SentChats = new Map();
    expect(toSend(sent, event('started', range(2))).snapshot.transcript).toHaveLength(2);
    const update = toSend(sent, event('updated', range(2000)));
    expect(update.appendTo).toBe(2);
    expect(update.snapshot.transcript.map((m) => m.id)).toEqual(range(2000).slice(2).map((m) => m.id));
    const next = toSend(sent, event('updated', range(2001)));
    expect(next).toMatchObject({ appendTo: 2000, snapshot: { transcript: [{ id: 'm2000' }], visitor: { name: 'Ada' } } });
    // The bytes of one new message at 2,000 are those of one new message at 2.
    const small = JSON.stringify(toSend(new Map([['c1', range(2)]]), event('updated', range(3))));
    expect(Math.abs(JSON.stringify(next).length - small.length)).toBeLessThan(20);
    // An end is stored whole: it must survive a worker that forgot the chat.
    const ended = toSend(sent, event('ended', range(2001)));
    expect(ended.appendTo).toBeUndefined();
    expect(ended.snapshot.transcript).toHaveLength(2001);
  });

  it('sends the chat whole when its earlier messages changed (an edit, a console that re-numbered them)', () => {
    const sent: SentChats = new Map();
    toSend(sent, event('started', range(3)));
    const edited = [...range(2), message(2, 'edited'), message(3)];
    expect(toSend(sent, event('updated', edited)).appendTo).toBeUndefined();
    expect(toSend(sent, event('updated', range(2))).appendTo).toBeUndefined(); // fewer messages than sent
    // An edit in the middle, the count grown by one: still whole, the edit must reach the background.
    toSend(sent, event('updated', range(4)));
    expect(toSend(sent, event('updated', [message(0), message(1, 'edited'), ...range(5).slice(2)])).appendTo).toBeUndefined();
  });

  it('the background puts the chat together from the tab\'s earlier events, and says when it cannot', () => {
    const tabs = new ConsoleTabs();
    const sent: SentChats = new Map();
    const deliver = (e: ChatEvent) => (e.appendTo === undefined ? (tabs.record(1, e.snapshot), e.snapshot) : tabs.extend(1, e.snapshot, e.appendTo));
    deliver(toSend(sent, event('started', range(2))));
    expect(deliver(toSend(sent, event('updated', range(5))))!.transcript.map((m) => m.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
    expect(tabs.activate(1, 'c1').snapshot!.transcript).toHaveLength(5);
    // A worker that restarted has nothing to add to: known false, and the whole chat goes next.
    const restarted = new ConsoleTabs();
    expect(restarted.extend(1, toSend(sent, event('updated', range(6))).snapshot, 5)).toBeNull();
    // Another tab's messages are never the base.
    expect(tabs.extend(2, chat([message(5)]), 5)).toBeNull();
  });

  it('takes as where the new messages go only a whole number within a chat\'s length', () => {
    const update = (appendTo: number) => ChatEventSchema.safeParse({ ...event('updated', range(1)), appendTo }).success;
    expect([0, 3, TRANSCRIPT_MAX].map(update)).toEqual([true, true, true]);
    expect([-1, 1.5, TRANSCRIPT_MAX + 1, Number.NaN].map(update)).toEqual([false, false, false, false]);
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { coalesceMessages } from '@/utils/chat/coalesce';
import { toSend, type SentChats } from '@/utils/chat/delta';
import { ConsoleTabs } from '@/utils/chat/tabs';
import { emptySnapshot, type ChatEvent, type Message } from '@/utils/chat/snapshot';

const message = (i: number): Message => ({ id: `m${i}`, role: i % 2 ? 'visitor' : 'agent', text: `message ${i}` });
const range = (n: number) => Array.from({ length: n }, (_, i) => message(i));
const event = (type: ChatEvent['type'], messages: number, chatId = 'c1', email?: string): ChatEvent => ({
  type, snapshot: { ...emptySnapshot(chatId, 'demo', type === 'ended' ? 'ended' : 'active'), visitor: { name: 'Ada', ...(email ? { email } : {}) }, transcript: range(messages) },
});

/** Sends as the console script does (new messages only, the background putting the chat together) and records what went. */
beforeEach(() => void vi.useFakeTimers({ now: 0 }));
afterEach(() => void vi.useRealTimers());

/** The test's clock: moves time (and runs the timers due) by hand. */
const time = { advance: (ms: number) => void vi.advanceTimersByTime(ms), pending: () => vi.getTimerCount() };

function setup() {
  const sent: ChatEvent[] = [];
  const delta: SentChats = new Map();
  const tabs = new ConsoleTabs();
  const events = coalesceMessages((e) => {
    const out = toSend(delta, e);
    sent.push(out);
    if (out.appendTo === undefined) tabs.record(1, out.snapshot);
    else expect(tabs.extend(1, out.snapshot, out.appendTo)).not.toBeNull();
  }, 1_000);
  return { time, sent, events, background: () => tabs.chat(1, 'c1') };
}

describe('a busy chat costs the page one send a second, and the background still has every message', () => {
  it('sends a quiet chat\'s message at once, and a burst\'s together with all its messages', () => {
    const { time, sent, events, background } = setup();
    events.push(event('started', 2), false);
    time.advance(5_000);
    events.push(event('updated', 3), true); // a quiet chat: at once
    expect(sent).toHaveLength(2);
    for (let n = 4; n <= 12; n++) {
      time.advance(100);
      events.push(event('updated', n), true);
    }
    expect(sent).toHaveLength(2); // held within the second
    time.advance(100);
    expect(sent).toHaveLength(3); // one send for the nine messages
    expect(sent[2]).toMatchObject({ appendTo: 3 });
    expect(sent[2]!.snapshot.transcript).toHaveLength(9);
    expect(background()!.transcript.map((m) => m.id)).toEqual(range(12).map((m) => m.id));
    expect(time.pending()).toBe(0); // nothing waits once the burst is out: no timer while idle
  });

  it('sends a change that is not only messages at once, with the held messages, and never the held update after it', () => {
    const { time, sent, events, background } = setup();
    events.push(event('started', 2), false);
    events.push(event('updated', 3), true);
    events.push(event('updated', 4), true);
    expect(sent).toHaveLength(1);
    // The visitor's e-mail appears: identification must not wait a second.
    events.push(event('updated', 5, 'c1', 'ada@example.com'), false);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.snapshot.visitor.email).toBe('ada@example.com');
    time.advance(2_000);
    expect(sent).toHaveLength(2); // the held update was replaced, not sent late over the newer one
    expect(background()!.transcript).toHaveLength(5);
  });

  it('sends a chat\'s end at once and whole, in place of what was held, and forgets the chat', () => {
    const { time, sent, events } = setup();
    events.push(event('started', 2), false);
    events.push(event('updated', 3), true);
    events.push(event('ended', 4), false);
    expect(sent.map((e) => e.type)).toEqual(['started', 'ended']);
    expect(sent[1]!.snapshot.transcript).toHaveLength(4);
    expect(sent[1]!.appendTo).toBeUndefined();
    time.advance(2_000);
    expect(sent).toHaveLength(2);
    expect(time.pending()).toBe(0);
  });

  it('keeps each chat apart: one chat\'s burst holds back none of another\'s messages', () => {
    const { sent, events } = setup();
    events.push(event('started', 2, 'c1'), false);
    events.push(event('started', 2, 'c2'), false);
    events.push(event('updated', 3, 'c1'), true);
    expect(sent.map((e) => e.snapshot.chatId)).toEqual(['c1', 'c2']);
    events.push(event('updated', 3, 'c2'), true);
    expect(sent).toHaveLength(2); // c2 was sent a moment ago too: held
  });

  it('goes by the time that passed, not the wall clock: a clock set back an hour holds nothing an hour', () => {
    const { time, sent, events } = setup();
    events.push(event('started', 2), false);
    vi.setSystemTime(Date.now() - 3_600_000);
    time.advance(1_100);
    events.push(event('updated', 3), true);
    expect(sent).toHaveLength(2);
  });
});

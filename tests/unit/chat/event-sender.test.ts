import { afterEach, describe, expect, it, vi } from 'vitest';
import { chatEventSender, type EventReply } from '@/utils/chat/event-sender';
import { ConsoleTabs } from '@/utils/chat/tabs';
import { CommandError } from '@/utils/messages/envelope';
import { emptySnapshot, type ChatEvent, type Message } from '@/utils/chat/snapshot';

const message = (i: number): Message => ({ id: `m${i}`, role: i % 2 ? 'visitor' : 'agent', text: `message ${i}` });
const event = (type: ChatEvent['type'], messages: number): ChatEvent => ({
  type, snapshot: { ...emptySnapshot('c1', 'demo', type === 'ended' ? 'ended' : 'active'), visitor: { name: 'Ada' }, transcript: Array.from({ length: messages }, (_, i) => message(i)) },
});

/**
 * A background as the worker is: it puts a chat together from its new messages, and answers
 * `known: false` to new messages of a chat it does not hold (it restarted). Each send's answer
 * can be held back, as a worker that is slow to answer holds it.
 */
function background() {
  let tabs = new ConsoleTabs();
  const sent: ChatEvent[] = [];
  const held: (() => void)[] = [];
  let holding = false;
  let unreachable = 0;
  const answer = (e: ChatEvent): EventReply => {
    if (e.appendTo === undefined) return (tabs.record(1, e.snapshot), { accepted: true });
    return tabs.extend(1, e.snapshot, e.appendTo) ? { accepted: true } : { accepted: false, known: false };
  };
  const send = async (e: ChatEvent): Promise<EventReply> => {
    sent.push(e);
    if (unreachable > 0 && unreachable--) throw new CommandError('extension_unreachable', 'the worker is starting');
    if (!holding) return answer(e);
    return new Promise((resolve) => held.push(() => resolve(answer(e))));
  };
  return {
    send, sent, chat: () => tabs.chat(1, 'c1'),
    hold: () => void (holding = true),
    /** The worker stops with the held answers unsent, then starts empty and answers them. */
    restartAndAnswer: () => {
      tabs = new ConsoleTabs();
      holding = false;
      held.splice(0).forEach((go) => go());
    },
    failNext: (times: number) => void (unreachable = times),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** The console script's sender on `bg`, its answers to `answered`; an error it reports fails the test. */
const senderFor = (bg: ReturnType<typeof background>, answered: (reply: EventReply) => void = () => undefined) =>
  chatEventSender(bg.send, new AbortController().signal, answered, (error) => {
    throw error;
  });

afterEach(() => void vi.useRealTimers());

describe('the console script tells the background of a chat\'s events', () => {
  it('sends an update as its new messages only, and the background has the whole chat', async () => {
    const bg = background();
    const push = senderFor(bg);
    push(event('started', 2));
    await settle();
    push(event('updated', 5));
    await settle();
    expect(bg.sent[1]).toMatchObject({ appendTo: 2 });
    expect(bg.sent[1]!.snapshot.transcript).toHaveLength(3);
    expect(bg.chat()?.transcript).toHaveLength(5);
  });

  it('sends an update again whole when the background could not place it (a worker that restarted)', async () => {
    const bg = background();
    const push = senderFor(bg);
    push(event('started', 2));
    await settle();
    bg.hold();
    push(event('updated', 4));
    bg.restartAndAnswer();
    await settle();
    expect(bg.sent.map((e) => [e.type, e.appendTo ?? 'whole'])).toEqual([['started', 'whole'], ['updated', 2], ['updated', 'whole']]);
    expect(bg.chat()?.transcript).toHaveLength(4);
    expect(bg.chat()?.state).toBe('active');
  });

  it('never sends an update again after its chat\'s end: the chat stays ended', async () => {
    const bg = background();
    const push = senderFor(bg);
    push(event('started', 2));
    await settle();
    bg.hold();
    push(event('updated', 4)); // its answer held while the worker restarts…
    push(event('ended', 5)); // …and the chat ends meanwhile
    bg.restartAndAnswer();
    await settle();
    expect(bg.sent.map((e) => e.type)).toEqual(['started', 'updated', 'ended']);
    expect(bg.chat()?.state).toBe('ended');
    expect(bg.chat()?.transcript).toHaveLength(5);
  });

  it('sends a chat\'s end until the background has it, whole', async () => {
    vi.useFakeTimers();
    const bg = background();
    const answered: EventReply[] = [];
    const push = senderFor(bg, (r) => answered.push(r));
    push(event('started', 2));
    await vi.advanceTimersByTimeAsync(0);
    bg.failNext(2);
    push(event('ended', 3));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(bg.sent.map((e) => [e.type, e.appendTo ?? 'whole'])).toEqual([['started', 'whole'], ['ended', 'whole'], ['ended', 'whole'], ['ended', 'whole']]);
    expect(answered.at(-1)).toEqual({ accepted: true });
    expect(bg.chat()?.state).toBe('ended');
  });
});

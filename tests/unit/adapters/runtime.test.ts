// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatEvent } from '@/utils/chat/snapshot';
import { watchConsole } from '@/utils/adapters/runtime';
import { readActiveChat } from '@/utils/adapters/scrape';
import { builtIn, loadFixture } from './fixtures';
import { healthTracker, type ConsoleHealth } from '@/utils/adapters/health';

const adapter = builtIn('demo');
let events: ChatEvent[];
let frames: (() => void)[];
let controller: AbortController;

/** Lets the MutationObserver deliver, then runs the frame the watcher asked for, if any. */
async function nextFrame() {
  await new Promise((r) => setTimeout(r, 0));
  const due = frames.splice(0);
  due.forEach((run) => run());
  return due.length;
}
const summary = () => events.splice(0).map((e) => `${e.type} ${e.snapshot.chatId}`);

beforeEach(() => {
  loadFixture('demo');
  events = [];
  frames = [];
  controller = new AbortController();
  watchConsole({ adapter, doc: document, emit: (e) => events.push(e), signal: controller.signal, schedule: (run) => frames.push(run) });
});
afterEach(() => controller.abort());

describe('console watcher', () => {
  it('starts every open chat and the offline message it finds', () => {
    expect(summary()).toEqual(['started chat-0002', 'started chat-0001', 'offline-message offline-0003']);
  });

  it('does nothing while nothing changes: no frame requested, no event', async () => {
    summary();
    expect(await nextFrame()).toBe(0);
    expect(events).toEqual([]);
  });

  it('emits "updated" once per frame however many mutations came in it', async () => {
    summary();
    const transcript = document.querySelector('.transcript')!;
    for (let i = 0; i < 5; i++) transcript.insertAdjacentHTML('beforeend', `<li class="msg msg--visitor" data-message-id="x${i}"><span class="msg__text">more ${i}</span></li>`);
    expect(await nextFrame()).toBe(1);
    const [event, ...rest] = events.splice(0);
    expect(rest).toEqual([]);
    expect(event).toMatchObject({ type: 'updated', snapshot: { chatId: 'chat-0001' } });
    expect(event!.snapshot.transcript.at(-1)).toMatchObject({ id: 'x4', text: 'more 4', role: 'visitor' });
  });

  it('says nothing when the console re-renders the whole pane with the same content', async () => {
    summary();
    const pane = document.querySelector('.chat-pane')!;
    pane.innerHTML = pane.innerHTML;
    document.querySelector('.visitor-card')!.innerHTML = document.querySelector('.visitor-card')!.innerHTML;
    await nextFrame();
    expect(events).toEqual([]);
  });

  it('emits "ended" once when the chat ends, and when a chat disappears from the list', async () => {
    summary();
    document.querySelector('.chat-state')!.setAttribute('data-state', 'ended');
    await nextFrame();
    expect(summary()).toEqual(['ended chat-0001']);
    document.querySelector('.chat-tab[data-chat-id="chat-0002"]')!.remove();
    await nextFrame();
    expect(summary()).toEqual(['ended chat-0002']);
    document.querySelector('.transcript')!.insertAdjacentHTML('beforeend', '<li class="msg msg--system"><span class="msg__text">late</span></li>');
    await nextFrame();
    expect(events.every((e) => e.type !== 'ended')).toBe(true);
  });

  it('a list with a tab of its own besides the chats (a dashboard tab): the last chat leaving it has ended; renamed tabs are no end', async () => {
    document.querySelector('.chat-list')!.insertAdjacentHTML('afterbegin', '<button type="button" class="dashboard-tab">Dashboard</button>');
    document.querySelector('.chat-state')!.setAttribute('data-state', 'ended');
    await nextFrame();
    summary();
    // The console's markup changes under the adapter: the tabs are still there, none of them read.
    document.querySelectorAll('.chat-tab').forEach((tab) => tab.classList.replace('chat-tab', 'conversation-item'));
    document.querySelector('.chat-pane')!.remove();
    await nextFrame();
    expect(summary()).toEqual([]);
    // Back, then both chats closed: the list holds its own tab alone, and the other chat has ended.
    document.querySelectorAll('.conversation-item').forEach((tab) => tab.classList.replace('conversation-item', 'chat-tab'));
    await nextFrame();
    document.querySelectorAll('.chat-tab').forEach((tab) => tab.remove());
    await nextFrame();
    expect(summary()).toEqual(['ended chat-0002']);
  });

  it('a chat already closed when first seen (opened from the history) did not end now: no "ended"', async () => {
    controller.abort();
    loadFixture('demo');
    document.querySelector('.chat-state')!.setAttribute('data-state', 'ended');
    events = [];
    controller = new AbortController();
    watchConsole({ adapter, doc: document, emit: (e) => events.push(e), signal: controller.signal, schedule: (run) => frames.push(run) });
    await Promise.resolve();
    const seen = events.splice(0);
    expect(seen.map((e) => `${e.type} ${e.snapshot.chatId} ${e.snapshot.state}`)).toContain('started chat-0001 ended');
    expect(seen.some((e) => e.type === 'ended')).toBe(false);
    document.querySelector('.transcript')!.insertAdjacentHTML('beforeend', '<li class="msg msg--system"><span class="msg__text">read again</span></li>');
    await nextFrame();
    expect(events.some((e) => e.type === 'ended')).toBe(false);
  });

  it('never takes absence for an end: a list that stops matching ends no chat, nor does a chat never listed', async () => {
    summary();
    // The console's markup changes under the adapter: the list matches nothing any more.
    document.querySelectorAll('.chat-tab').forEach((tab) => tab.classList.replace('chat-tab', 'conversation-item'));
    await nextFrame();
    expect(events.filter((e) => e.type === 'ended')).toEqual([]);
    events.splice(0);
    // A list that matches again, without the open chat: still open in the pane, so not ended.
    const other = document.querySelector('.conversation-item[data-chat-id="chat-0002"]')!;
    other.classList.replace('conversation-item', 'chat-tab');
    await nextFrame();
    expect(events.filter((e) => e.type === 'ended')).toEqual([]);
  });

  it('reads a late-loading field when it appears', async () => {
    summary();
    document.querySelector('.visitor-phone')!.remove();
    await nextFrame();
    expect(events.splice(0)).toEqual([]); // the number once read stays with the chat: nothing changed
    document.querySelector('.visitor-info dd:nth-of-type(2)')!.insertAdjacentHTML('beforeend', '<a class="visitor-phone" href="tel:+14155550100">+1 415 555 0100</a>');
    await nextFrame();
    expect(events.at(-1)!.snapshot.visitor.phone).toBe('+14155550100');
  });

  it('keeps a chat\'s values once read when the console hides them (a side bar closed), and takes a changed one', async () => {
    summary();
    const last = () => events.at(-1)!.snapshot;
    const card = document.querySelector('.visitor-card[data-chat-id="chat-0001"]')!;
    const parent = card.parentElement!;
    const again = card.cloneNode(true) as Element;
    card.remove();
    await nextFrame();
    expect(events).toEqual([]); // nothing of the chat changed
    const link = again.querySelector('.visitor-email')!;
    link.setAttribute('href', 'mailto:new.address@example.com');
    link.textContent = 'new.address@example.com';
    parent.append(again);
    await nextFrame();
    expect(last()).toMatchObject({ chatId: 'chat-0001', visitor: { email: 'new.address@example.com' }, preChat: { Company: 'Acme Corp' }, session: { country: 'IE' } });
  });

  it('says which updates bring messages and nothing else (those the console script may hold back a moment)', async () => {
    const flagged: [string, boolean][] = [];
    controller.abort();
    controller = new AbortController();
    watchConsole({ adapter, doc: document, emit: (e, messagesOnly) => flagged.push([e.type, messagesOnly]), signal: controller.signal, schedule: (run) => frames.push(run) });
    await nextFrame();
    flagged.splice(0); // the chats it found at first
    document.querySelector('.transcript')!.insertAdjacentHTML('beforeend', '<li class="msg msg--visitor" data-message-id="n1"><span class="msg__text">one more</span></li>');
    await nextFrame();
    document.querySelector('.transcript')!.insertAdjacentHTML('beforeend', '<li class="msg msg--visitor" data-message-id="n2"><span class="msg__text">and another</span></li>');
    await nextFrame();
    const link = document.querySelector('.visitor-card[data-chat-id="chat-0001"] .visitor-email')!;
    link.setAttribute('href', 'mailto:new.address@example.com');
    link.textContent = 'new.address@example.com';
    await nextFrame();
    expect(flagged).toEqual([['updated', true], ['updated', true], ['updated', false]]);
  });

  it('keeps hostile visitor text as capped plain text', async () => {
    summary();
    const name = document.querySelector('.visitor-card .visitor-name')!;
    name.textContent = `<script>alert(1)</script>${'A'.repeat(100_000)}`;
    await nextFrame();
    const visitor = events.at(-1)!.snapshot.visitor;
    expect(visitor.name!.startsWith('<script>alert(1)</script>AAA')).toBe(true);
    expect(visitor.name!.length).toBe(4000);
  });

  it('stops observing when aborted', async () => {
    summary();
    controller.abort();
    document.querySelector('.transcript')!.insertAdjacentHTML('beforeend', '<li class="msg"><span class="msg__text">after</span></li>');
    expect(await nextFrame()).toBe(0);
  });
});

describe('console health: what the watcher sees, judged as the background does', () => {
  let healths: ConsoleHealth[];
  beforeEach(() => {
    controller.abort();
    loadFixture('demo');
    healths = [];
    frames = [];
    controller = new AbortController();
    const tracker = healthTracker(adapter);
    watchConsole({
      adapter, doc: document, emit: () => undefined, signal: controller.signal, schedule: (run) => frames.push(run),
      onSeen: (seen) => {
        const { health, changed } = tracker.update(seen);
        if (changed) healths.push(health);
      },
    });
  });

  it('is recognised on the console as it is, and says only when that changes (a new message sends nothing)', async () => {
    expect(healths).toEqual([{ state: 'recognised', failing: [], console: 'Demo console' }]);
    document.querySelector('.transcript')!.insertAdjacentHTML('beforeend', '<li class="msg msg--visitor" data-message-id="n1"><span class="msg__text">hi</span></li>');
    await nextFrame();
    expect(healths).toHaveLength(1);
  });

  it('names the chat list when it stops matching under an open chat, and the transcript when an open chat loses it', async () => {
    document.querySelectorAll('.chat-tab').forEach((tab) => tab.classList.replace('chat-tab', 'conversation-item'));
    await nextFrame();
    expect(healths.at(-1)).toEqual({ state: 'partly', failing: ['chats.item (.chat-list .chat-tab)'], console: 'Demo console' });
    document.querySelectorAll('.transcript .msg').forEach((m) => m.classList.replace('msg', 'bubble'));
    await nextFrame();
    expect(healths.at(-1)!.failing).toEqual(['chats.item (.chat-list .chat-tab)', 'transcript.message (.transcript .msg)']);
  });

  it('is not recognised when the list marks a chat open and its pane matches nothing, and recognised again when it does', async () => {
    const pane = document.querySelector('.chat-pane')!;
    pane.classList.replace('chat-pane', 'conversation-pane');
    await nextFrame();
    expect(healths.at(-1)).toEqual({ state: 'not_recognised', failing: ['pane.root (.chat-pane[data-chat-id])'], console: 'Demo console' });
    pane.classList.replace('conversation-pane', 'chat-pane');
    await nextFrame();
    expect(healths.at(-1)).toEqual({ state: 'recognised', failing: [], console: 'Demo console' });
  });
});

describe('new messages read alone, everything else read whole', () => {
  /** The chat as a fresh, whole read of the page has it. */
  const wholeRead = () => readActiveChat(adapter, document, location.href, new WeakMap())!.transcript;
  const message = (id: string, text: string, role = 'visitor') => {
    const li = document.createElement('li');
    li.className = `msg msg--${role}`;
    li.dataset.messageId = id;
    li.innerHTML = `<span class="msg__meta"><span class="msg__author">${role === 'agent' ? 'Ana Agent' : 'Siobhán'}</span></span><span class="msg__text"></span>`;
    li.querySelector('.msg__text')!.textContent = text;
    return li;
  };

  it('a new message is read without walking the messages before it', async () => {
    const transcript = document.querySelector('.transcript')!;
    for (let i = 0; i < 50; i++) transcript.append(message(`old-${i}`, `old ${i}`));
    await nextFrame();
    summary();
    const pane = document.querySelector(adapter.pane.root)!;
    let walks = 0;
    const all = pane.querySelectorAll.bind(pane);
    pane.querySelectorAll = ((selector: string) => (selector === adapter.transcript.message && walks++, all(selector))) as typeof pane.querySelectorAll;
    transcript.append(message('new-1', 'one more question'));
    await nextFrame();
    expect(walks).toBe(0);
    const [event] = events.splice(0);
    expect(event!.snapshot.transcript).toEqual(wholeRead());
    // A message changed in the middle: read whole again.
    walks = 0;
    transcript.children[10]!.querySelector('.msg__text')!.append(' (edited)');
    await nextFrame();
    expect(walks).toBe(1);
    expect(events.splice(0).at(-1)!.snapshot.transcript).toEqual(wholeRead());
  });

  it('reads the same transcript as a whole read, whatever the console does to it', async () => {
    const transcript = document.querySelector('.transcript')!;
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    let shown = wholeRead();
    for (let step = 0; step < 120; step++) {
      const nodes = [...transcript.querySelectorAll(adapter.transcript.message)];
      const kind = random(7);
      if (kind <= 2) for (let k = 0; k <= random(3); k++) transcript.append(message(`m${step}-${k}`, `message ${step}.${k}`, random(2) ? 'agent' : 'visitor'));
      else if (kind === 3) nodes[random(nodes.length)]!.querySelector('.msg__text')!.textContent = `edited at ${step}`;
      else if (kind === 4) transcript.insertBefore(message(`mid${step}`, `inserted ${step}`), nodes[1 + random(nodes.length - 1)]!);
      else if (kind === 5 && nodes.length > 3) nodes[1 + random(nodes.length - 2)]!.remove();
      else nodes[random(nodes.length)]!.querySelector('.msg__meta')!.append(document.createElement('b'));
      await nextFrame();
      const mine = events.splice(0).filter((e) => e.snapshot.chatId === 'chat-0001').at(-1);
      if (mine) shown = mine.snapshot.transcript;
      expect(shown, `step ${step} (change ${kind})`).toEqual(wholeRead());
    }
  });
});

// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatEvent, ChatSnapshot } from '@/utils/chat/snapshot';
import { query, queryAll } from '@/utils/adapters/dom';
import { readActiveChat } from '@/utils/adapters/scrape';
import { watchConsole } from '@/utils/adapters/runtime';
import { builtIn, loadFixture } from './fixtures';

// The watcher on each product's own markup (a real LiveHelperChat's captures; Chatwoot and
// Rocket.Chat as their source renders them, two versions each): the chat's end as the product
// shows it, a field that appears late, and a pane the product renders again with the same content.
const setURL = (url: string) => (window as unknown as { happyDOM: { setURL: (u: string) => void } }).happyDOM.setURL(url);
const stripQa = () => {
  for (const el of Array.from(document.querySelectorAll('*'))) for (const name of el.getAttributeNames()) if (name.startsWith('data-qa') && name !== 'data-qa-rc-room') el.removeAttribute(name);
};
const CASES = [
  // LHC's end is its "visitor left" message (that capture is the restricted operator's, e-mail masked: the late e-mail is read on another).
  { product: 'livehelperchat', page: 'captures/dashboard-chat-open.html', endPage: 'captures/visitor-left.html', url: 'http://127.0.0.1/index.php/site_admin/#/chat-id-14' },
  { product: 'chatwoot', page: 'v3.html', url: 'https://support.example.com/app/accounts/1/conversations/42' },
  { product: 'chatwoot', page: 'v4.html', url: 'https://support.example.com/app/accounts/1/conversations/42' },
  { product: 'rocketchat', page: 'v6.html', url: 'https://support.example.com/live/ROOM_ID_abc123/contact-profile' },
  { product: 'rocketchat', page: 'v7.html', url: 'https://support.example.com/live/ROOM_ID_abc123/contact-profile' },
  { product: 'rocketchat', page: 'v7.html', url: 'https://support.example.com/live/ROOM_ID_abc123/contact-profile', qaStripped: true },
];

let controller: AbortController;
afterEach(() => controller?.abort());

describe.each(CASES)('the watcher on $product $page', ({ product, page, endPage, url, qaStripped }) => {
  const adapter = builtIn(product);
  /** The page, its chat as a whole read, and a watcher started on it with its frames run by hand. */
  async function start(prepare: (whole: ChatSnapshot) => void = () => undefined, from = page) {
    loadFixture(product, from);
    if (qaStripped) stripQa();
    setURL(url);
    const whole = readActiveChat(adapter, document, url, new WeakMap())!;
    prepare(whole);
    const events: ChatEvent[] = [];
    const frames: (() => void)[] = [];
    controller = new AbortController();
    watchConsole({ adapter, doc: document, emit: (e) => events.push(e), signal: controller.signal, schedule: (run) => frames.push(run) });
    const frame = async () => {
      await new Promise((r) => setTimeout(r, 0));
      frames.splice(0).forEach((run) => run());
    };
    await frame(); // what the watcher saw first
    return { whole, events, frame };
  }

  it("ends the chat when the product shows its end, once, with the whole transcript", async () => {
    let end: Element | undefined;
    let list: Element | undefined;
    const { whole, events, frame } = await start(() => {
      // The page as it was a moment before: the product's end message not there yet.
      end = queryAll(query(document, adapter.pane.root)!, adapter.transcript.message).at(-1)!;
      list = end.parentElement!;
      end.remove();
    }, endPage);
    expect(whole.state).toBe('ended');
    const ofChat = () => events.filter((e) => e.snapshot.chatId === whole.chatId);
    expect(ofChat().map((e) => e.type)).toEqual(['started']);
    list!.append(end!);
    await frame();
    const ended = ofChat().filter((e) => e.type === 'ended');
    expect(ended).toHaveLength(1);
    expect(ended[0]!.snapshot.transcript.map((m) => m.text)).toEqual(whole.transcript.map((m) => m.text));
  });

  it("reads the visitor's e-mail when it appears after the chat", async () => {
    // Its text (and its mailto: link) not on the page yet: the product fills the contact in later.
    const hidden: { text: Text; was: string }[] = [];
    const links: Element[] = [];
    const { whole, events, frame } = await start((read) => {
      const email = read.visitor.email!;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node.data.toLowerCase().includes(email)) (hidden.push({ text: node, was: node.data }), (node.data = ''));
      }
      for (const link of Array.from(document.querySelectorAll(`[href^="mailto:"]`))) (links.push(link), link.setAttribute('data-href', link.getAttribute('href')!), link.removeAttribute('href'));
    });
    expect(whole.visitor.email).toMatch(/@/);
    expect(hidden.length).toBeGreaterThan(0);
    expect(events.find((e) => e.snapshot.chatId === whole.chatId)!.snapshot.visitor.email).toBeUndefined();
    for (const { text, was } of hidden) text.data = was;
    for (const link of links) link.setAttribute('href', link.getAttribute('data-href')!);
    await frame();
    expect(events.at(-1)!.snapshot.visitor.email).toBe(whole.visitor.email);
  });

  it('says nothing when the product renders the pane again with the same content', async () => {
    const { events, frame } = await start();
    events.length = 0;
    const pane = query(document, adapter.pane.root)!;
    pane.innerHTML = pane.innerHTML;
    await frame();
    expect(events).toEqual([]);
  });
});

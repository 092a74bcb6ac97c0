// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { query, queryAll } from '@/utils/adapters/dom';
import { readActiveChat, readChatList } from '@/utils/adapters/scrape';
import { readAgentState, setAgentState } from '@/utils/adapters/agent-state';
import { builtIn, loadFixture } from './fixtures';

// The adapter on a real LiveHelperChat's DOM (tests/consoles/livehelperchat/captures, with the
// commit they came from in captures.json; capture.ts takes them again from a newer LHC).
const adapter = builtIn('livehelperchat');
const load = (state: string) => loadFixture('livehelperchat', `captures/${state}.html`);
const chatOf = () => readActiveChat(adapter, document, location.href, new WeakMap());

describe('livehelperchat adapter on a real LHC', () => {
  it('sees the console on the dashboard before any chat is open, and no chat there', () => {
    load('dashboard-pending');
    expect(query(document, adapter.detect)).not.toBeNull();
    expect(readChatList(adapter, document)).toEqual([]);
    expect(query(document, adapter.chats!.list!)).not.toBeNull();
    expect(chatOf()).toBeNull();
  });

  it('reads a chat opened from the dashboard: the visitor, the session, the whole transcript as the agent sees it', () => {
    load('dashboard-chat-open');
    expect(queryAll(document, adapter.pane.root)).toHaveLength(1);
    expect(query(document, adapter.mount.anchor)).not.toBeNull();
    const [tab] = readChatList(adapter, document);
    const chat = chatOf()!;
    expect(tab).toMatchObject({ id: chat.chatId, name: 'Grace Hopper', active: true });
    expect(chat).toMatchObject({
      state: 'active',
      visitor: { name: 'Grace Hopper', email: 'grace.hopper@example.com', phone: '+1 415 555 0100' },
      session: { ip: '127.0.0.1' },
      chat: { requestingPage: expect.stringContaining('/index.php/chat/start') },
      agent: { name: 'Ana Agent' },
      masked: [],
    });
    // No icon names ("thumb_up", "done", "login"), no time in the author.
    expect(chat.transcript.map((m) => [m.role, m.author, m.text])).toEqual([
      ['visitor', 'Grace Hopper', 'Hello, I need help with my invoice'],
      ['system', 'System assistant', 'Ana Agent has accepted the chat!'],
      ['system', 'System assistant', 'Visitor has joined the chat!'],
      ['agent', 'Ana Agent', 'Happy to help. What is the invoice number?'],
    ]);
    expect(chat.transcript[0]!.time).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it('follows the chat shown when two are open, and lists both', () => {
    load('dashboard-two-chats');
    expect(readChatList(adapter, document).map((c) => c.active)).toEqual([false, true]);
    expect(chatOf()!.visitor).toMatchObject({ name: 'Ada Lovelace', email: 'ada@engine.example', phone: '+44 20 7946 0958' });
  });

  it('reads the single-chat window and a chat opened by its link the same way', () => {
    for (const state of ['single-chat', 'front-chat']) {
      load(state);
      expect(chatOf()?.visitor, state).toMatchObject({ name: 'Grace Hopper', email: 'grace.hopper@example.com' });
    }
  });

  it('reads no chat while a chat link shows the dashboard, but lists the open chats', () => {
    load('front-loaded');
    expect(chatOf()).toBeNull();
    expect(readChatList(adapter, document).map((c) => c.active)).toEqual([false, false]);
  });

  it('never keeps the e-mail or phone an operator without the right sees masked', () => {
    load('masked-operator');
    const chat = chatOf()!;
    expect(chat.visitor.name).toBe('Ada Lovelace');
    expect(chat.visitor.email).toBeUndefined();
    expect(chat.visitor.phone).toBeUndefined();
    expect(chat.masked.sort()).toEqual(['visitor.email', 'visitor.phone']);
    expect(JSON.stringify(chat)).not.toContain('***');
  });

  it('sees the visitor leave, and a chat the operator closed leave the tab strip', () => {
    load('visitor-left');
    expect(chatOf()!.state).toBe('ended');
    load('closed-by-operator');
    const list = readChatList(adapter, document);
    expect(list.map((c) => c.name)).toEqual(['Ada Lovelace']);
    expect(query(document, adapter.chats!.list!)).not.toBeNull();
  });

  it('takes the end from LHC\'s own system message only: a visitor typing its words ends nothing', () => {
    load('dashboard-chat-open');
    const said = [...document.querySelectorAll('.message-row[data-op-id="0"] .msg-body')].at(-1)!;
    said.textContent = 'Visitor has left the chat! (just kidding)';
    expect(chatOf()!.state).toBe('active');
  });

  it("reads the operator's state from LHC's own online switch, and sets it with a click only when it is the other state (the switch toggles)", () => {
    load('dashboard-chat-open');
    expect(readAgentState(adapter, document)).toBe('on');
    const toggle = query(document, 'change-online-status #online-offline-user') as HTMLElement;
    let clicks = 0;
    // LHC's switch, as its component does: a click turns it the other way.
    toggle.addEventListener('click', () => ((clicks += 1), (toggle.textContent = toggle.textContent === 'flash_on' ? 'flash_off' : 'flash_on')));
    expect(setAgentState(adapter, document, 'on')).toBe(true);
    expect(clicks).toBe(0);
    expect(setAgentState(adapter, document, 'off')).toBe(true);
    expect(readAgentState(adapter, document)).toBe('off');
    expect(setAgentState(adapter, document, 'off')).toBe(true);
    expect(clicks).toBe(1);
    // LHC has no Busy: the sync is told so, nothing is clicked.
    expect(setAgentState(adapter, document, 'busy')).toBe(false);
    expect(clicks).toBe(1);
    // A switch whose state cannot be read (an icon not known) is never toggled blind.
    toggle.textContent = 'hourglass_empty';
    expect(setAgentState(adapter, document, 'on')).toBe(false);
    expect(clicks).toBe(1);
  });
});

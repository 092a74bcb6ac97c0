import type { AdapterInput } from './schema';

/**
 * Live Helper Chat's back office (open source, self-hosted: the admin adds its URL). The DOM it
 * reads, and the source files it comes from, are in tests/consoles/livehelperchat/fixture.html.
 * Chats are tabs; the open one is the active tab-pane. Masked e-mails and phones are skipped.
 */
export const livehelperchatAdapter: AdapterInput = {
  name: 'livehelperchat',
  label: 'Live Helper Chat',
  matches: ['https://*/index.php/*/chat/*', 'https://*/index.php/*/front/*'],
  detect: '.msgBlock.msgBlock-admin',
  mount: { anchor: '.tab-pane.active .chat-main-right-column', position: 'beside' },
  chats: {
    item: '#tabs .nav-tabs a[href^="#chat-id-"]',
    id: { read: 'attr', attr: 'href', pattern: '#chat-id-(\\d+)' },
    name: { selector: '.chat-nick' },
    active: '.active',
  },
  pane: { root: '.tab-pane.active[id^="chat-id-"]', id: { read: 'attr', attr: 'id', pattern: 'chat-id-(\\d+)' } },
  fields: {
    'visitor.name': { selector: '.tab-pane.active .visitor-nick' },
  },
  lists: {
    visitor: { kind: 'rows', row: '.tab-pane.active table[id^="chat-visitor-info-"] tr', label: { selector: 'td:first-child' }, value: { selector: 'td:nth-child(2)' } },
    session: { kind: 'rows', row: '.tab-pane.active table[id^="chat-visitor-info-"] tr', label: { selector: 'td:first-child' }, value: { selector: 'td:nth-child(2)' } },
    custom: { kind: 'text', row: '.tab-pane.active .additional-data li', separator: ':' },
  },
  transcript: {
    message: '.msgBlock .message-row',
    id: { read: 'attr', attr: 'id', pattern: 'msg-(\\d+)' },
    role: { system: '.system-response', visitor: '[data-op-id="0"]', agent: '[data-op-id]:not([data-op-id="0"]):not([data-op-id="-1"])' },
    author: { selector: '.usr-tit' },
    text: { selector: '.msg-body' },
    time: { selector: '.msg-date' },
  },
  ended: { text: 'Visitor has left the chat' },
  agent: {
    name: { selector: '.header-user', read: 'attr', attr: 'data-user-name' },
    email: { selector: '.header-user', read: 'attr', attr: 'data-user-email' },
    state: { selector: '.header-user .user-status' },
  },
};

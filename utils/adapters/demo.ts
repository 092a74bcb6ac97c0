import type { AdapterInput } from './schema';

/** The demo console (tests/consoles/demo/): chats as tabs, a visitor card, a live transcript. */
export const demoAdapter: AdapterInput = {
  name: 'demo',
  label: 'Demo console',
  matches: ['http://127.0.0.1/*', 'http://localhost/*'],
  detect: '[data-demo-console]',
  mount: { anchor: '#sf-panel-slot', position: 'beside' },
  chats: { list: '.chat-list', item: '.chat-list .chat-tab', id: { read: 'attr', attr: 'data-chat-id' }, name: {}, active: '.is-active' },
  pane: { root: '.chat-pane[data-chat-id]', id: { read: 'attr', attr: 'data-chat-id' } },
  fields: {
    'visitor.name': { selector: '.visitor-card .visitor-name' },
    'visitor.email': { selector: '.visitor-card .visitor-email', read: 'href' },
    'visitor.phone': { selector: '.visitor-card .visitor-phone', read: 'href' },
    'chat.requestingPage': { selector: '.chat-pane .msg--system .msg__text', pattern: 'Chat started from (\\S+)' },
  },
  lists: {
    visitor: { kind: 'dl', selector: '.visitor-card .visitor-info' },
    preChat: { kind: 'dl', selector: '.visitor-card .prechat' },
    session: { kind: 'dl', selector: '.visitor-card .session' },
    custom: { kind: 'rows', row: '.visitor-card .custom-vars tr', label: { selector: '.var-name' }, value: { selector: '.var-value' } },
  },
  transcript: {
    message: '.transcript .msg',
    id: { read: 'attr', attr: 'data-message-id' },
    role: { visitor: '.msg--visitor', agent: '.msg--agent', system: '.msg--system' },
    author: { selector: '.msg__author' },
    text: { selector: '.msg__text' },
    time: { selector: 'time', read: 'attr', attr: 'datetime' },
  },
  ended: { selector: '.chat-pane .chat-state[data-state="ended"]' },
  offline: {
    item: '.offline-list .offline-item',
    id: { read: 'attr', attr: 'data-offline-id' },
    fields: {
      'visitor.name': { selector: '.offline-name' },
      'visitor.email': { selector: '.offline-email', read: 'href' },
      'visitor.phone': { selector: '.offline-phone' },
      'chat.message': { selector: '.offline-message' },
      'chat.startTime': { selector: 'time', read: 'attr', attr: 'datetime' },
    },
  },
  agent: {
    name: { selector: '.agent .agent__name' },
    email: { selector: '.agent', read: 'attr', attr: 'data-agent-email' },
    state: { selector: '.agent .agent__state', read: 'value' },
  },
  setState: { select: '.agent .agent__state' },
  transfer: {
    open: '.chat-pane .transfer-chat',
    agent: { tab: '.transfer-dialog [data-tab="agents"]', item: '.transfer-dialog .transfer-agents .transfer-choice', confirm: '.transfer-dialog .transfer-confirm' },
    department: { tab: '.transfer-dialog [data-tab="departments"]', item: '.transfer-dialog .transfer-departments .transfer-choice', confirm: '.transfer-dialog .transfer-confirm' },
  },
};

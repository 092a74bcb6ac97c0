import type { AdapterInput } from './schema';

/** The open chat's right column: its visitor block (fields are read from the whole page). */
const INFO = '.tab-pane.active.chat-tab-pane .chat-main-right-column';

/**
 * Live Helper Chat's back office (open source, self-hosted: the admin adds its URL), read as a
 * real LHC renders it: tests/consoles/livehelperchat/captures/ holds its DOM in each state that
 * matters (dashboard, a chat opened by AJAX, two chats, the single-chat window, masked contact
 * data, the visitor gone, a chat closed), with the commit it came from and the command to
 * capture it again. Chats are tabs (`#tabs`, kept by LHC's own lhinst.removeDialogTab); the open
 * one is the active `chat-tab-pane`. The visitor block has no classes of its own: its fields are
 * found by the titles LHC gives the IP cell and the phone icon. Masked e-mails and phones are skipped.
 */
export const livehelperchatAdapter: AdapterInput = {
  name: 'livehelperchat',
  label: 'Live Helper Chat',
  matches: ['https://*/index.php/site_admin/*', 'https://*/index.php/*/site_admin/*', 'https://*/site_admin/*'],
  // The dashboard has no chat yet: the console is there when its tab strip is.
  detect: '#tabs',
  // At the top of the column's scrolling area (its tab panel is absolutely placed: after it, the panel would lie under it).
  mount: { anchor: `${INFO} > [role="tabpanel"]`, position: 'beside', append: 'first' },
  chats: {
    list: '#tabs > ul[role="tablist"]',
    item: '#tabs > ul[role="tablist"] a.chat-nav-item[href^="#chat-id-"]',
    id: { read: 'attr', attr: 'href', pattern: '#chat-id-(\\d+)' },
    name: { selector: '.ntab' },
    active: '.active',
  },
  pane: { root: '.tab-pane.active.chat-tab-pane[id^="chat-id-"]', id: { read: 'attr', attr: 'id', pattern: 'chat-id-(\\d+)' } },
  fields: {
    // The chat's "New window" action carries the visitor's name (the tab's is cut short).
    'visitor.name': { selector: `${INFO} a[data-title]`, read: 'attr', attr: 'data-title' },
    // After the IP: the e-mail, as a link, or masked as text ("***@engine.example") for an operator without the right to see it.
    'visitor.email': { selector: `${INFO} div[title="IP"] + div`, pattern: '(\\S+@\\S+)' },
    'visitor.phone': { selector: `${INFO} div:has(> .material-icons[title="Phone"])` },
    'session.ip': { selector: `${INFO} [title="IP"]` },
    'chat.requestingPage': { selector: `${INFO} a:has(> [title="Page from where visitor started a chat."])`, read: 'attr', attr: 'href' },
  },
  transcript: {
    message: '.msgBlock .message-row',
    id: { read: 'attr', attr: 'id', pattern: 'msg-(\\d+)' },
    role: { system: '.system-response', visitor: '[data-op-id="0"]', agent: '[data-op-id]:not([data-op-id="0"]):not([data-op-id="-1"])' },
    author: { selector: '.usr-tit', exclude: '.msg-date' },
    text: { selector: '.msg-body' },
    time: { selector: '.msg-date' },
  },
  // LHC's own system message, not a visitor's words.
  ended: { selector: '.message-row.system-response .msg-body', text: 'Visitor has left the chat' },
  agent: {
    name: { selector: '.navbar li.dropstart > a.dropdown-toggle' },
    // The top bar's own online/offline switch shows the operator's state as its icon: flash_on, flash_off.
    state: { selector: 'change-online-status #online-offline-user', pattern: '^flash_(on|off)$' },
  },
  // The same switch sets it (a toggle: clicked only when the state is the other one).
  setState: { click: { on: 'change-online-status #online-offline-user', off: 'change-online-status #online-offline-user' } },
  // LHC's "Transfer chat" action opens its dialog (#myModal) by AJAX, which then loads the online
  // operators and the departments as radio labels (the first one checked), each tab with its Transfer button.
  transfer: {
    open: 'a[onclick*="chat/transferchat/"]',
    agent: { tab: '#myModal a[href="#transferusermodal"]', item: '#transfer-chat-listuserrefilter label', confirm: '#transferusermodal .transfer-action-button' },
    department: { tab: '#myModal a[href="#transferdepmodal"]', item: '#transfer-chat-list-refilter label', confirm: '#transferdepmodal .transfer-action-button' },
  },
};

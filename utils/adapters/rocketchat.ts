import type { AdapterInput } from './schema';

/**
 * Rocket.Chat omnichannel (open source, self-hosted or *.rocket.chat). The DOM it reads, and the
 * source files it comes from, are in tests/consoles/rocketchat/fixture.html. The room id is in the
 * route (/live/:rid); the contact's e-mail and phone come from the Contact Info bar.
 */
export const rocketchatAdapter: AdapterInput = {
  name: 'rocketchat',
  label: 'Rocket.Chat Omnichannel',
  matches: ['https://*.rocket.chat/live/*', 'https://*/live/*'],
  detect: '#react-root .messages-list',
  mount: { anchor: 'body', position: 'floating' },
  pane: { root: 'main.rcx-room', url: '/live/([^/?#]+)' },
  fields: {
    'visitor.name': { selector: '.messages-list [data-qa-type="message"][data-own="false"][data-system-message="false"] .rcx-message-header__name' },
    'visitor.email': { selector: 'aside.rcx-vertical-bar .rcx-icon--name-mail + div p' },
    'visitor.phone': { selector: 'aside.rcx-vertical-bar .rcx-icon--name-phone + div p' },
  },
  transcript: {
    message: '.messages-list [data-qa-type="message"]',
    id: { read: 'attr', attr: 'data-id' },
    role: { system: '[data-system-message="true"]', agent: '[data-own="true"]', visitor: '[data-own="false"]' },
    author: { selector: '.rcx-message-header__name' },
    text: { selector: '.rcx-message-body, .rcx-message-system__body' },
    time: { selector: '.rcx-message-header__time', read: 'attr', attr: 'title' },
  },
  ended: { text: 'Chat closed by' },
};

import type { AdapterInput } from './schema';

/**
 * Rocket.Chat omnichannel (open source, self-hosted or *.rocket.chat), on the hooks Rocket.Chat
 * itself keeps across 6.x, 7.x and the 2026 line (tests/consoles/rocketchat/: pages rebuilt from
 * its source, with the files they come from): the room's id on `data-qa-rc-room`, each message a
 * `.rcx-message` or `.rcx-message-system` with `data-mid`, `data-own` for the agent's own, and a
 * closed chat's `livechat-close` system message. Not `data-qa-type="message"` (gone in 2026) nor
 * the side bar's tag (an `aside` in 6.x, a dialog since 7.x). The contact's e-mail and phone are
 * the bar's label/value rows ("Email", "Phone" or "Phone number").
 */
export const rocketchatAdapter: AdapterInput = {
  name: 'rocketchat',
  label: 'Rocket.Chat Omnichannel',
  matches: ['https://*.rocket.chat/live/*', 'https://*/live/*'],
  detect: '[data-qa-rc-room] .messages-list',
  mount: { anchor: 'body', position: 'floating' },
  pane: { root: '[data-qa-rc-room]', id: { read: 'attr', attr: 'data-qa-rc-room' } },
  fields: {
    'visitor.name': { selector: '[data-qa-rc-room] .rcx-room-header h1' },
  },
  lists: {
    visitor: { kind: 'rows', row: '.rcx-vertical-bar .rcx-vertical-bar__content > div', label: { selector: ':scope > :first-child' }, value: { selector: ':scope > :nth-child(2)' } },
  },
  transcript: {
    message: '.messages-list .rcx-message[data-mid], .messages-list .rcx-message-system[data-mid]',
    id: { read: 'attr', attr: 'data-mid' },
    role: { system: '.rcx-message-system', agent: '[data-own="true"]', visitor: '[data-own="false"]' },
    author: { selector: '.rcx-message-header__name, .rcx-message-system__name' },
    text: { selector: '.rcx-message-body, .rcx-message-system__body' },
    time: { selector: '.rcx-message-header__time, .rcx-message-system__time', read: 'attr', attr: 'title' },
  },
  // Only Rocket.Chat's own mark: a visitor typing "conversation closed" ends nothing.
  ended: { selector: '[data-qa-rc-room] [data-system-message-type="livechat-close"]' },
};

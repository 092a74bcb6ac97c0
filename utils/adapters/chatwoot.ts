import type { AdapterInput } from './schema';

/**
 * Chatwoot's agent dashboard (open source, app.chatwoot.com or self-hosted), on what its 3.x and
 * 4.x conversation views share (tests/consoles/chatwoot/: v3.html and v4.html rebuilt from its
 * source): the pane `.conversation-details-wrap`,
 * each message `#message<id>` in `.conversation-panel` (3.x `li.left/right/center`, 4.x
 * `.message-bubble-container.justify-start/end/center`; 4.x renders the 3.x list when its
 * `chatwoot_v4` flag is off), the contact's `mailto:` and `tel:` links. The id is the route's
 * account and conversation (accounts/1/conversations/42). The contact's custom attributes are
 * not read: their markup was not confirmed in its current source. A resolved conversation shows Chatwoot's own activity
 * message. The Salesforce panel docks to the right so it covers nothing.
 */
export const chatwootAdapter: AdapterInput = {
  name: 'chatwoot',
  label: 'Chatwoot',
  matches: ['https://app.chatwoot.com/app/*', 'https://*/app/accounts/*'],
  detect: '#app .conversation-details-wrap .conversation-panel',
  mount: { anchor: 'body', position: 'docked-right' },
  // The account is part of the id: conversation 42 of another account is another chat.
  pane: { root: '.conversation-details-wrap', url: '/app/(accounts/\\d+/conversations/\\d+)' },
  fields: {
    'visitor.name': { selector: '.conversation-details-wrap h3.capitalize' },
    'visitor.email': { selector: '.conversation-details-wrap a[href^="mailto:"]', read: 'href' },
    'visitor.phone': { selector: '.conversation-details-wrap a[href^="tel:"]', read: 'href' },
  },
  transcript: {
    message: '.conversation-panel > li[id^="message"], .conversation-panel > .message-bubble-container',
    id: { read: 'attr', attr: 'id', pattern: '^message(\\d+)' },
    role: { system: '.center, .justify-center', agent: '.right, .justify-end', visitor: '.left, .justify-start' },
    // Chatwoot names an agent only by the avatar beside their message (4.x).
    author: { selector: '[role="img"] img[alt]', read: 'attr', attr: 'alt' },
    text: { selector: '.text-content, .prose-bubble, [data-bubble-name="activity"]' },
    time: { selector: '.message-text--metadata .time, time' },
    // A private note: 3.x marks its bubble, 4.x shows a lock in its meta line.
    note: ':has(.bubble.is-private), :has(.i-lucide-lock-keyhole)',
  },
  // Chatwoot's own activity message, never a visitor's words.
  ended: { selector: '.conversation-panel > li.center .text-content, .conversation-panel [data-bubble-name="activity"]', text: 'marked resolved' },
};

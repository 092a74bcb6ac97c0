import type { AdapterInput } from './schema';

/**
 * Chatwoot's agent dashboard (open source). The DOM it reads is documented, with the source
 * files it comes from, in tests/consoles/chatwoot/fixture.html. One conversation is open at a
 * time; its id is in the route (/app/accounts/1/conversations/42). The contact side panel renders
 * inside the conversation pane; the Salesforce panel docks to the right so it covers nothing.
 */
export const chatwootAdapter: AdapterInput = {
  name: 'chatwoot',
  label: 'Chatwoot',
  matches: ['https://app.chatwoot.com/*'],
  detect: '#app .conversation-details-wrap',
  mount: { anchor: 'body', position: 'docked-right' },
  pane: { root: '.conversation-details-wrap', url: '/conversations/(\\d+)' },
  fields: {
    'visitor.name': { selector: '.conversation-details-wrap h3.capitalize' },
    'visitor.email': { selector: '.conversation-details-wrap a[href^="mailto:"]', read: 'href' },
    'visitor.phone': { selector: '.conversation-details-wrap a[href^="tel:"]', read: 'href' },
  },
  lists: {
    custom: { kind: 'rows', row: '.conversation-details-wrap .custom-attribute', label: { selector: '.attribute-name' }, value: { selector: '.value--view .value' } },
  },
  transcript: {
    message: '[data-message-id]',
    id: { read: 'attr', attr: 'data-message-id' },
    role: { visitor: '.justify-start', agent: '.justify-end', system: '.justify-center' },
    text: { selector: '.left-bubble, .right-bubble, .rounded-lg' },
  },
  // Chatwoot posts an activity message when an agent resolves the conversation.
  ended: { text: 'marked resolved' },
};

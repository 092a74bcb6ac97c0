/**
 * What each field of the adapter format is for, as public/adapter.schema.json says it to an admin
 * writing an adapter. Kept apart from the schema so the console script does not carry the words.
 * Keys are paths without list positions ("chats.item"); "*.name" covers a name wherever it is.
 */
export const ADAPTER_DOCS: Record<string, string> = {
  name: 'A short id for the console (a-z, 0-9, -): names the console in chat keys and in errors.',
  label: 'The console as the agent and admin read its name.',
  matches: "URL match patterns of the console's pages, in Chrome's syntax (https://chat.example.com/*; a port is allowed).",
  detect: "A CSS selector present only on this console's pages: the console is recognised when it appears.",
  mount: 'Where the Salesforce panel sits on the console.',
  'mount.anchor': 'The element the panel goes into (beside), found by a CSS selector.',
  'mount.position': 'beside: inside the anchor; docked-right: a column of its own at the right edge; floating: a card in the bottom-right corner.',
  'mount.append': 'beside only: before the anchor\'s content ("first", seen without scrolling) or after it ("last").',
  chats: 'The open chats, when the console lists several (tabs, a queue).',
  'chats.item': 'Each chat of the list.',
  'chats.id': "The chat's id, read from its list item.",
  'chats.name': "The visitor's name as the list shows it.",
  'chats.active': 'Matches the list item of the chat open now.',
  'chats.list': 'The list itself: while it is there, a chat gone from it has ended (chats the adapter cannot read are no end).',
  pane: 'The open chat: its pane, and its id.',
  'pane.root': "The open chat's pane.",
  'pane.id': "The chat's id, read from the pane.",
  'pane.url': "A regular expression on the page's URL whose first group is the chat's id (instead of pane.id).",
  fields: 'Single values by chat field key (visitor.email, visitor.phone, chat.requestingPage, …), searched in the document.',
  lists: 'Label/value lists the console shows: the visitor card, the session, the pre-chat form, custom variables. Each label becomes a chat field (preChat.Order).',
  'lists.visitor': 'The visitor card\'s label/value list (visitor.*).',
  'lists.session': 'The session\'s label/value list (session.*: IP, country, browser…).',
  'lists.preChat': 'The pre-chat form\'s answers (preChat.<label>).',
  'lists.custom': "The console's custom variables (custom.<name>).",
  transcript: "The open chat's messages.",
  'transcript.message': 'Each message, searched inside the pane.',
  'transcript.id': "The message's id (a console that re-renders keeps it): messages are then read once.",
  'transcript.role': 'Which messages are the visitor\'s, the agent\'s, or the system\'s (a selector each matches).',
  'transcript.role.visitor': "Matches the visitor's messages.",
  'transcript.role.agent': "Matches the agents' messages.",
  'transcript.role.system': "Matches the console's own messages (joined, transferred, closed).",
  'transcript.author': "Who wrote the message; a message grouped under the one before takes that one's.",
  'transcript.text': "The message's text (icon glyphs and reaction widgets are left out).",
  'transcript.time': "The message's time.",
  'transcript.note': "Matches agents' internal notes: marked as such in the transcript, never presented as a reply.",
  'transcript.notes': 'mark: internal notes go into the transcript marked as notes; leave-out: they do not.',
  ended: "How the chat's end shows: an element, or one that says a text (the console's own system message, so a visitor typing the words ends nothing).",
  'ended.selector': 'An element present once the chat has ended.',
  'ended.text': 'Text that element (or, alone, the pane) says once the chat has ended.',
  offline: 'Offline messages the console lists (left when no agent was online).',
  'offline.item': 'Each offline message.',
  'offline.id': "The offline message's id.",
  'offline.fields': 'Its values by chat field key (visitor.name, visitor.email, chat.message, …).',
  agent: 'The agent signed in to the console.',
  'agent.name': "The agent's name.",
  'agent.email': "The agent's e-mail: the owner of what the extension creates is the Salesforce user with it.",
  'agent.state': "The agent's state (online, away…).",
  setState: "How to set the agent's state (presence sync with Omni-Channel), through the console's own control.",
  'setState.select': 'A select whose option values (or texts) are the states.',
  'setState.open': 'Clicked first: the menu that shows the states.',
  'setState.click': 'For each state (as agent.state reads it), the element to click.',
  transfer: "How to transfer the open chat through the console's own dialog (\"Transfer to <owner>\" in the panel).",
  'transfer.open': "The console's control that opens its transfer dialog (searched in the chat's pane first).",
  'transfer.agent': 'Where the dialog lists the agents to transfer to.',
  'transfer.department': 'Where the dialog lists the departments to transfer to.',
  '*.tab': 'Clicked first: the tab or section of the dialog that shows the list.',
  '*.item': 'Each choice of the list: the element to click, whose text names the agent (or department).',
  '*.confirm': 'The button that confirms the choice; without it, the click on the choice transfers.',
  // Wherever they appear: how a value is read from the page.
  '*.selector': 'A CSS selector (">>>" steps into an open shadow root).',
  '*.read': 'What of the element: its text (default), an attribute (attr), a link\'s target without mailto:/tel: (href), or a form control\'s value.',
  '*.attr': 'The attribute to read, with read: "attr".',
  '*.pattern': 'A regular expression on what was read; its first group is the value. Patterns that could take exponential time are refused.',
  '*.exclude': 'Descendants whose text is not part of the value (a time printed inside the author).',
  '*.kind': 'dl: a definition list; rows: label and value elements per row; text: "Label: value" rows.',
  '*.row': 'Each row of the list.',
  '*.label': "The row's label.",
  '*.value': "The row's value.",
  '*.separator': 'What separates label and value in a text row (default ":").',
};

/** The description of a field of the adapter format at a path (list positions dropped). */
export function adapterDoc(path: string): string | undefined {
  return ADAPTER_DOCS[path] ?? ADAPTER_DOCS[`*.${path.split('.').at(-1)}`];
}

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema | JsonSchema[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; additionalProperties?: JsonSchema | boolean; description?: string };

/** The adapter format's JSON Schema with a description on every field (those the schema does not say itself). */
export function withAdapterDocs<T>(schema: T): T {
  const walk = (node: JsonSchema | boolean | undefined, path: string) => {
    if (!node || typeof node !== 'object') return;
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const at = path ? `${path}.${key}` : key;
      const doc = adapterDoc(at);
      if (doc && !child.description) child.description = doc;
      walk(child, at);
    }
    for (const child of [node.items, node.anyOf, node.oneOf, node.additionalProperties].flat()) walk(child as JsonSchema | undefined, path);
  };
  walk(schema as JsonSchema, '');
  return schema;
}

import { z } from 'zod';

/**
 * A console adapter is data: where a console keeps each piece of a chat, as CSS selectors.
 * Admins add consoles with the same format (settings or enterprise policy), so this schema is
 * exported as JSON Schema. Selectors may cross into shadow roots and same-origin iframes with
 * ` >>> ` (e.g. `app-shell >>> .chat`).
 */

const Selector = z.string().min(1).max(500);

/** How to read one value: from an element found by `selector` (or the scope itself). */
export const Extract = z
  .object({
    selector: Selector.optional(),
    read: z.enum(['text', 'attr', 'href', 'value']).default('text'),
    attr: z.string().max(100).optional(),
    /** A regular expression; its first group (or the whole match) is the value. */
    pattern: z.string().max(500).optional(),
  })
  .refine((e) => e.read !== 'attr' || !!e.attr, { message: 'read "attr" needs "attr" (the attribute name)' })
  .refine((e) => !e.pattern || isRegExp(e.pattern), { message: 'pattern is not a valid regular expression' });
export type Extract = z.infer<typeof Extract>;

/** Label/value lists: definition lists, table rows, or "Label: value" rows. */
export const Pairs = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dl'), selector: Selector }),
  z.object({ kind: z.literal('rows'), row: Selector, label: Extract, value: Extract }),
  z.object({ kind: z.literal('text'), row: Selector, separator: z.string().min(1).max(5).default(':') }),
]);
export type Pairs = z.infer<typeof Pairs>;

export const FIELD_KEY = /^(visitor|session|preChat|custom|chat|agent)\.[A-Za-z][\w-]{0,60}$/;

/** Values by catalogue key (visitor.email, chat.channel, …); a bad key is named in the error. */
const FieldMap = z.record(z.string(), Extract).superRefine((fields, ctx) => {
  for (const key of Object.keys(fields)) {
    if (!FIELD_KEY.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'a catalogue key such as visitor.email' });
  }
});

export const Adapter = z.object({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,40}$/, 'lower-case letters, digits and dashes'),
  label: z.string().min(1).max(80),
  /** URL match patterns (Chrome's syntax) of the pages the console runs on. */
  matches: z.array(z.string().regex(/^(https?|\*):\/\/[^/]+\/.*$/, 'a match pattern such as https://chat.example.com/*')).min(1),
  /** Present only on this console's pages. */
  detect: Selector,
  mount: z.object({
    anchor: Selector,
    /** beside: inside the anchor, after its content; docked-right: fixed column; floating: corner card. */
    position: z.enum(['beside', 'docked-right', 'floating']).default('beside'),
  }),
  /** The open chats (tabs or a list), when the console shows several. */
  chats: z
    .object({ item: Selector, id: Extract, name: Extract.optional(), active: Selector })
    .optional(),
  /** The active chat: its pane, and its id (from the pane, or from the URL with `url`). */
  pane: z.object({
    root: Selector,
    id: Extract.optional(),
    url: z.string().max(500).refine(isRegExp, 'not a valid regular expression').optional(),
  }).refine((p) => p.id || p.url, { message: 'pane needs "id" or "url" to know the chat id' }),
  /** Single values by catalogue key (visitor.email, chat.channel, …). Searched in the document. */
  fields: FieldMap.default({}),
  lists: z.object({ visitor: Pairs, session: Pairs, preChat: Pairs, custom: Pairs }).partial().default({}),
  transcript: z.object({
    /** Each message, searched inside the pane. */
    message: Selector,
    id: Extract.optional(),
    role: z.object({ visitor: Selector, agent: Selector, system: Selector }).partial(),
    author: Extract.optional(),
    text: Extract,
    time: Extract.optional(),
  }),
  ended: z.object({ selector: Selector.optional(), text: z.string().max(200).optional() }).default({}),
  offline: z
    .object({ item: Selector, id: Extract, fields: FieldMap })
    .optional(),
  agent: z.object({ name: Extract, email: Extract, state: Extract }).partial().optional(),
});
export type Adapter = z.infer<typeof Adapter>;
export type AdapterInput = z.input<typeof Adapter>;

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** Parses one adapter; errors name the adapter, the field and what is wrong. */
export function parseAdapter(input: unknown): { ok: true; adapter: Adapter } | { ok: false; errors: string[] } {
  const result = Adapter.safeParse(input);
  if (result.success) return { ok: true, adapter: result.data };
  const name = typeof (input as { name?: unknown })?.name === 'string' ? (input as { name: string }).name : '(unnamed)';
  return {
    ok: false,
    errors: result.error.issues.map((issue) => `adapter "${name}": ${issue.path.join('.') || '(root)'}: ${issue.message}`),
  };
}

/** The adapter format as JSON Schema, for admins writing their own. */
export function adapterJsonSchema(): unknown {
  return z.toJSONSchema(Adapter, { io: 'input', unrepresentable: 'any' });
}

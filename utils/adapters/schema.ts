import * as z from 'zod/mini';
import { i18n } from '#i18n';
import { withAdapterDocs } from './schema-docs';

/**
 * A console adapter is data: where a console keeps each piece of a chat, as CSS selectors.
 * Admins add consoles with the same format (settings or enterprise policy), so this schema is
 * exported as JSON Schema. Selectors may cross into shadow roots and same-origin iframes with
 * ` >>> ` (e.g. `app-shell >>> .chat`). (zod/mini: it ships in the content script.)
 */

const Selector = z.string().check(z.minLength(1), z.maxLength(500));

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** How to read one value: from an element found by `selector` (or the scope itself). */
export const Extract = z
  .object({
    selector: z.optional(Selector),
    read: z._default(z.enum(['text', 'attr', 'href', 'value']), 'text'),
    attr: z.optional(z.string().check(z.maxLength(100))),
    /** A regular expression; its first group (or the whole match) is the value. */
    pattern: z.optional(z.string().check(z.maxLength(500))),
    /** Descendants whose text is not part of the value (a time inside the author's name). */
    exclude: z.optional(Selector),
  })
  .check(
    z.refine((e) => e.read !== 'attr' || !!e.attr, { error: () => i18n.t('schema.adapter.attr') }),
    z.refine((e) => !e.pattern || isRegExp(e.pattern), { error: () => i18n.t('schema.adapter.pattern') }),
  );
export type Extract = z.infer<typeof Extract>;

/** Label/value lists: definition lists, table rows, or "Label: value" rows. */
export const Pairs = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dl'), selector: Selector }),
  z.object({ kind: z.literal('rows'), row: Selector, label: Extract, value: Extract }),
  z.object({ kind: z.literal('text'), row: Selector, separator: z._default(z.string().check(z.minLength(1), z.maxLength(5)), ':') }),
]);
export type Pairs = z.infer<typeof Pairs>;

/** One list of the console's transfer dialog: the tab that shows it, each choice (its text names it), the button that confirms. */
const TransferList = z.object({ tab: z.optional(Selector), item: Selector, confirm: z.optional(Selector) });

export const FIELD_KEY = /^(visitor|session|preChat|custom|chat|agent)\.[A-Za-z][\w-]{0,60}$/;

/** Values by catalogue key (visitor.email, chat.channel, …); a bad key is named in the error. */
const FieldMap = z.record(z.string(), Extract).check(
  z.superRefine((fields, ctx) => {
    for (const key of Object.keys(fields)) {
      if (!FIELD_KEY.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: i18n.t('schema.adapter.fieldKey'), input: key });
    }
  }),
);

export const Adapter = z.object({
  name: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,40}$/, { error: () => i18n.t('schema.adapter.name') })),
  label: z.string().check(z.minLength(1), z.maxLength(80)),
  /** URL match patterns (Chrome's syntax) of the pages the console runs on. */
  matches: z.array(z.string().check(z.regex(/^(https?|\*):\/\/[^/]+\/.*$/, { error: () => i18n.t('schema.matchPattern') }))).check(z.minLength(1)),
  /** Present only on this console's pages. */
  detect: Selector,
  mount: z.object({
    anchor: Selector,
    /** beside: inside the anchor, after its content; docked-right: fixed column; floating: corner card. */
    position: z._default(z.enum(['beside', 'docked-right', 'floating']), 'beside'),
    /** beside: before the anchor's content ("first", seen without scrolling) or after it ("last"). */
    append: z._default(z.enum(['first', 'last']), 'last'),
  }),
  /** The open chats (tabs or a list), when the console shows several. */
  chats: z.optional(z.object({
    item: Selector, id: Extract, name: z.optional(Extract), active: Selector,
    /** The list itself: while it is there, a chat gone from it has ended, even the last one. Without it, only a list with chats left counts. */
    list: z.optional(Selector),
  })),
  /** The active chat: its pane, and its id (from the pane, or from the URL with `url`). */
  pane: z
    .object({
      root: Selector,
      id: z.optional(Extract),
      url: z.optional(z.string().check(z.maxLength(500), z.refine(isRegExp, { error: () => i18n.t('schema.adapter.regex') }))),
    })
    .check(z.refine((p) => !!(p.id || p.url), { error: () => i18n.t('schema.adapter.paneId') })),
  /** Single values by catalogue key (visitor.email, chat.channel, …). Searched in the document. */
  fields: z._default(FieldMap, {}),
  lists: z._default(z.partial(z.object({ visitor: Pairs, session: Pairs, preChat: Pairs, custom: Pairs })), {}),
  transcript: z.object({
    /** Each message, searched inside the pane. */
    message: Selector,
    id: z.optional(Extract),
    role: z.partial(z.object({ visitor: Selector, agent: Selector, system: Selector })),
    author: z.optional(Extract),
    text: Extract,
    time: z.optional(Extract),
    /** Messages that are agents' internal notes: marked as such in the transcript, or left out. */
    note: z.optional(Selector),
    notes: z._default(z.enum(['mark', 'leave-out']), 'mark'),
  }),
  /**
   * How a chat's end shows: an element (`selector`), or one that says `text` (the console's own
   * system message, so a visitor typing the words ends nothing); `text` alone searches the whole pane.
   */
  ended: z._default(z.object({ selector: z.optional(Selector), text: z.optional(z.string().check(z.maxLength(200))) }), {}),
  offline: z.optional(z.object({ item: Selector, id: Extract, fields: FieldMap })),
  agent: z.optional(z.partial(z.object({ name: Extract, email: Extract, state: Extract }))),
  /**
   * How to set the agent's state (presence sync), through the console's own control: a `select`
   * whose option values are the states, or the element to `click` for each state (after `open`,
   * the menu that shows them).
   */
  setState: z.optional(z.object({ select: z.optional(Selector), open: z.optional(Selector), click: z.optional(z.record(z.string().check(z.maxLength(80)), Selector)) })),
  /**
   * How to transfer the open chat through the console's own dialog (routing by Salesforce
   * fields): the control that opens it, then where it lists agents and departments.
   */
  transfer: z.optional(z.object({ open: Selector, agent: z.optional(TransferList), department: z.optional(TransferList) })),
});
export type Adapter = z.infer<typeof Adapter>;
export type AdapterInput = z.input<typeof Adapter>;

/** Parses one adapter; errors name the adapter, the field and what is wrong. */
export function parseAdapter(input: unknown): { ok: true; adapter: Adapter } | { ok: false; errors: string[] } {
  const result = Adapter.safeParse(input);
  if (result.success) return { ok: true, adapter: result.data };
  const name = typeof (input as { name?: unknown })?.name === 'string' ? (input as { name: string }).name : '(unnamed)';
  return {
    ok: false,
    errors: result.error.issues.map((issue) => i18n.t('schema.adapter.issue', { adapter: name, path: issue.path.join('.') || '(root)', problem: issue.message })),
  };
}

/** The adapter format as JSON Schema, for admins writing their own, every field described. */
export function adapterJsonSchema(): unknown {
  return withAdapterDocs(z.toJSONSchema(Adapter, { io: 'input', unrepresentable: 'any' }));
}

import * as z from 'zod/mini';
import { ChatEvent, ChatSnapshot } from '../chat/snapshot';
import { FieldMeta } from '../salesforce/describe';
import { CONNECT_REASONS } from '../salesforce/connect-reasons';
import { consoleCommands, TRANSFER_OUTCOMES } from './console-protocol';
import { relayCommands } from './relay-protocol';
import { RECORD_ID } from '../salesforce/record-id';
import { ConsoleHealth } from '../adapters/health';
import { ACTION_NAMES, AUTO_ACTION_NAMES } from '../plan/actions';

/**
 * The one protocol between content scripts, extension pages and the background.
 * Every command names the zod schemas of its payload and of its answer; both ends parse.
 */

export const SalesforceStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('not_connected') }),
  z.object({
    state: z.literal('connected'),
    instanceUrl: z.string(),
    apiVersion: z.string(),
    usage: z.nullable(z.object({ used: z.number(), max: z.number() })),
    /** Who connected (absent for a session stored by hand, as the tests do). */
    user: z.optional(z.object({ name: z.string(), username: z.string() })),
    orgId: z.optional(z.string()),
    orgName: z.optional(z.string()),
    /** The org's country (its default phone region): phones of that country are shown as the org writes them. */
    orgRegion: z.optional(z.string()),
    /** This extension's requests today, and the share of the org's allowance it may use (null: not known yet). */
    budget: z.optional(z.object({ calls: z.number(), allowed: z.nullable(z.number()), percent: z.number() })),
    /** What is written on its own when a chat ends (the admin's automatic action). */
    atChatEnd: z.optional(z.enum(AUTO_ACTION_NAMES)),
    /** When nobody matches the visitor: whether that automatic action still creates them. */
    atChatEndNoMatch: z.optional(z.enum(['create', 'nothing'])),
    /** Every chat must be related to an account (the panel asks for one). */
    requireAccount: z.optional(z.boolean()),
  }),
  z.object({ state: z.literal('session_expired'), instanceUrl: z.string() }),
  z.object({ state: z.literal('over_limit'), instanceUrl: z.string(), message: z.string() }),
  z.object({ state: z.literal('unreachable'), instanceUrl: z.string(), message: z.string() }),
]);
export type SalesforceStatus = z.infer<typeof SalesforceStatus>;

/** A record id from a page (the panel, the popup): Salesforce's shape only, since ids go into URL paths and queries. */
export const SalesforceId = z.string().check(z.regex(RECORD_ID, 'a Salesforce record id (15 or 18 letters and digits)'));

export const FieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const Values = z.record(z.string(), FieldValue);
const Names = z.record(z.string(), z.string());

const OpenCase = z.object({ id: z.string(), number: z.string(), subject: z.optional(z.string()), status: z.optional(z.string()), lastModified: z.optional(z.string()) });
export const Candidate = z.object({
  type: z.enum(['Contact', 'Lead', 'Account']),
  id: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  account: z.optional(z.object({ id: z.string(), name: z.optional(z.string()), values: z.optional(Values), names: z.optional(Names) })),
  values: z.optional(Values),
  names: z.optional(Names),
  matched: z.array(z.string()),
  lastModified: z.optional(z.string()),
  viaConvertedLead: z.optional(z.string()),
  tiedWithBest: z.optional(z.boolean()),
  related: z.optional(z.object({
    cases: z.array(OpenCase),
    activities: z.array(z.object({ id: z.string(), subject: z.optional(z.string()), status: z.optional(z.string()), date: z.optional(z.string()), lastModified: z.optional(z.string()) })),
    /** A contact's account's other open cases. */
    accountCases: z.optional(z.array(OpenCase)),
  })),
});
export type Candidate = z.infer<typeof Candidate>;

/** A chat by its console and id: what the agent decided for it is kept under its key. */
const ChatRef = { console: z.string().check(z.maxLength(100)), chatId: z.string().check(z.minLength(1), z.maxLength(200)) };

/** The fields the panel shows per object, in layout order, with what it needs to format and edit them. */
export const ManualAction = z.enum(ACTION_NAMES);
export type ManualAction = z.infer<typeof ManualAction>;

/** A value of the chat's that a write leaves out, or cuts, and why; `value`: the chat's text, where the agent can correct it. */
export const SkippedField = z.object({
  ref: z.enum(['person', 'record']), object: z.string(), field: z.string(), label: z.string(), reason: z.string(),
  value: z.optional(z.string()),
});
export type SkippedField = z.infer<typeof SkippedField>;

/** One chat write as the panel and popup see it. */
export const OutboxItem = z.object({
  id: z.string(),
  chatId: z.string(),
  /** The visitor's name as the console showed it (gone once a written chat is trimmed). */
  visitor: z.optional(z.string()),
  trigger: z.string(),
  action: z.optional(z.string()),
  state: z.enum(['waiting', 'pending', 'done', 'needs_attention']),
  attempts: z.number(),
  lastError: z.optional(z.string()),
  /** When a pending write is tried again (after a passing failure). */
  nextAttemptAt: z.optional(z.number()),
  updatedAt: z.optional(z.number()),
  errors: z.array(z.object({
    ref: z.string(), object: z.string(), code: z.string(), message: z.string(), fields: z.array(z.string()),
    /** What was sent in the fields Salesforce named (the agent corrects them from there), and their labels. */
    values: z.optional(z.record(z.string(), FieldValue)),
    labels: z.optional(z.record(z.string(), z.string())),
  })),
  duplicates: z.array(z.object({ object: z.string(), id: z.string(), name: z.optional(z.string()) })),
  ids: z.record(z.string(), z.string()),
  steps: z.array(z.object({ ref: z.string(), object: z.string(), method: z.string() })),
  /** Values the chat had that were not written (or not whole), and why (too long, not a date, not creatable for this user…). */
  skipped: z._default(z.array(SkippedField), []),
  /** Until when the write waits for the agent's wrap-up (then goes as it is). */
  wrapUpUntil: z.optional(z.number()),
  /** The org the write is for; elsewhere: not the org connected now, so it waits for the agent ("send to this org" or "discard"). */
  orgId: z.optional(z.string()),
  elsewhere: z.optional(z.boolean()),
});
export type OutboxItem = z.infer<typeof OutboxItem>;

/** Pushed by the background to the panel frames of the tab whose chat write settled. */
export const OutboxUpdate = z.object({ type: z.literal('outbox.update'), tabId: z.number(), instanceUrl: z.string(), item: OutboxItem });
export type OutboxUpdate = z.infer<typeof OutboxUpdate>;

/** Pushed by the background to the panel frames of a tab: how well its console is recognised. */
export const PanelHealth = z.object({ type: z.literal('panel.health'), tabId: z.number(), health: ConsoleHealth });
export type PanelHealth = z.infer<typeof PanelHealth>;

/** Pushed by the background to the panel frames of a tab: something the agent must know and act on (the browser could not keep a chat's write). */
export const PanelProblem = z.object({ type: z.literal('panel.problem'), tabId: z.number(), message: z.string() });
export type PanelProblem = z.infer<typeof PanelProblem>;

/** Pushed by the background to the panel frames of a tab: the chat its console shows now, as read. */
export const PanelChat = z.object({ type: z.literal('panel.chat'), tabId: z.number(), snapshot: z.nullable(ChatSnapshot) });
export type PanelChat = z.infer<typeof PanelChat>;

/** Whatever the background pushes to a tab's panel frames, told apart by its type (one check each). */
export const PanelMessage = z.discriminatedUnion('type', [PanelChat, OutboxUpdate, PanelHealth, PanelProblem]);
export type PanelMessage = z.infer<typeof PanelMessage>;

export const FormField = z.extend(FieldMeta, { required: z.boolean() });
export type FormField = z.infer<typeof FormField>;
export const FormSection = z.object({ heading: z.string(), fields: z.array(FormField) });
export type FormSection = z.infer<typeof FormSection>;

export const DisplayFields = z.object({
  Contact: z.optional(z.array(FieldMeta)),
  Lead: z.optional(z.array(FieldMeta)),
  Account: z.optional(z.array(FieldMeta)),
});
export type DisplayFields = z.infer<typeof DisplayFields>;

export const IdentifyResult = z.discriminatedUnion('state', [
  z.object({
    state: z.enum(['found', 'not_found']),
    instanceUrl: z.string(),
    fields: DisplayFields,
    contacts: z.array(Candidate),
    leads: z.array(Candidate),
    accounts: z.array(Candidate),
  }),
  z.object({
    state: z.literal('error'),
    kind: z.enum(['not_connected', 'session_expired', 'over_limit', 'over_budget', 'unreachable', 'salesforce']),
    message: z.string(),
  }),
]);
export type IdentifyResult = z.infer<typeof IdentifyResult>;

const RouteObject = z.enum(['Contact', 'Lead', 'Account']);
/** A record's owner as the panel shows them: `me` when it is the agent; `omni` their presence, when the org has Omni-Channel. */
const RoutePerson = z.object({
  userId: z.string(), name: z.string(), object: RouteObject, me: z.boolean(),
  omni: z.optional(z.discriminatedUnion('state', [z.object({ state: z.literal('online'), label: z.string(), away: z.boolean() }), z.object({ state: z.literal('offline') })])),
});
export type RoutePerson = z.infer<typeof RoutePerson>;
/** Why a routing rule applies: the field and the value it saw. */
const Because = z.object({ object: RouteObject, field: z.string(), value: z.string() });

export const commands = {
  ...consoleCommands,
  ...relayCommands,
  /** Liveness and identity of the worker that answered. */
  'worker.info': {
    request: z.object({}),
    response: z.object({ version: z.string(), startedAt: z.number() }),
  },
  /** Connection state, checked with one real request to the org. */
  'salesforce.status': {
    request: z.object({}),
    response: SalesforceStatus,
  },
  /** The panel frame, when it loads: which tab it sits in, and the chat that tab's console shows. */
  'panel.open': {
    request: z.object({}),
    response: z.object({ tabId: z.number(), snapshot: z.nullable(ChatSnapshot), health: z.optional(ConsoleHealth) }),
  },
  /**
   * The panel, when its console tab is shown: the agent's Omni-Channel status, read-only. From the
   * bridge when presence sync runs, else one query of UserServicePresence; none: no Omni-Channel
   * (or not connected). `synced`: the sync keeps it in step with the console.
   */
  'omni.status': {
    request: z.object({}),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('online'), status: z.string(), label: z.string(), synced: z.boolean() }),
      z.object({ state: z.literal('offline'), synced: z.boolean() }),
      z.object({ state: z.literal('none') }),
    ]),
  },
  /**
   * The panel, for the record it shows: its owner and, by the admin's routing rules, whom to
   * suggest transferring the chat to, each with their Omni-Channel presence (one query a minute at
   * most per person, none in an org without Omni-Channel), and what the console's dialog can transfer to.
   */
  'routing.suggest': {
    request: z.object({ ...ChatRef, record: Candidate }),
    response: z.object({
      owner: z.nullable(RoutePerson),
      suggestion: z.nullable(z.discriminatedUnion('to', [
        z.object({ to: z.literal('owner'), owner: RoutePerson, because: Because }),
        z.object({ to: z.literal('department'), department: z.string(), because: Because }),
      ])),
      transfer: z.object({ agent: z.boolean(), department: z.boolean() }),
      /** The chat was transferred through the panel already (a panel loaded again shows it). */
      transferred: z.optional(z.object({ to: z.string(), kind: z.enum(['agent', 'department']) })),
    }),
  },
  /** The panel, after the agent confirmed: transfer its tab's chat through the console's own dialog. */
  'console.transfer': {
    request: z.object({ ...ChatRef, to: z.object({ kind: z.enum(['agent', 'department']), name: z.string().check(z.minLength(1), z.maxLength(255)) }) }),
    response: z.object({ outcome: z.enum(TRANSFER_OUTCOMES) }),
  },
  /** The options page: the Omni-Channel statuses the bridge said this user may set (none until a Lightning console with it is open). */
  'presence.statuses': {
    request: z.object({}),
    response: z.array(z.object({ id: z.string(), apiName: z.string(), label: z.string() })),
  },
  /** Extension pages (popup, options): the console tabs whose layout is not (or only partly) recognised, and why. */
  'console.problems': {
    request: z.object({}),
    response: z.array(z.object({ tabId: z.number(), title: z.optional(z.string()), health: ConsoleHealth })),
  },
  /** Who this visitor is in Salesforce: one composite request, or none when seen in the last 10 minutes. */
  'identify.run': {
    request: z.object({ snapshot: ChatSnapshot, force: z._default(z.boolean(), false) }),
    response: IdentifyResult,
  },
  /** The agent's own search by name, e-mail or phone (one SOSL request). */
  'salesforce.search': {
    request: z.object({ text: z.string().check(z.maxLength(200)) }),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('results'), instanceUrl: z.string(), fields: DisplayFields, records: z.array(Candidate) }),
      z.object({ state: z.literal('error'), message: z.string() }),
    ]),
  },
  /** The agent's edit of shown fields: checked against describe, then ONE update request. */
  'record.update': {
    request: z.object({
      type: z.enum(['Contact', 'Lead', 'Account']),
      id: SalesforceId,
      values: z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/)), FieldValue),
      /** What the panel showed before the edit (the audit log keeps it beside the new values). */
      before: z.optional(z.record(z.string(), FieldValue)),
    }),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('saved') }),
      /** Salesforce (or describe) refused: the messages per field, and those about no field. */
      z.object({ state: z.literal('refused'), fields: z.record(z.string(), z.string()), message: z.optional(z.string()) }),
      z.object({ state: z.literal('error'), message: z.string() }),
    ]),
  },
  /** The outbox: every chat write and where it stands (optionally one chat's). */
  'outbox.list': {
    request: z.object({ chatId: z.optional(z.string().check(z.maxLength(200))) }),
    response: z.array(OutboxItem),
  },
  /** Sends a chat's write that needed attention again, optionally to the existing record a duplicate rule named. */
  'outbox.retry': {
    request: z.object({
      id: z.string().check(z.maxLength(500)),
      attachTo: z.optional(z.object({ type: z.enum(['Contact', 'Lead']), id: SalesforceId })),
      /** Corrected values per plan step (ref → field → value), after Salesforce refused the first ones. */
      fixes: z.optional(z.record(z.string().check(z.regex(/^[a-z]+$/)), z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/)), FieldValue))),
    }),
    response: z.nullable(OutboxItem),
  },
  /** The agent's wrap-up of an ended chat is done: its write goes now, with the disposition and notes. */
  'outbox.wrapUp': {
    request: z.object({
      id: z.string().check(z.maxLength(500)),
      disposition: z.optional(z.string().check(z.maxLength(255))),
      notes: z.optional(z.string().check(z.maxLength(10_000))),
    }),
    response: z.nullable(OutboxItem),
  },
  /** A write planned for another org than the one connected now: plan it again for this one. */
  'outbox.adopt': {
    request: z.object({ id: z.string().check(z.maxLength(500)) }),
    response: z.nullable(OutboxItem),
  },
  /** A write that waits (planned for another org): forget it, never send it. */
  'outbox.discard': {
    request: z.object({ id: z.string().check(z.maxLength(500)) }),
    response: z.object({ discarded: z.boolean() }),
  },
  /** Stored writes this version could not read: set aside, never sent; `raw` (JSON) for the admin to recover. */
  'outbox.quarantined': {
    request: z.object({}),
    response: z.array(z.object({ reason: z.string(), at: z.number(), chatId: z.optional(z.string()), raw: z.string() })),
  },
  /** A form for a new record, as the org's layout has it, with initial values from the mapping. */
  'form.open': {
    request: z.object({ snapshot: ChatSnapshot, action: ManualAction, object: z.enum(['Contact', 'Lead', 'Case', 'Task']), recordTypeId: z.optional(SalesforceId) }),
    response: z.discriminatedUnion('state', [
      z.object({
        state: z.literal('form'), object: z.string(), label: z.string(), sections: z.array(FormSection), initial: Values, names: Names,
        /** Record types to choose from (several only where the org has them), and the one this form is for. */
        recordTypes: z.array(z.object({ id: z.string(), name: z.string(), default: z.boolean() })),
        recordTypeId: z.nullable(z.string()),
        /** Fields the form may fill that the layout does not show (written all the same), by label. */
        offLayout: z._default(z.array(z.object({ name: z.string(), label: z.string() })), []),
      }),
      z.object({ state: z.literal('error'), message: z.string() }),
    ]),
  },
  /** Creates the contact or lead the agent filled in, now (one request). */
  'record.create': {
    request: z.object({ type: z.enum(['Contact', 'Lead', 'Case', 'Task']), values: z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/)), FieldValue) }),
    response: z.discriminatedUnion('state', [
      /** name: a person's name, a case's number, a task's subject. */
      z.object({ state: z.literal('created'), id: z.string(), name: z.string() }),
      z.object({ state: z.literal('refused'), fields: z.record(z.string(), z.string()), message: z.optional(z.string()), duplicates: z.array(z.object({ object: z.string(), id: z.string() })) }),
      z.object({ state: z.literal('error'), message: z.string() }),
    ]),
  },
  /** Records a lookup field can point to, by name (Account, Owner, Assigned To): one query. A real Task.WhatId names ~80 objects. */
  'lookup.search': {
    request: z.object({ referenceTo: z.array(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/))).check(z.maxLength(200)), text: z.string().check(z.maxLength(100)) }),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('results'), records: z.array(z.object({ id: z.string(), name: z.string(), type: z.optional(z.string()) })) }),
      z.object({ state: z.literal('error'), message: z.string() }),
    ]),
  },
  /** The agent's choice for this chat (seed 000): what is written when it ends, replacing the automatic action. */
  /** The record the agent chose for a chat (a match, a search result, one created), or none: every write of the chat goes to it. */
  'chat.record': {
    request: z.object({
      ...ChatRef,
      record: z.nullable(z.object({ type: z.enum(['Contact', 'Lead', 'Account']), id: SalesforceId, name: z.string().check(z.maxLength(255)) })),
    }),
    response: z.object({ stored: z.boolean() }),
  },
  /** More contacts the agent put on the chat (empty: none): its task names them too. */
  'chat.people': {
    request: z.object({ ...ChatRef, people: z.array(z.object({ id: SalesforceId, name: z.string().check(z.maxLength(255)) })).check(z.maxLength(49)) }),
    response: z.object({ stored: z.boolean() }),
  },
  /** The account the agent related the chat to (null: none): its new records go under it. */
  'chat.account': {
    request: z.object({
      ...ChatRef,
      account: z.nullable(z.object({ id: SalesforceId, name: z.string().check(z.maxLength(255)) })),
    }),
    response: z.object({ stored: z.boolean() }),
  },
  /** The open case the agent attached the chat to (null: none): the chat's writes go on it instead of opening another. */
  'chat.case': {
    request: z.object({
      ...ChatRef,
      case: z.nullable(z.object({ id: SalesforceId, number: z.string().check(z.maxLength(40)) })),
    }),
    response: z.object({ stored: z.boolean() }),
  },
  /** Before the chat ends: what its automatic (or chosen) write would leave out, with what the agent can correct. */
  'chat.preview': {
    request: z.object({ snapshot: ChatSnapshot }),
    response: z.discriminatedUnion('state', [
      z.object({
        state: z.literal('preview'),
        skipped: z.array(z.extend(SkippedField, {
          /** For the correction: the field's length, and the values a picklist offers. */
          limit: z.optional(z.number()),
          options: z.optional(z.array(z.object({ value: z.string(), label: z.string() }))),
        })),
        /** The case the chat is attached to, if the agent attached it to one. */
        chatCase: z.optional(z.object({ id: z.string(), number: z.string() })),
        /** The other contacts the agent put on the chat. */
        people: z.optional(z.array(z.object({ id: z.string(), name: z.string() }))),
        /** Whether they get a task of their own (the org's tasks name one person, and the admin chose a task each). */
        othersOwnTasks: z.optional(z.boolean()),
        /** The account the agent related the chat to, if they did. */
        chatAccount: z.optional(z.object({ id: z.string(), name: z.string() })),
        /** Whether the automatic write would wait for an account (the admin requires one; the chat has none). */
        needsAccount: z.optional(z.boolean()),
        /** When the chat ends, the wrap-up asked of the agent: the disposition's field and choices (none: notes only). */
        wrapUp: z.optional(z.object({ seconds: z.number(), disposition: z.nullable(z.object({ label: z.string(), options: z.array(z.object({ value: z.string(), label: z.string() })) })) })),
      }),
      z.object({ state: z.literal('error'), message: z.string() }),
    ]),
  },
  /** The agent's correction of a value the chat's write would leave out (null: take the chat's again). */
  'chat.fix': {
    request: z.object({
      snapshot: ChatSnapshot,
      ref: z.enum(['person', 'record']),
      object: z.enum(['Contact', 'Lead', 'Case', 'Task']),
      field: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.maxLength(80)),
      value: z.nullable(z.string().check(z.maxLength(32_000))),
    }),
    response: z.discriminatedUnion('ok', [z.object({ ok: z.literal(true) }), z.object({ ok: z.literal(false), problem: z.string() })]),
  },
  'chat.plan': {
    request: z.object({
      snapshot: ChatSnapshot,
      action: ManualAction,
      person: z.optional(z.object({ type: z.enum(['Contact', 'Lead', 'Account']), id: SalesforceId })),
      overrides: z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/)), FieldValue),
      /** A case created during the chat: at its end it gets the whole chat (an update of the same record). */
      update: z.optional(z.object({ object: z.enum(['Case', 'Task']), id: SalesforceId })),
    }),
    response: OutboxItem,
  },
  /** Extension pages only: connect through Salesforce's login page (OAuth 2.0 + PKCE). */
  'auth.connect': {
    request: z.object({}),
    response: z.discriminatedUnion('ok', [
      z.object({ ok: z.literal(true), status: SalesforceStatus }),
      z.object({ ok: z.literal(false), message: z.string(), reason: z.optional(z.enum(CONNECT_REASONS)) }),
    ]),
  },
  /**
   * Extension pages only: revoke the token at Salesforce and forget it; with `removeData`, also the
   * writes (sent or not), the audit log and every cache in this browser (the settings stay).
   */
  'auth.disconnect': {
    request: z.object({ removeData: z._default(z.boolean(), false) }),
    response: z.object({ revoked: z.boolean(), removed: z.optional(z.object({ writes: z.number(), unsent: z.number() })) }),
  },
  /** Extension pages only: the org's fields per object (describe), for the options page's pickers. */
  'salesforce.fields': {
    request: z.object({}),
    response: z.discriminatedUnion('state', [
      z.object({ state: z.literal('fields'), objects: z.record(z.string(), z.array(z.object({
        name: z.string(), label: z.string(), type: z.string(), chatKey: z.optional(z.boolean()),
        /** False when this user can neither create nor update it (formulas, system fields): not offered for mapping. */
        writable: z.optional(z.boolean()),
        /** A picklist's active values, for settings that take one (a task's status, a case's origin). */
        values: z.optional(z.array(z.object({ value: z.string(), label: z.string() }))),
      }))) }),
      z.object({ state: z.literal('error'), message: z.string() }),
    ]),
  },
  /** The latest chat events the background received (newest last): diagnostics and tests. */
  'chat.recent': {
    request: z.object({ limit: z._default(z.int().check(z.gte(1), z.lte(500)), 50) }),
    /** Each with its last 20 messages, and how many the chat had. */
    response: z.array(z.object({ type: ChatEvent.shape.type, chatId: z.string(), console: z.string(), at: z.number(), snapshot: ChatEvent.shape.snapshot, messages: z.number() })),
  },
} satisfies Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandRequest<C extends CommandName> = z.input<Commands[C]['request']>;
export type CommandResponse<C extends CommandName> = z.output<Commands[C]['response']>;
/** What a handler receives: the request after parsing (defaults filled in). */
export type CommandPayload<C extends CommandName> = z.output<Commands[C]['request']>;

export { CommandError, Envelope, ErrorInfo, Reply } from './envelope';
export { PANEL_HEIGHT_MESSAGE } from './console-protocol';

/** What content scripts may send: the console script's commands and the Lightning relay's. */
export const CONSOLE_COMMANDS: ReadonlySet<string> = new Set([...Object.keys(consoleCommands), ...Object.keys(relayCommands)]);

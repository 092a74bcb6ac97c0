import * as z from 'zod/mini';
import { ChatEvent, ChatSnapshot } from '../chat/snapshot';
import { Adapter } from '../adapters/schema';

/**
 * The commands a console page's content script may send, and the only ones: what it reads on its
 * own tab, and which consoles to watch. Everything that reads or writes Salesforce comes from the
 * extension's own pages (the panel frame, the popup, the options page), which no script on the
 * console reaches. Kept apart from the rest of the protocol so the console script carries only these.
 */
/**
 * What the console script saw of the console's parts after a batch that read them, sent when it
 * changed: the background judges the health from it (the console script stays small).
 */
export const ConsoleSeen = z.object({
  /** The adapter's name. */
  console: z.string().check(z.maxLength(100)),
  /** The chat list is read (its items match, or it holds nothing but its own children). */
  list: z.boolean(),
  /** The list marks one of its chats as the open one. */
  listedActive: z.boolean(),
  pane: z.boolean(),
  /** The chat open in the pane, if it is read, whether the list shows it, and whether any of its messages were read. */
  active: z.nullable(z.string().check(z.maxLength(200))),
  activeListed: z.boolean(),
  messages: z.boolean(),
});
export type ConsoleSeen = z.infer<typeof ConsoleSeen>;


/** What the background asks a content script to set: the console's state, or Omni's status (null: log out). */
export type PresenceSet = { type: 'presence.set'; state: string } | { type: 'presence.set'; status: string | null; statusId?: string };

/** Who a chat is transferred to: an agent or a department, by name as the console's dialog lists them. */
export type TransferTarget = { kind: 'agent' | 'department'; name: string };
/**
 * How it went: done (the dialog closed after the confirmation), unconfirmed (it did not close),
 * not-open (the console shows another chat), no-control (no transfer control, or no such list),
 * not-listed / ambiguous (nobody, or several, by that name: nothing was confirmed).
 */
export const TRANSFER_OUTCOMES = ['done', 'unconfirmed', 'not-open', 'no-control', 'not-listed', 'ambiguous'] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

export const consoleCommands = {
  /** Something happened to a chat on the console page (started, updated, ended, offline message). */
  'chat.event': {
    request: ChatEvent,
    /**
     * known: false, for an update by its new messages that the background cannot place (a worker
     * that restarted): send it whole. showAgain: the background does not know which chat the tab
     * shows (a worker that restarted): tell it again with chat.active.
     */
    response: z.object({ accepted: z.boolean(), known: z.optional(z.boolean()), showAgain: z.optional(z.boolean()) }),
  },
  /** Console scripts: the chat the console shows now (null: none). The snapshot is left out when the background has it from the chat's last event. */
  'chat.active': {
    request: z.object({ chatId: z.nullable(z.string().check(z.maxLength(200))), snapshot: z.optional(ChatSnapshot) }),
    response: z.object({ known: z.boolean() }),
  },
  /** What the watcher sees of this tab's console's parts, when that changed (the background judges its health). */
  'console.seen': {
    request: ConsoleSeen,
    response: z.object({}),
  },
  /**
   * The page's URL matches these adapters, yet none of their consoles appeared (their `detect`
   * matched nothing): the console changed, or the adapter is wrong. The background says so.
   */
  'console.undetected': {
    request: z.object({ consoles: z.array(z.string().check(z.maxLength(100))).check(z.minLength(1), z.maxLength(40)) }),
    response: z.object({}),
  },
  /** Presence sync: the agent's state as this tab's console shows it, when it changed (null: not shown). */
  'presence.console': {
    request: z.object({ state: z.string().check(z.minLength(1), z.maxLength(80)) }),
    response: z.object({}),
  },
  /** The console adapters switched on in settings (built-ins with their URLs, and custom ones). */
  'console.adapters': {
    request: z.object({}),
    response: z.object({ adapters: z.array(Adapter) }),
  },
} satisfies Record<string, { request: z.ZodMiniType; response: z.ZodMiniType }>;



/** The one message the panel frame posts to its console page: its height (which the page can measure anyway). */
export const PANEL_HEIGHT_MESSAGE = 'sf-panel:height';

// zod/mini: the same validation, a fraction of the bytes in the content script.
import * as z from 'zod/mini';

/**
 * A chat as the content script read it from the console page. Everything in it is visitor-
 * controlled text: validated here when it leaves the page and again in the background.
 */
export const FIELD_MAX = 4_000;
export const MESSAGE_MAX = 20_000;
/** A bound against a page that never stops adding nodes, far above any real chat; above it, the transcript says how many earlier messages were not read. */
export const TRANSCRIPT_MAX = 20_000;

const Text = z.string().check(z.maxLength(FIELD_MAX));
const Values = z.record(z.string().check(z.maxLength(200)), Text);

export const Role = z.enum(['visitor', 'agent', 'system']);
export type Role = z.infer<typeof Role>;

export const Message = z.object({
  id: z.optional(z.string().check(z.maxLength(200))),
  role: Role,
  author: z.optional(Text),
  text: z.string().check(z.maxLength(MESSAGE_MAX)),
  time: z.optional(Text),
  /** An agents' internal note (the customer never saw it): never presented as a reply. */
  note: z.optional(z.boolean()),
});
export type Message = z.infer<typeof Message>;

export const ChatSnapshot = z.object({
  chatId: z.string().check(z.minLength(1), z.maxLength(200)),
  console: z.string().check(z.maxLength(100)),
  state: z.enum(['active', 'ended', 'offline']),
  visitor: z.object({ name: z.optional(Text), email: z.optional(Text), phone: z.optional(Text), company: z.optional(Text), visits: z.optional(Text), chats: z.optional(Text) }),
  /** Values the console showed masked (e.g. "j***@example.com"): never used to match. */
  masked: z._default(z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20)), []),
  session: Values,
  preChat: Values,
  custom: Values,
  chat: Values,
  transcript: z.array(Message).check(z.maxLength(TRANSCRIPT_MAX)),
  agent: z.object({ name: z.optional(Text), email: z.optional(Text), state: z.optional(Text) }),
});
export type ChatSnapshot = z.infer<typeof ChatSnapshot>;

export const ChatEventType = z.enum(['started', 'updated', 'ended', 'offline-message']);
export type ChatEventType = z.infer<typeof ChatEventType>;

export const ChatEvent = z.object({
  type: ChatEventType,
  snapshot: ChatSnapshot,
  /**
   * An update that carries only the messages after the first `appendTo` (the background has those
   * from the chat's earlier events): what a new message costs stays the same however long the chat.
   */
  appendTo: z.optional(z.number().check(z.gte(0), z.lte(TRANSCRIPT_MAX), z.refine(Number.isInteger))),
});
export type ChatEvent = z.infer<typeof ChatEvent>;

/**
 * A chat's end or an offline message: the events its write is stored for. The console script
 * sends them until the background has stored them, and holds nothing of the chat after them.
 */
export const closesChat = (event: Pick<ChatEvent, 'type'>): boolean => event.type === 'ended' || event.type === 'offline-message';

export function emptySnapshot(chatId: string, consoleName: string, state: ChatSnapshot['state'] = 'active'): ChatSnapshot {
  return { chatId, console: consoleName, state, visitor: {}, masked: [], session: {}, preChat: {}, custom: {}, chat: {}, transcript: [], agent: {} };
}

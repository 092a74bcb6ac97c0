import { z } from 'zod';

/**
 * A chat as the content script read it from the console page. Everything in it is visitor-
 * controlled text: validated here when it leaves the page and again in the background.
 */
export const FIELD_MAX = 4_000;
export const MESSAGE_MAX = 20_000;
export const TRANSCRIPT_MAX = 2_000;

const Text = z.string().max(FIELD_MAX);
const Values = z.record(z.string().max(200), Text);

export const Role = z.enum(['visitor', 'agent', 'system']);
export type Role = z.infer<typeof Role>;

export const Message = z.object({
  id: z.string().max(200).optional(),
  role: Role,
  author: Text.optional(),
  text: z.string().max(MESSAGE_MAX),
  time: Text.optional(),
});
export type Message = z.infer<typeof Message>;

export const ChatSnapshot = z.object({
  chatId: z.string().min(1).max(200),
  console: z.string().max(100),
  state: z.enum(['active', 'ended', 'offline']),
  visitor: z.object({ name: Text.optional(), email: Text.optional(), phone: Text.optional(), visits: Text.optional(), chats: Text.optional() }),
  /** Values the console showed masked (e.g. "j***@example.com"): never used to match. */
  masked: z.array(z.string().max(100)).max(20).default([]),
  session: Values,
  preChat: Values,
  custom: Values,
  chat: Values,
  transcript: z.array(Message).max(TRANSCRIPT_MAX),
  agent: z.object({ name: Text.optional(), email: Text.optional(), state: Text.optional() }),
});
export type ChatSnapshot = z.infer<typeof ChatSnapshot>;

export const ChatEventType = z.enum(['started', 'updated', 'ended', 'offline-message']);
export type ChatEventType = z.infer<typeof ChatEventType>;

export const ChatEvent = z.object({ type: ChatEventType, snapshot: ChatSnapshot });
export type ChatEvent = z.infer<typeof ChatEvent>;

export function emptySnapshot(chatId: string, consoleName: string, state: ChatSnapshot['state'] = 'active'): ChatSnapshot {
  return { chatId, console: consoleName, state, visitor: {}, masked: [], session: {}, preChat: {}, custom: {}, chat: {}, transcript: [], agent: {} };
}

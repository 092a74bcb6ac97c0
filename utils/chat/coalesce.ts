import type { ChatEvent } from './snapshot';

/** How often a chat's new messages go to the background at most while they keep coming. */
export const MESSAGES_EVERY_MS = 1_000;

type Timers = { set: (run: () => void, ms: number) => unknown; clear: (timer: unknown) => void; now: () => number };
const realTimers: Timers = { set: (run, ms) => setTimeout(run, ms), clear: (timer) => clearTimeout(timer as number), now: () => Date.now() };

/**
 * Holds back a chat's message-only updates so that a busy chat costs the page one send a second,
 * not one per message: the first goes at once (a quiet chat's message is never late), those that
 * follow within the second go together, as the latest snapshot (it carries every message since
 * the last send). Anything else about the chat (a visitor's e-mail shown, its end) goes at once
 * and takes the held update's place: the background never hears a chat's events out of order.
 */
export function coalesceMessages(send: (event: ChatEvent) => void, { every = MESSAGES_EVERY_MS, timers = realTimers } = {}) {
  const chats = new Map<string, { sentAt: number; held?: ChatEvent; timer?: unknown }>();
  const sendNow = (event: ChatEvent) => {
    const chat = chats.get(event.snapshot.chatId) ?? { sentAt: 0 };
    if (chat.timer !== undefined) timers.clear(chat.timer);
    // A chat that ended or came as an offline message has no more messages to hold.
    if (event.type === 'ended' || event.type === 'offline-message') chats.delete(event.snapshot.chatId);
    else chats.set(event.snapshot.chatId, { sentAt: timers.now() });
    send(event);
  };
  return {
    push(event: ChatEvent, messagesOnly: boolean) {
      const chat = chats.get(event.snapshot.chatId);
      const wait = chat ? chat.sentAt + every - timers.now() : 0;
      if (!messagesOnly || !chat || wait <= 0) return sendNow(event);
      chat.held = event;
      chat.timer ??= timers.set(() => sendNow(chat.held!), wait);
    },
    /** Sends what is held now (the page is going away). */
    flush() {
      for (const chat of [...chats.values()]) if (chat.held && chat.timer !== undefined) sendNow(chat.held);
    },
    /** Drops what is held (the extension is gone). */
    stop() {
      for (const chat of chats.values()) if (chat.timer !== undefined) timers.clear(chat.timer);
      chats.clear();
    },
  };
}

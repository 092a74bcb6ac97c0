import { closesChat, type ChatEvent } from './snapshot';

/** How often a chat's new messages go to the background at most while they keep coming. */
export const MESSAGES_EVERY_MS = 1_000;

/**
 * Holds back a chat's message-only updates so that a busy chat costs the page one send a second,
 * not one per message: the first goes at once (a quiet chat's message is never late), those that
 * follow within the second go together, as the latest snapshot (it carries every message since
 * the last send). Anything else about the chat (a visitor's e-mail shown, its end) goes at once
 * and takes the held update's place: the background never hears a chat's events out of order.
 * A page that goes away with an update held loses nothing: the chat has not ended, and the page
 * that loads next sends it whole.
 */
export function coalesceMessages(send: (event: ChatEvent) => void, every = MESSAGES_EVERY_MS) {
  /** Per chat: when it was last sent (the monotonic clock: a wall clock set back must not hold messages), and the update held with its timer. */
  const chats = new Map<string, { at: number; held?: ChatEvent; timer?: ReturnType<typeof setTimeout> }>();
  const sendNow = (event: ChatEvent) => {
    const id = event.snapshot.chatId;
    clearTimeout(chats.get(id)?.timer);
    // A chat that ended or came as an offline message has no more messages to hold.
    if (closesChat(event)) chats.delete(id);
    else chats.set(id, { at: performance.now() });
    send(event);
  };
  return {
    push(event: ChatEvent, messagesOnly: boolean) {
      const chat = chats.get(event.snapshot.chatId);
      const wait = chat ? chat.at + every - performance.now() : 0;
      if (!messagesOnly || wait <= 0) return sendNow(event);
      chat!.held = event;
      chat!.timer ??= setTimeout(() => sendNow(chat!.held!), wait);
    },
  };
}

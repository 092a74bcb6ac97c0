import type { ChatEvent, Message } from './snapshot';

/** What the background has of each chat, as this console script last sent it: the message count and the last message. */
export type SentChats = Map<string, { length: number; last: string }>;

const keyOf = (message: Message | undefined) => (message ? `${message.id ?? ''}\u0000${message.role}\u0000${message.text}` : '');

/**
 * The event to send for what the watcher saw: an update of a chat the background already has
 * goes as its new messages only (`appendTo`); a start, an end (stored whole, it must survive a
 * worker restart), an offline message, or a transcript changed before its end go whole.
 * Records what the background will have, assuming it takes it (an update it cannot place is
 * answered `known: false`: forget the chat and send it whole).
 */
export function toSend(sent: SentChats, event: ChatEvent): ChatEvent {
  const { snapshot } = event;
  const count = snapshot.transcript.length;
  const before = sent.get(snapshot.chatId);
  sent.set(snapshot.chatId, { length: count, last: keyOf(snapshot.transcript[count - 1]) });
  const appended = before && before.length <= count && (before.length === 0 ? before.last === '' : keyOf(snapshot.transcript[before.length - 1]) === before.last);
  if (event.type !== 'updated' || !before || !appended) return event;
  return { ...event, appendTo: before.length, snapshot: { ...snapshot, transcript: snapshot.transcript.slice(before.length) } };
}

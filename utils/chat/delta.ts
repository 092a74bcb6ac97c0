import type { ChatEvent, ChatSnapshot, Message } from './snapshot';

/** What the background has of each chat's messages, as this console script last sent them. */
export type SentChats = Map<string, readonly Message[]>;

const sameMessage = (a: Message, b: Message) =>
  a === b || (a.id === b.id && a.text === b.text && a.role === b.role && a.author === b.author && a.time === b.time && a.note === b.note);

/**
 * Whether `now` starts with the messages of `before`: an edit anywhere, not only to the last
 * message, is a change. Messages read before are the same objects, so this costs a reference
 * comparison per message.
 */
export function startsWith(now: readonly Message[], before: readonly Message[]): boolean {
  if (before.length > now.length) return false;
  for (let i = before.length - 1; i >= 0; i--) if (!sameMessage(now[i]!, before[i]!)) return false;
  return true;
}

/**
 * The event to send for what the watcher saw: an update of a chat the background already has
 * goes as its new messages only (`appendTo`); a start, an end (stored whole, it must survive a
 * worker restart), an offline message, or a transcript changed before its end go whole.
 * Records what the background will have, assuming it takes it (an update it cannot place is
 * answered `known: false`: forget the chat and send it whole).
 */
export function toSend(sent: SentChats, event: ChatEvent): ChatEvent {
  const { snapshot } = event;
  const before = sent.get(snapshot.chatId);
  sent.set(snapshot.chatId, snapshot.transcript);
  if (event.type !== 'updated' || !before || !startsWith(snapshot.transcript, before)) return event;
  return { ...event, appendTo: before.length, snapshot: { ...snapshot, transcript: snapshot.transcript.slice(before.length) } };
}

/** Whether two snapshots of a chat differ in their messages only (what the panel shows is the same). */
export function sameButMessages(a: ChatSnapshot, b: ChatSnapshot): boolean {
  const { transcript: _a, ...restA } = a;
  const { transcript: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

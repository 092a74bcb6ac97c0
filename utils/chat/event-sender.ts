import { deliver } from '../messages/deliver';
import { toSend, type SentChats } from './delta';
import { closesChat, type ChatEvent } from './snapshot';

/** The background's answer to a chat event (console-protocol.ts, 'chat.event'). */
export type EventReply = { accepted: boolean; known?: boolean; showAgain?: boolean };

/**
 * How the console script tells the background of a chat's events. An update goes as its new
 * messages only; a chat's end and an offline message go until the background says they are
 * stored. An update the background could not place (a worker that restarted) goes again whole,
 * but only if it is still its chat's newest event: sent after the chat's end, it would record the
 * chat active again over its end.
 */
export function chatEventSender(send: (event: ChatEvent) => Promise<EventReply>, signal: AbortSignal, answered: (reply: EventReply) => void, report: (error: unknown) => void) {
  /** What the background has of each chat: an update then costs its new messages only. */
  const sent: SentChats = new Map();
  /** Each chat's latest event sent. */
  const newest = new Map<string, ChatEvent>();
  const sendWhole = (event: ChatEvent) => {
    sent.delete(event.snapshot.chatId);
    return send(toSend(sent, event));
  };
  return (event: ChatEvent) => {
    newest.set(event.snapshot.chatId, event);
    if (closesChat(event)) return void deliver(() => send(toSend(sent, event)), signal).then(answered).catch(report);
    void send(toSend(sent, event))
      .then((reply) => (reply.known === false && newest.get(event.snapshot.chatId) === event ? sendWhole(event) : reply))
      .then(answered)
      .catch(report);
  };
}

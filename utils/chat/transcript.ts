import type { ChatSnapshot, Message } from './snapshot';

const WHO: Record<Message['role'], string> = { visitor: 'Visitor', agent: 'Agent', system: 'System' };

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A message time as read: consoles' ISO timestamps become "2026-11-23 00:52:28 UTC", others stay. */
function timeOf(raw: string): string {
  if (!ISO.test(raw)) return raw;
  const at = new Date(raw);
  return Number.isNaN(at.getTime()) ? raw : `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** A transcript as Salesforce text: one line per message, "[time] Author: text". */
export function formatTranscript(transcript: Message[]): string {
  return transcript
    .map((m) => {
      const time = m.time ? `[${timeOf(m.time)}] ` : '';
      const who = m.author || WHO[m.role];
      return `${time}${who}${m.note ? ' (internal note)' : ''}: ${m.text}`;
    })
    .join('\n');
}

/**
 * The values of the `chat.*` keys that are not read off the page as such: the chat id, the
 * transcript, and for an offline message the message itself.
 */
export function chatFacts(snapshot: ChatSnapshot): Record<string, string> {
  return {
    ...snapshot.chat,
    id: snapshot.chat.id ?? snapshot.chatId,
    transcript: snapshot.state === 'offline' && !snapshot.transcript.length ? (snapshot.chat.message ?? '') : formatTranscript(snapshot.transcript),
  };
}

import type { ChatSnapshot } from '../chat/snapshot';
import { chatFacts } from '../chat/transcript';
import { chatValue } from '../identify/rules';

/** A chat field's catalogue key; in braces, a placeholder of the description template. */
const KEY = String.raw`(?:visitor|session|preChat|custom|chat|agent)\.[^{}\u0000-\u001f]{1,80}`;
const PLACEHOLDER = new RegExp(String.raw`\{(${KEY})\}`, 'g');

/** When the chat started and ended: as the console says, else its first and last message's time. */
function chatTimes(snapshot: ChatSnapshot): { startTime?: string; endTime?: string } {
  const times = snapshot.transcript.map((m) => m.time).filter((t): t is string => !!t);
  return { startTime: snapshot.chat.startTime || times[0], endTime: snapshot.chat.endTime || (snapshot.state === 'active' ? undefined : times.at(-1)) };
}

/**
 * The admin's description template filled from the chat: `{chat.transcript}`, `{chat.startTime}`,
 * `{chat.endTime}`, `{chat.id}`, `{chat.requestingPage}`, the wrap-up's `{chat.notes}` and
 * `{chat.wrapUp}` (its disposition), and any chat field (`{visitor.email}`, `{preChat.Order}`).
 * A field the chat does not have leaves its line's placeholder empty.
 */
export function renderDescription(template: string, snapshot: ChatSnapshot, wrapUp: { disposition?: string; notes?: string } = {}): string {
  const chat: Record<string, string | undefined> = { ...chatFacts(snapshot), ...chatTimes(snapshot), notes: wrapUp.notes?.trim(), wrapUp: wrapUp.disposition };
  return template.replace(PLACEHOLDER, (_, key: string) => (key.startsWith('chat.') ? chat[key.slice(5)] : chatValue(snapshot, key)) ?? '').trim();
}

/** The placeholders a template names that are no chat field's key (a typo the admin is told of). */
export function unknownPlaceholders(template: string): string[] {
  const braces = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
  const key = new RegExp(`^${KEY}$`);
  return braces.filter((inner) => !key.test(inner));
}

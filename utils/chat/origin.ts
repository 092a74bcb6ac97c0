import { cutText } from './cut';
import type { ChatSnapshot } from './snapshot';

/**
 * A chat's console named with the host of the page it was read on ("livehelperchat@chat.acme.com"),
 * set by the background from the sender, never taken from the page: two consoles, or two instances
 * of one product, with the same chat numbers never share a chat key, an outbox entry or a record.
 */
export function onConsoleHost(snapshot: ChatSnapshot, pageUrl: string | undefined): ChatSnapshot {
  let host = '';
  try {
    host = pageUrl ? new URL(pageUrl).host : '';
  } catch {
    // not a URL: the console's name alone
  }
  if (!host) return snapshot;
  return { ...snapshot, console: cutText(`${adapterNameOf(snapshot.console)}@${host}`, 100) };
}

/** The adapter a chat's console name ("livehelperchat@chat.acme.com") was read by. */
export const adapterNameOf = (consoleName: string) => consoleName.split('@')[0]!;

import { failureKind, toSalesforceError, type FailureKind } from '@/utils/salesforce/errors';

/**
 * The browser could not keep a chat's write (IndexedDB refused it): in the agent's words. The
 * console script sends the chat's end again for about two minutes, so room made now saves it.
 */
export function storageFailure(error: unknown, chatId: string): string {
  const full = error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
  return full
    ? `This browser has no room left to keep the write of chat ${chatId} (its disk or storage is full), so nothing is sent to Salesforce for it. Free some disk space within two minutes and it is kept; after that, write it by hand.`
    : `This browser could not keep the write of chat ${chatId} (${error instanceof Error ? error.message : String(error)}), so nothing is sent to Salesforce for it yet; it is tried again for two minutes.`;
}

export const NOT_CONNECTED = 'Not connected to Salesforce. Open the extension options to connect.';

/** A failed request in the words the panel shows, with what to do. */
export function describeFailure(raw: unknown, action: string): { kind: FailureKind; message: string } {
  const error = toSalesforceError(raw);
  const kind = failureKind(error);
  const message = {
    session_expired: 'Your Salesforce session expired. Reconnect from the extension options.',
    over_limit: 'Salesforce is over its daily API limit. Try again later.',
    unreachable: `Salesforce cannot be reached (${error.message}). Try again in a moment.`,
    salesforce: `Salesforce refused ${action}: ${error.message}`,
  }[kind];
  return { kind, message };
}

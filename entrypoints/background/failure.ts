import { i18n } from '#i18n';
import { failureKind, toSalesforceError, type FailureKind } from '@/utils/salesforce/errors';

/**
 * The browser could not keep a chat's write (IndexedDB refused it): in the agent's words. The
 * console script sends the chat's end again for about two minutes, so room made now saves it.
 */
export function storageFailure(error: unknown, chatId: string): string {
  const full = error instanceof Error && (error.name === 'QuotaExceededError' || /quota/i.test(error.message));
  return full
    ? i18n.t('failure.storageFull', { chat: chatId })
    : i18n.t('failure.storage', { chat: chatId, detail: error instanceof Error ? error.message : String(error) });
}

/** Said wherever a command needs Salesforce and there is no session (read when said: the agent's language). */
export const notConnected = (): string => i18n.t('failure.notConnected');

/** What the agent was doing when Salesforce refused: each its own sentence, so each language words it. */
export type Attempt = 'search' | 'fields' | 'check' | 'form' | 'record' | 'change';

/** A failed request in the words the panel shows, with what to do. */
export function describeFailure(raw: unknown, attempt: Attempt): { kind: FailureKind; message: string } {
  const error = toSalesforceError(raw);
  const kind = failureKind(error);
  const message = {
    session_expired: () => i18n.t('failure.sessionExpired'),
    over_limit: () => i18n.t('failure.overLimit'),
    unreachable: () => i18n.t('failure.unreachable', { detail: error.message }),
    salesforce: () => i18n.t(`failure.refused.${attempt}`, { detail: error.message }),
  }[kind]();
  return { kind, message };
}

import { failureKind, toSalesforceError, type FailureKind } from '@/utils/salesforce/errors';

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

import type { SalesforceStatus } from '../messages/protocol';
import { SalesforceClient } from './connection';
import { failureKind, toSalesforceError } from './errors';
import { API_VERSION } from './version';
import type { SalesforceSession } from './session';

/** Asks the org how it is, with one request, and says it in the words the panel shows. */
export async function checkStatus(session: SalesforceSession | null): Promise<SalesforceStatus> {
  if (!session) return { state: 'not_connected' };
  const client = new SalesforceClient(session);
  const { instanceUrl } = session;
  try {
    const usage = await client.dailyApiUsage();
    return { state: 'connected', instanceUrl, apiVersion: API_VERSION, usage };
  } catch (raw) {
    const error = toSalesforceError(raw);
    const kind = failureKind(error);
    if (kind === 'session_expired') return { state: 'session_expired', instanceUrl };
    if (kind === 'over_limit') return { state: 'over_limit', instanceUrl, message: error.message };
    return { state: 'unreachable', instanceUrl, message: error.message };
  }
}

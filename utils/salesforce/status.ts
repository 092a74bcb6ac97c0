import type { SalesforceStatus } from '../messages/protocol';
import type { Grant } from './auth';
import type { SalesforceClient } from './connection';
import { failureKind, toSalesforceError } from './errors';
import { API_VERSION } from './version';

/** Asks the org how it is, with one request, and says it in the words the panel and popup show. */
export async function checkStatus(client: SalesforceClient | null, grant: Grant | null = null): Promise<SalesforceStatus> {
  if (!client) return { state: 'not_connected' };
  const instanceUrl = () => client.session.instanceUrl;
  // Salesforce refused the refresh token: only the agent can fix that, asking again costs a request.
  if (grant?.refused) return { state: 'session_expired', instanceUrl: instanceUrl() };
  try {
    const usage = await client.dailyApiUsage();
    const who = grant ? { user: { name: grant.userName, username: grant.username }, orgId: grant.orgId, ...(grant.orgName ? { orgName: grant.orgName } : {}), ...(grant.orgRegion ? { orgRegion: grant.orgRegion } : {}) } : {};
    return { state: 'connected', instanceUrl: instanceUrl(), apiVersion: API_VERSION, usage, ...who };
  } catch (raw) {
    const error = toSalesforceError(raw);
    const kind = failureKind(error);
    if (kind === 'session_expired') return { state: 'session_expired', instanceUrl: instanceUrl() };
    if (kind === 'over_limit') return { state: 'over_limit', instanceUrl: instanceUrl(), message: error.message };
    return { state: 'unreachable', instanceUrl: instanceUrl(), message: error.message };
  }
}

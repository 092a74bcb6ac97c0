import { loadGrant, refreshSession } from './auth';
import { SalesforceClient } from './connection';
import { loadSession } from './session';
import { apiMeter } from './budget';

/**
 * The client for this browser's connection to Salesforce, or null when it never connected.
 * It refreshes the access token when Salesforce says it expired, and fetches one first when
 * the browser restarted (storage.session is empty then, the grant in storage.local is not).
 */
export async function currentClient(): Promise<SalesforceClient | null> {
  const [session, grant] = await Promise.all([loadSession(), loadGrant()]);
  if (!session && !grant) return null;
  return new SalesforceClient(session ?? { instanceUrl: grant!.instanceUrl, accessToken: '' }, grant ? refreshSession : undefined, apiMeter);
}

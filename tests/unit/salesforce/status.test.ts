import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkStatus } from '@/utils/salesforce/status';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { startEmulator, type Emulator } from '../../salesforce-emulator/server';

// The real client (jsforce) over real HTTP against the emulator.
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ data: 'scenarios' });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.reset({ data: 'scenarios' }));

describe('checkStatus', () => {
  it('is not connected without a session, and asks nothing', async () => {
    await expect(checkStatus(null)).resolves.toEqual({ state: 'not_connected' });
    expect(emulator.log).toHaveLength(0);
  });

  it('reports the daily API usage after one request', async () => {
    const { instanceUrl, accessToken } = emulator.issueToken();
    const status = await checkStatus(new SalesforceClient({ instanceUrl, accessToken }));
    expect(status).toEqual({ state: 'connected', instanceUrl, apiVersion: '62.0', usage: { used: 1, max: 15000 } });
    expect(emulator.apiCalls().map((c) => c.path)).toEqual(['/services/data/v62.0/limits']);
  });

  it('says the session expired when the token is no longer valid', async () => {
    const { instanceUrl, accessToken } = emulator.issueToken();
    emulator.auth.expireAll();
    await expect(checkStatus(new SalesforceClient({ instanceUrl, accessToken }))).resolves.toEqual({ state: 'session_expired', instanceUrl });
  });

  it('says the org is over its API limit', async () => {
    const { instanceUrl, accessToken } = emulator.issueToken();
    emulator.usage.used = emulator.usage.max;
    await expect(checkStatus(new SalesforceClient({ instanceUrl, accessToken }))).resolves.toMatchObject({ state: 'over_limit' });
  });

  it('says Salesforce is unreachable on a 503 and on a closed port', async () => {
    const { instanceUrl, accessToken } = emulator.issueToken();
    emulator.addFault({ kind: '503', count: 1 });
    await expect(checkStatus(new SalesforceClient({ instanceUrl, accessToken }))).resolves.toMatchObject({ state: 'unreachable' });
    await expect(checkStatus(new SalesforceClient({ instanceUrl: 'http://127.0.0.1:9', accessToken }))).resolves.toMatchObject({ state: 'unreachable' });
  });
});

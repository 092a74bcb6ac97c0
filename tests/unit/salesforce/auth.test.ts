import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { codeFrom, connect, ConnectError, disconnect, loadGrant, loginUrlOf, originsToGrant, refreshSession, type ConnectionSettings } from '@/utils/salesforce/auth';
import { currentClient } from '@/utils/salesforce/current';
import { loadSession } from '@/utils/salesforce/session';
import { checkStatus } from '@/utils/salesforce/status';
import { startEmulator } from '../../salesforce-emulator/server';
import { afterAll, beforeAll } from 'vitest';
import type { Emulator } from '../../salesforce-emulator/server';

const REDIRECT = 'https://lpkkncfodlaoljpfckchlfhibhmopokg.chromiumapp.org/salesforce';
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ data: 'scenarios' });
});
afterAll(() => emulator.close());
beforeEach(() => {
  fakeBrowser.reset();
  emulator.reset({ data: 'scenarios' });
});

const settings = (): ConnectionSettings => ({ loginHost: 'myDomain', myDomain: `${emulator.url}/`, clientId: 'customer-app', clientSecret: null });

/** What launchWebAuthFlow does with an approving user: follow the login page to the redirect. */
const browserLogin = async (url: string) => {
  const response = await fetch(url, { redirect: 'manual' });
  return response.headers.get('location')!;
};

describe('connect (authorization code + PKCE)', () => {
  it('trades the code for tokens, keeps the refresh token in local and the access token in session storage', async () => {
    let asked = '';
    const grant = await connect(settings(), REDIRECT, (url) => {
      asked = url;
      return browserLogin(url);
    });
    const authorize = new URL(asked);
    expect(authorize.origin + authorize.pathname).toBe(`${emulator.url}/services/oauth2/authorize`);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect(grant).toMatchObject({ loginUrl: emulator.url, clientId: 'customer-app', instanceUrl: emulator.url, username: expect.any(String), orgId: expect.any(String), orgName: 'Emulated Org', orgRegion: 'US' });
    expect((await loadSession())!.instanceUrl).toBe(emulator.url);
    expect(await loadGrant()).toEqual(grant);
    const stored = JSON.stringify(await fakeBrowser.storage.sync.get(null));
    expect(stored).toBe('{}'); // never synced
    expect(await checkStatus(await currentClient(), grant)).toMatchObject({ state: 'connected', user: { name: grant.userName }, orgId: grant.orgId });
  });

  it('says why when the user denies access or another login answers', async () => {
    await expect(connect(settings(), REDIRECT, async () => `${REDIRECT}?error=access_denied&error_description=end-user+denied+authorization`)).rejects.toThrow('end-user denied authorization');
    expect(() => codeFrom(`${REDIRECT}?code=abc&state=other`, 'mine')).toThrow('did not start');
    expect(await loadGrant()).toBeNull();
  });

  it('names what an admin setting up the connected app can fix: a wrong consumer key, callback URL or PKCE, a denial, no refresh token', async () => {
    const reasonOf = (promise: Promise<unknown>) => promise.then(() => 'connected', (error: unknown) => (error instanceof ConnectError ? error.reason : `other: ${String(error)}`));
    // The code was issued to another app, or for another callback, or the verifier does not match the challenge.
    const tampered = (change: (authorize: URL) => void) => async (url: string) => {
      const authorize = new URL(url);
      change(authorize);
      return browserLogin(authorize.toString());
    };
    expect(await reasonOf(connect(settings(), REDIRECT, tampered((u) => u.searchParams.set('client_id', 'someone-else'))))).toBe('unknown_client');
    expect(await reasonOf(connect(settings(), REDIRECT, tampered((u) => u.searchParams.set('redirect_uri', `${REDIRECT}-old`))))).toBe('callback_mismatch');
    expect(await reasonOf(connect(settings(), REDIRECT, tampered((u) => u.searchParams.set('code_challenge', 'not-the-verifiers'))))).toBe('pkce');
    expect(await reasonOf(connect(settings(), REDIRECT, async () => `${REDIRECT}?error=access_denied&error_description=end-user+denied+authorization`))).toBe('denied');
    emulator.auth.appScopes.delete('refresh_token');
    expect(await reasonOf(connect(settings(), REDIRECT, browserLogin))).toBe('no_refresh_token');
    emulator.auth.appScopes.add('refresh_token');
    expect(await loadGrant()).toBeNull();
  });

  it('knows the login servers and asks for host access where the instance lives', () => {
    expect(loginUrlOf({ ...settings(), loginHost: 'production' })).toBe('https://login.salesforce.com');
    expect(loginUrlOf({ ...settings(), loginHost: 'sandbox' })).toBe('https://test.salesforce.com');
    expect(originsToGrant({ ...settings(), loginHost: 'myDomain', myDomain: 'https://acme.my.salesforce.com' })).toEqual(['https://acme.my.salesforce.com/*']);
    expect(originsToGrant({ ...settings(), loginHost: 'sandbox' })).toEqual(['https://test.salesforce.com/*', 'https://*.salesforce.com/*']);
  });
});

describe('an expired access token', () => {
  it('is refreshed once and the request repeated; concurrent requests share one refresh', async () => {
    await connect(settings(), REDIRECT, browserLogin);
    emulator.auth.expireAll();
    emulator.log.length = 0;
    const client = (await currentClient())!;
    const [a, b] = await Promise.all([client.dailyApiUsage(), client.get('/services/data/v62.0/limits')]);
    expect(a.max).toBeGreaterThan(0);
    expect(b).toBeTruthy();
    expect(emulator.log.filter((e) => e.path === '/services/oauth2/token')).toHaveLength(1);
  });

  it('two clients made before the refresh (two commands at once): the second one takes the renewed token, not a second refresh', async () => {
    await connect(settings(), REDIRECT, browserLogin);
    emulator.auth.expireAll();
    const [first, second] = [(await currentClient())!, (await currentClient())!];
    emulator.log.length = 0;
    await first.get('/services/data/v62.0/limits');
    await second.get('/services/data/v62.0/limits');
    expect(emulator.log.filter((e) => e.path === '/services/oauth2/token')).toHaveLength(1);
  });

  it('is fetched anew after a browser restart (session storage empty, grant kept)', async () => {
    await connect(settings(), REDIRECT, browserLogin);
    await fakeBrowser.storage.session.clear();
    const client = (await currentClient())!;
    await expect(client.dailyApiUsage()).resolves.toMatchObject({ max: expect.any(Number) });
    expect(await loadSession()).not.toBeNull();
  });

  it('when Salesforce refuses the refresh token: the state says reconnect, with no further requests', async () => {
    await connect(settings(), REDIRECT, browserLogin);
    emulator.auth.revokeAll();
    const client = (await currentClient())!;
    await expect(client.dailyApiUsage()).rejects.toMatchObject({ name: 'SessionExpiredError' });
    expect((await loadGrant())!.refused).toBe(true);
    emulator.log.length = 0;
    await expect(refreshSession()).rejects.toMatchObject({ name: 'SessionExpiredError' });
    expect(await checkStatus(await currentClient(), await loadGrant())).toMatchObject({ state: 'session_expired' });
    expect(emulator.log).toHaveLength(0);
  });
});

describe('disconnect', () => {
  it('revokes the refresh token at Salesforce and forgets both tokens', async () => {
    const grant = await connect(settings(), REDIRECT, browserLogin);
    await expect(disconnect()).resolves.toEqual({ revoked: true });
    expect(await loadGrant()).toBeNull();
    expect(await loadSession()).toBeNull();
    const res = await fetch(`${emulator.url}/services/oauth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: grant.refreshToken }) });
    expect(res.status).toBe(400);
  });
});

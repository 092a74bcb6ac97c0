import { Connection, OAuth2 } from 'jsforce';
import { describe, expect, it } from 'vitest';
import { useOrg } from './helpers';

const org = useOrg();
const REDIRECT = 'https://lpkkncfodlaoljpfckchlfhibhmopokg.chromiumapp.org/salesforce';

function client(useVerifier = true) {
  return new OAuth2({ loginUrl: org.emulator.url, clientId: 'test-client', redirectUri: REDIRECT, useVerifier });
}

/** Follows the authorize URL like a browser would, up to the redirect back to the extension. */
async function authorize(url: string): Promise<URL> {
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

describe('OAuth 2.0 authorization code with PKCE', () => {
  it('runs the whole flow with jsforce: authorize → code → token → API call', async () => {
    const oauth2 = client();
    expect(oauth2.codeVerifier!.length).toBe(171);
    const authUrl = new URL(oauth2.getAuthorizationUrl({ state: 'xyz' }));
    expect(authUrl.searchParams.get('code_challenge')).toBeTruthy();
    expect(authUrl.searchParams.has('code_challenge_method')).toBe(false); // S256 implied
    const back = await authorize(authUrl.toString());
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('xyz');
    const token = await oauth2.requestToken(back.searchParams.get('code')!);
    expect(Object.keys(token).sort()).toEqual(['access_token', 'id', 'instance_url', 'issued_at', 'refresh_token', 'scope', 'signature', 'token_type']);
    expect(token.instance_url).toBe(org.emulator.url);
    const conn = new Connection({ instanceUrl: token.instance_url, accessToken: token.access_token, version: '62.0' });
    const identity = await conn.request<{ email: string }>(token.id);
    expect(identity.email).toBe('integration@example.com');
  });

  it('refuses a wrong verifier, a reused code and a wrong redirect', async () => {
    const oauth2 = client();
    const code = (await authorize(oauth2.getAuthorizationUrl())).searchParams.get('code')!;
    const other = client();
    await expect(other.requestToken(code)).rejects.toMatchObject({ name: 'invalid_grant' });
    await expect(oauth2.requestToken(code)).rejects.toMatchObject({ name: 'invalid_grant' }); // codes are single-use
    const code2 = (await authorize(oauth2.getAuthorizationUrl())).searchParams.get('code')!;
    const res = await fetch(`${org.emulator.url}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code: code2, redirect_uri: 'https://evil.example/', code_verifier: oauth2.codeVerifier! }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'redirect_uri_mismatch' });
  });

  it('accepts a verifier when no challenge was sent, as jsforce always sends one', async () => {
    const oauth2 = client(false);
    const code = (await authorize(oauth2.getAuthorizationUrl())).searchParams.get('code')!;
    const res = await fetch(`${org.emulator.url}/services/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: 'test-client', code_verifier: 'x'.repeat(171) }),
    });
    expect(res.status).toBe(200);
  });

  it('shows a one-click approve page when auto-approve is off, and honours Deny', async () => {
    org.emulator.auth.autoApprove = false;
    const url = client().getAuthorizationUrl();
    const page = await fetch(url);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('id="oaapprove"');
    const params = new URL(url).searchParams;
    const deny = await fetch(`${org.emulator.url}/services/oauth2/authorize`, { method: 'POST', body: new URLSearchParams([...params, ['decision', 'deny']]), redirect: 'manual' });
    expect(new URL(deny.headers.get('location')!).searchParams.get('error')).toBe('access_denied');
    const allow = await fetch(`${org.emulator.url}/services/oauth2/authorize`, { method: 'POST', body: new URLSearchParams([...params, ['decision', 'allow']]), redirect: 'manual' });
    expect(new URL(allow.headers.get('location')!).searchParams.get('code')).toBeTruthy();
    org.emulator.auth.autoApprove = true;
  });

  it('expires access tokens (401 INVALID_SESSION_ID); jsforce refreshes with the refresh token', async () => {
    const oauth2 = client();
    const token = await oauth2.requestToken((await authorize(oauth2.getAuthorizationUrl())).searchParams.get('code')!);
    const conn = new Connection({ oauth2, instanceUrl: token.instance_url, accessToken: token.access_token, refreshToken: token.refresh_token, version: '62.0' });
    org.emulator.auth.expireAll();
    const refreshed: string[] = [];
    conn.on('refresh', (accessToken: string) => refreshed.push(accessToken));
    const result = await conn.query('SELECT Id FROM User LIMIT 1');
    expect(result.totalSize).toBe(1);
    expect(refreshed).toHaveLength(1);
    expect(refreshed[0]).not.toBe(token.access_token);
  });

  it('revokes: the refresh token and its access tokens stop working', async () => {
    const oauth2 = client();
    const token = await oauth2.requestToken((await authorize(oauth2.getAuthorizationUrl())).searchParams.get('code')!);
    await oauth2.revokeToken(token.refresh_token!);
    await expect(oauth2.refreshToken(token.refresh_token!)).rejects.toMatchObject({ name: 'invalid_grant' });
    const conn = new Connection({ instanceUrl: token.instance_url, accessToken: token.access_token, version: '62.0' });
    await expect(conn.query('SELECT Id FROM User')).rejects.toMatchObject({ errorCode: 'INVALID_SESSION_ID' });
  });

  it('serves userinfo for a bearer token', async () => {
    const { accessToken } = org.emulator.issueToken('ana.agent@example.com');
    const res = await fetch(`${org.emulator.url}/services/oauth2/userinfo`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await res.json()).toMatchObject({ email: 'ana.agent@example.com', organization_id: expect.stringMatching(/^00D/) });
  });
});

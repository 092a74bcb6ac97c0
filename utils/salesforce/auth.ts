import { i18n } from '#i18n';
import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { SessionExpiredError, UnreachableError } from './errors';
import { saveSession, clearSession, loadSession, type SalesforceSession } from './session';
import { API_VERSION } from './version';
import { exchange, TIMEOUT_MS } from './transport';
import { isSalesforceUrl } from './hosts';
import type { ConnectReason } from './connect-reasons';
import { loginUrlOf, type ConnectionSettings } from './login';

export { loginUrlOf, originsToGrant, type ConnectionSettings } from './login';

export { CONNECT_REASONS, type ConnectReason } from './connect-reasons';

/**
 * OAuth 2.0 authorization code with PKCE (seed 001 "Connect to Salesforce CRM"), with no server
 * of ours: the browser opens Salesforce's login (launchWebAuthFlow), Salesforce redirects back to
 * https://<extension id>.chromiumapp.org/salesforce, and the background trades the code for tokens.
 * The refresh token stays in storage.local (never synced), the access token in storage.session;
 * neither ever reaches a content script or a page.
 */

/** What a connection is, apart from its short-lived access token. */
const Grant = z.object({
  loginUrl: z.string(),
  clientId: z.string(),
  clientSecret: z.nullable(z.string()),
  refreshToken: z.string(),
  instanceUrl: z.string(),
  orgId: z.string(),
  userId: z.string(),
  userName: z.string(),
  username: z.string(),
  /** The org's name (Organization.Name), when the user may read it. */
  orgName: z.optional(z.string()),
  /** The org's region, from its default locale (en_US → US), for phones written without a country. */
  orgRegion: z.optional(z.string()),
  /** Salesforce refused the refresh token (revoked, expired, app policy): the agent must reconnect. */
  refused: z.optional(z.boolean()),
});
export type Grant = z.infer<typeof Grant>;

const grantItem = storage.defineItem<unknown>('local:salesforce-grant', { fallback: null });

export async function loadGrant(): Promise<Grant | null> {
  const parsed = Grant.safeParse(await grantItem.getValue());
  return parsed.success ? parsed.data : null;
}

const base64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const randomText = (size: number) => base64url(crypto.getRandomValues(new Uint8Array(size)));

/** A PKCE verifier and its S256 challenge (RFC 7636). */
export async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = randomText(48);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return { verifier, challenge: base64url(digest) };
}

const TokenResponse = z.object({
  access_token: z.string(),
  refresh_token: z.optional(z.string()),
  instance_url: z.string(),
  id: z.string(),
});
const OAuthError = z.object({ error: z.string(), error_description: z.optional(z.string()) });
const Identity = z.object({
  user_id: z.string(),
  organization_id: z.string(),
  username: z.string(),
  display_name: z.optional(z.string()),
});

/** One POST to the token endpoint; Salesforce's OAuth error words when it refuses. */
async function tokenRequest(loginUrl: string, params: Record<string, string>): Promise<z.infer<typeof TokenResponse>> {
  // No answer within the time limit is an UnreachableError from exchange: passing, tried again later.
  const response = await exchange({ method: 'POST', url: `${loginUrl}/services/oauth2/token`, body: new URLSearchParams(params) }, TIMEOUT_MS.token);
  const body = parseJson(response.body);
  if (response.status < 300) {
    const token = TokenResponse.safeParse(body);
    if (!token.success) throw new UnreachableError('BAD_TOKEN_RESPONSE', i18n.t('failure.login.unreadable'));
    // Where the token says the org and the user are: Salesforce's own hosts only, or the token would go elsewhere.
    for (const url of [token.data.instance_url, token.data.id]) {
      if (!isSalesforceUrl(url)) throw new SessionExpiredError('NOT_SALESFORCE', i18n.t('failure.login.notSalesforce', { url: url.slice(0, 100) }));
    }
    return token.data;
  }
  if (response.status >= 500) throw new UnreachableError(`ERROR_HTTP_${response.status}`, i18n.t('failure.login.http', { status: response.status }));
  const refusal = OAuthError.safeParse(body);
  const message = refusal.success ? `${refusal.data.error_description ?? refusal.data.error} (${refusal.data.error})` : `HTTP ${response.status}`;
  throw new SessionExpiredError(refusal.success ? refusal.data.error : 'invalid_grant', message);
}

export class ConnectError extends Error {
  constructor(readonly reason: ConnectReason, message: string) {
    super(message);
    this.name = 'ConnectError';
  }
}

/** The reason behind an OAuth error code and description, from the authorize redirect or the token endpoint. */
function reasonOf(error: string, description = ''): ConnectReason | null {
  if (error === 'access_denied') return 'denied';
  if (error === 'invalid_client_id' || /client identifier invalid/i.test(description)) return 'unknown_client';
  if (error === 'redirect_uri_mismatch') return 'callback_mismatch';
  if (error === 'invalid_client' || /client credentials|client secret/i.test(description)) return 'secret_required';
  if (/verifier|code challenge/i.test(description)) return 'pkce';
  return null;
}

/** Turns the URL Salesforce redirected to into the authorization code, or says why there is none. */
export function codeFrom(redirect: string, state: string): string {
  const url = new URL(redirect);
  const error = url.searchParams.get('error');
  if (error) {
    const description = url.searchParams.get('error_description') ?? '';
    const message = i18n.t('failure.login.refused', { detail: description || error });
    const reason = reasonOf(error, description);
    throw reason ? new ConnectError(reason, message) : new Error(message);
  }
  if (url.searchParams.get('state') !== state) throw new Error(i18n.t('failure.login.notOurs'));
  const code = url.searchParams.get('code');
  if (!code) throw new Error(i18n.t('failure.login.noCode'));
  return code;
}

export type LaunchFlow = (url: string) => Promise<string>;

/**
 * Connects: the login page in a browser window (launch), the code for tokens, then who the user is.
 * Stores the grant and the session; returns the grant.
 */
export async function connect(connection: ConnectionSettings, redirectUri: string, launch: LaunchFlow): Promise<Grant> {
  const loginUrl = loginUrlOf(connection);
  const { verifier, challenge } = await pkcePair();
  const state = randomText(16);
  const authorize = new URL(`${loginUrl}/services/oauth2/authorize`);
  for (const [k, v] of Object.entries({ response_type: 'code', client_id: connection.clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'S256', state, scope: 'api refresh_token' })) {
    authorize.searchParams.set(k, v);
  }
  const code = codeFrom(await launch(authorize.toString()), state);
  const token = await tokenRequest(loginUrl, {
    grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: connection.clientId, code_verifier: verifier,
    ...(connection.clientSecret ? { client_secret: connection.clientSecret } : {}),
  }).catch((error: unknown) => {
    const reason = error instanceof SessionExpiredError ? reasonOf(error.code, error.message) : null;
    throw reason ? new ConnectError(reason, error instanceof Error ? error.message : String(error)) : error;
  });
  if (!token.refresh_token) throw new ConnectError('no_refresh_token', i18n.t('connect.no_refresh_token'));
  const identity = await fetchIdentity(token.id, token.access_token);
  const grant: Grant = {
    loginUrl, clientId: connection.clientId, clientSecret: connection.clientSecret, refreshToken: token.refresh_token,
    instanceUrl: token.instance_url, orgId: identity.organization_id, userId: identity.user_id,
    userName: identity.display_name ?? identity.username, username: identity.username,
    ...(await fetchOrg(token.instance_url, token.access_token)),
  };
  await grantItem.setValue(grant);
  await saveSession({ instanceUrl: token.instance_url, accessToken: token.access_token });
  return grant;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

async function fetchIdentity(url: string, accessToken: string) {
  const response = await exchange({ method: 'GET', url, headers: { Authorization: `Bearer ${accessToken}` } }, TIMEOUT_MS.token);
  const identity = Identity.safeParse(parseJson(response.body));
  if (response.status >= 300 || !identity.success) throw new Error(i18n.t('failure.login.noIdentity', { status: response.status }));
  return identity.data;
}

/**
 * The org's name and region, once per connection (one query); none when the user may not read
 * Organization. The region is the default locale's (en_US → US), else the org's country code.
 */
async function fetchOrg(instanceUrl: string, accessToken: string): Promise<{ orgName?: string; orgRegion?: string }> {
  try {
    const url = `${instanceUrl}/services/data/v${API_VERSION}/query?q=${encodeURIComponent('SELECT Name, DefaultLocaleSidKey, Country FROM Organization LIMIT 1')}`;
    const response = await exchange({ method: 'GET', url, headers: { Authorization: `Bearer ${accessToken}` } }, TIMEOUT_MS.read);
    const org = (parseJson(response.body) as { records?: Record<string, unknown>[] } | null)?.records?.[0];
    if (response.status >= 300 || !org) return {};
    const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    const region = [text(org.DefaultLocaleSidKey)?.split('_')[1], text(org.Country)?.toUpperCase()].find((r) => r && /^[A-Z]{2}$/.test(r));
    return { ...(text(org.Name) ? { orgName: text(org.Name) } : {}), ...(region ? { orgRegion: region } : {}) };
  } catch {
    return {};
  }
}

let refreshing: Promise<SalesforceSession> | null = null;

/**
 * A new access token from the refresh token. Concurrent callers share one request. A refusal
 * marks the grant refused (the panel and popup then say "reconnect"); nothing queued is touched.
 */
export function refreshSession(stale?: string): Promise<SalesforceSession> {
  refreshing ??= (async () => {
    // A request that began before another one renewed the token: the new one is used, not asked for again.
    const kept = stale ? await loadSession() : null;
    if (kept?.accessToken && kept.accessToken !== stale) return kept;
    const grant = await loadGrant();
    if (!grant || grant.refused) throw new SessionExpiredError('INVALID_SESSION_ID', i18n.t('failure.sessionExpired'));
    try {
      const token = await tokenRequest(grant.loginUrl, {
        grant_type: 'refresh_token', refresh_token: grant.refreshToken, client_id: grant.clientId,
        ...(grant.clientSecret ? { client_secret: grant.clientSecret } : {}),
      });
      // Salesforce may rotate the refresh token, and the instance URL follows a My Domain rename.
      await grantItem.setValue({ ...grant, instanceUrl: token.instance_url, refreshToken: token.refresh_token ?? grant.refreshToken });
      const session = { instanceUrl: token.instance_url, accessToken: token.access_token };
      await saveSession(session);
      return session;
    } catch (error) {
      if (error instanceof SessionExpiredError) await grantItem.setValue({ ...grant, refused: true });
      throw error;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Disconnects: revokes the refresh token at Salesforce (and with it its access tokens), forgets both. */
export async function disconnect(): Promise<{ revoked: boolean }> {
  const grant = await loadGrant();
  let revoked = false;
  if (grant) {
    try {
      const response = await exchange({ method: 'POST', url: `${grant.loginUrl}/services/oauth2/revoke`, body: new URLSearchParams({ token: grant.refreshToken }) }, TIMEOUT_MS.token);
      revoked = response.status < 300;
    } catch {
      revoked = false; // forgotten here all the same; the admin can revoke it in Salesforce's Connected Apps OAuth Usage
    }
  }
  await grantItem.setValue(null);
  await clearSession();
  return { revoked };
}

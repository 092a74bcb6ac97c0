/**
 * OAuth 2.0 as Salesforce serves it: authorization code with PKCE (S256 when a challenge was
 * sent; jsforce sends a 171-character verifier and no method), refresh tokens, revoke,
 * userinfo and the identity URL. Access tokens expire after a configurable time.
 */
import { createHash, randomBytes } from 'node:crypto';
import { ORG_ID } from './org';

type Code = { clientId: string; redirectUri: string; challenge?: string; method: string; userId: string; expiresAt: number };
type Access = { userId: string; expiresAt: number; revoked: boolean };
type Refresh = { userId: string; clientId: string; revoked: boolean };

export type TokenResponse = {
  access_token: string;
  refresh_token?: string;
  signature: string;
  scope: string;
  instance_url: string;
  id: string;
  token_type: 'Bearer';
  issued_at: string;
};

export class Auth {
  private readonly codes = new Map<string, Code>();
  private readonly access = new Map<string, Access>();
  private readonly refresh = new Map<string, Refresh>();
  tokenTtlMs = 2 * 60 * 60 * 1000;
  autoApprove = true;
  /** The connected app's OAuth scopes: without refresh_token, Salesforce issues no refresh token (whatever was asked). */
  appScopes = new Set(['api', 'refresh_token']);

  /** The user a valid, unexpired, unrevoked access token belongs to, or null. */
  userOf(token: string | undefined): string | null {
    if (!token) return null;
    const entry = this.access.get(token);
    if (!entry || entry.revoked || entry.expiresAt <= Date.now()) return null;
    return entry.userId;
  }

  issueCode(code: Omit<Code, 'expiresAt'>): string {
    const value = `aPrx${randomBytes(24).toString('base64url')}`;
    this.codes.set(value, { ...code, expiresAt: Date.now() + 15 * 60 * 1000 });
    return value;
  }

  issueTokens(userId: string, clientId: string, baseUrl: string, withRefresh = true): TokenResponse {
    const accessToken = `${ORG_ID.slice(0, 15)}!${randomBytes(36).toString('base64url')}`;
    this.access.set(accessToken, { userId, expiresAt: Date.now() + this.tokenTtlMs, revoked: false });
    const issuedAt = String(Date.now());
    const response: TokenResponse = {
      access_token: accessToken,
      signature: createHash('sha256').update(`${userId}${issuedAt}`).digest('base64'),
      scope: 'api refresh_token',
      instance_url: baseUrl,
      id: `${baseUrl}/id/${ORG_ID}/${userId}`,
      token_type: 'Bearer',
      issued_at: issuedAt,
    };
    if (withRefresh && this.appScopes.has('refresh_token')) {
      const refreshToken = `5Aep${randomBytes(40).toString('base64url')}`;
      this.refresh.set(refreshToken, { userId, clientId, revoked: false });
      response.refresh_token = refreshToken;
    }
    return response;
  }

  /** The token endpoint. Returns [status, body] in OAuth's own error shape on failure. */
  token(params: URLSearchParams, baseUrl: string): [number, unknown] {
    const grant = params.get('grant_type');
    const invalid = (error: string, description: string): [number, unknown] => [400, { error, error_description: description }];
    if (grant === 'authorization_code') {
      const code = this.codes.get(params.get('code') ?? '');
      if (!code || code.expiresAt <= Date.now()) return invalid('invalid_grant', 'invalid authorization code');
      this.codes.delete(params.get('code')!);
      if (params.get('client_id') && params.get('client_id') !== code.clientId) return invalid('invalid_client_id', 'client identifier invalid');
      if (params.get('redirect_uri') !== code.redirectUri) return invalid('redirect_uri_mismatch', 'redirect_uri must match configuration');
      const verifier = params.get('code_verifier');
      if (code.challenge) {
        if (!verifier) return invalid('invalid_grant', 'invalid code verifier');
        const expected = code.method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
        if (expected !== code.challenge) return invalid('invalid_grant', 'invalid code verifier');
      }
      return [200, this.issueTokens(code.userId, code.clientId, baseUrl)];
    }
    if (grant === 'refresh_token') {
      const entry = this.refresh.get(params.get('refresh_token') ?? '');
      if (!entry || entry.revoked) return invalid('invalid_grant', 'expired access/refresh token');
      return [200, this.issueTokens(entry.userId, entry.clientId, baseUrl, false)];
    }
    return invalid('unsupported_grant_type', 'grant type not supported');
  }

  /** Revoking a refresh token revokes it and its access tokens; revoking an access token, that one. */
  revoke(token: string): boolean {
    const refresh = this.refresh.get(token);
    if (refresh) {
      refresh.revoked = true;
      for (const entry of this.access.values()) if (entry.userId === refresh.userId) entry.revoked = true;
      return true;
    }
    const access = this.access.get(token);
    if (access) {
      access.revoked = true;
      return true;
    }
    return false;
  }

  /** Makes every access token expire now (refresh tokens keep working). */
  expireAll(): void {
    for (const entry of this.access.values()) entry.expiresAt = 0;
  }

  /** Refresh tokens stop working too: the next refresh gets invalid_grant. */
  revokeAll(): void {
    for (const entry of this.refresh.values()) entry.revoked = true;
    for (const entry of this.access.values()) entry.revoked = true;
  }
}

export function approvePage(params: URLSearchParams, userName: string): string {
  const hidden = [...params].map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>Allow Access?</title>
<style>body{font:15px system-ui;background:#f3f6fb;display:grid;place-items:center;height:100vh;margin:0}
main{background:#fff;padding:28px 32px;border-radius:10px;box-shadow:0 2px 12px #0002;max-width:420px}
button{font:inherit;padding:8px 18px;border-radius:6px;border:1px solid #0176d3;margin-right:8px;cursor:pointer}
#oaapprove{background:#0176d3;color:#fff}</style></head>
<body><main><h1>Allow Access?</h1><p><strong>${escapeHtml(params.get('client_id') ?? '')}</strong> is asking to access your Salesforce data as <strong>${escapeHtml(userName)}</strong> (emulated org).</p>
<form method="post" action="/services/oauth2/authorize">${hidden}
<button id="oaapprove" name="decision" value="allow" type="submit">Allow</button>
<button id="oadeny" name="decision" value="deny" type="submit">Deny</button></form></main></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The emulator's control API from another process (the e2e specs run in vitest workers while
 * the emulator runs in the global setup). Never under /services: real clients cannot reach it.
 */
import type { OrgSettings } from './metadata/org-settings';
import type { Fault, LogEntry } from './server';
import { ORG_ID, type DuplicateRule, type SRecord, type ValidationRule } from './org';

export class EmulatorControl {
  constructor(readonly url: string) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/__emulator${path}`, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`emulator control ${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  }

  /** A fresh org; `org` settings (field security, an External ID field, currencies…) apply to this org only. */
  reset(options: { seed?: number; data?: 'full' | 'scenarios' | 'empty'; org?: OrgSettings } = {}) {
    return this.call('POST', '/reset', options);
  }
  token(email?: string) {
    return this.call<{ accessToken: string; refreshToken: string; instanceUrl: string; userId: string }>('POST', '/token', { email });
  }
  /** A connection as the extension keeps it after the login (storage.local 'salesforce-grant'): a refresh token of this org. */
  async grant(email?: string) {
    const token = await this.token(email);
    return {
      loginUrl: token.instanceUrl, clientId: 'emulator-test', clientSecret: null, refreshToken: token.refreshToken, instanceUrl: token.instanceUrl,
      orgId: ORG_ID, userId: token.userId, userName: 'Integration User', username: 'integration@example.com',
    };
  }
  latency(rttMs: number, jitterMs = 0) {
    return this.call('POST', '/latency', { rttMs, jitterMs });
  }
  limit(max: number, used?: number) {
    return this.call('POST', '/limit', { max, used });
  }
  fault(fault: Fault) {
    return this.call('POST', '/faults', fault);
  }
  clearFaults() {
    return this.call('DELETE', '/faults');
  }
  log() {
    return this.call<LogEntry[]>('GET', '/log');
  }
  clearLog() {
    return this.call('DELETE', '/log');
  }
  async apiCalls(): Promise<LogEntry[]> {
    return (await this.log()).filter((e) => e.api);
  }
  records(type: string) {
    return this.call<SRecord[]>('GET', `/records?type=${encodeURIComponent(type)}`);
  }
  expireTokens() {
    return this.call('POST', '/tokens/expire');
  }
  revokeTokens() {
    return this.call('POST', '/tokens/revoke');
  }
  /** Adds a validation rule (until the next reset): the org refuses values not matching the pattern. */
  validationRule(rule: ValidationRule) {
    return this.call('POST', '/validation-rules', rule);
  }
  /** `duplicateRules`: true for the standard Contact/Lead email rules, false for none, or the org's own rules. */
  settings(settings: { autoApprove?: boolean; tokenTtlSeconds?: number; duplicateRules?: boolean | DuplicateRule[] }) {
    return this.call('POST', '/settings', settings);
  }
}

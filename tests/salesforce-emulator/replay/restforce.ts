/**
 * restforce's fixtures are real response bodies without their requests: each case here is the
 * request that draws that answer from Salesforce (and the status it comes with), so the
 * emulator's answer to the same request can be compared with it.
 */
import { readFileSync } from 'node:fs';
import type { Emulator } from '../server';
import type { Outcome } from './replay';
import { generalPath, shapeDiff } from './shape';

type Case = {
  fixture: string;
  status: number;
  method: string;
  /** Under /services/data/v62.0 unless it starts with /. */
  path: string;
  body?: unknown;
  form?: Record<string, string>;
  token?: 'none' | 'invalid';
  setup?: (emulator: Emulator) => void;
};

const CASES: Case[] = [
  { fixture: 'expired_session_response', status: 401, method: 'GET', path: 'sobjects', token: 'invalid' },
  { fixture: 'services_data_success_response', status: 200, method: 'GET', path: '/services/data', token: 'none' },
  { fixture: 'query_empty_response', status: 200, method: 'GET', path: `query?q=${encodeURIComponent("SELECT Id FROM Contact WHERE Email = 'nobody@example.com'")}` },
  { fixture: 'query_error_response', status: 400, method: 'GET', path: `query?q=${encodeURIComponent('SELECT Nope FROM Account')}` },
  { fixture: 'org_query_response', status: 200, method: 'GET', path: `query?q=${encodeURIComponent('SELECT Id FROM Organization')}` },
  { fixture: 'search_error_response', status: 400, method: 'GET', path: `search?q=${encodeURIComponent('FIND Acme')}` },
  { fixture: 'sobject_describe_error_response', status: 404, method: 'GET', path: 'sobjects/Whizbang/describe' },
  { fixture: 'sobject_find_error_response', status: 404, method: 'GET', path: 'sobjects/Account/23foo' },
  { fixture: 'delete_error_response', status: 404, method: 'DELETE', path: 'sobjects/Account/rid' },
  { fixture: 'write_error_response', status: 400, method: 'POST', path: 'sobjects/Account', body: { Name: 'Bar', foo: 'x' } },
  { fixture: 'create_success_response', status: 201, method: 'POST', path: 'sobjects/Account', body: { Name: 'Acme' } },
  { fixture: 'upsert_error_response', status: 404, method: 'PATCH', path: 'sobjects/Account/Namez/1234', body: { Name: 'Acme' } },
  // restforce recorded these before API v46, when an upsert that updated answered 204 and a create had no `created`.
  { fixture: 'upsert_created_success_response', status: 201, method: 'PATCH', path: '/services/data/v45.0/sobjects/Contact/Email/new.person@example.com', body: { LastName: 'Person' } },
  {
    fixture: 'upsert_updated_success_response', status: 204, method: 'PATCH', path: '/services/data/v45.0/sobjects/Contact/Email/ada@example.com', body: { Title: 'Countess' },
    setup: (e) => void e.org.insert('Contact', { LastName: 'Lovelace', Email: 'ada@example.com' }),
  },
  {
    fixture: 'upsert_multiple_error_response', status: 300, method: 'PATCH', path: 'sobjects/Contact/Email/twin@example.com', body: { Title: 'Twin' },
    setup: (e) => ['One', 'Two'].forEach((LastName) => e.org.insert('Contact', { LastName, Email: 'twin@example.com' })),
  },
  { fixture: 'refresh_error_response', status: 400, method: 'POST', path: '/services/oauth2/token', token: 'none', form: { grant_type: 'refresh_token', refresh_token: 'not-a-token', client_id: 'x' } },
  { fixture: 'auth_error_response', status: 400, method: 'POST', path: '/services/oauth2/token', token: 'none', form: { grant_type: 'authorization_code', code: 'not-a-code', client_id: 'x', redirect_uri: 'https://example.com/cb' } },
];

/** The restforce fixtures left out, and why. */
export const RESTFORCE_UNUSED =
  'the others are hand-written samples of objects no org has ("Whizbang") or of endpoints the product does not call (recent, list views, deleted/updated replication)';

const fixture = (name: string): unknown => {
  const text = readFileSync(new URL(`../captures/restforce/${name}.json`, import.meta.url), 'utf8').trim();
  return text ? JSON.parse(text) : null;
};

export async function replayRestforce(emulator: Emulator): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const c of CASES) {
    emulator.reset({ data: 'empty' });
    c.setup?.(emulator);
    const token = c.token === 'invalid' ? 'expired-token' : c.token === 'none' ? undefined : emulator.issueToken().accessToken;
    const url = `${emulator.url}${c.path.startsWith('/') ? c.path : `/services/data/v62.0/${c.path}`}`;
    const res = await fetch(url, {
      method: c.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(c.body ? { 'content-type': 'application/json' } : c.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: c.body ? JSON.stringify(c.body) : c.form ? new URLSearchParams(c.form).toString() : undefined,
    });
    const text = await res.text();
    const diffs = res.status !== c.status ? [`status: real ${c.status}, emulator ${res.status}`] : [];
    diffs.push(...shapeDiff(fixture(c.fixture), text ? JSON.parse(text) : null));
    outcomes.push({ id: `restforce/${c.fixture}`, request: `${c.method} ${c.path}`, diffs: [...new Set(diffs.map(generalPath))] });
  }
  return outcomes;
}

import { describe, expect, it } from 'vitest';
import { raw, useOrg } from './helpers';

// Where the replay against real captures (replay.test.ts) found this emulator answering otherwise than Salesforce.
const org = useOrg({ data: 'empty' });
const json = { 'content-type': 'application/json' };

describe('errors and org rules as real orgs answer them', () => {
  it('writes DUPLICATES_DETECTED without a fields key; a blocking rule set as data refuses even with allowSave', async () => {
    org.emulator.org.insert('Account', { Name: 'Acme' });
    await fetch(`${org.emulator.url}/__emulator/settings`, {
      method: 'POST', headers: json,
      body: JSON.stringify({ duplicateRules: [{ name: 'Account_Name', object: 'Account', fields: ['Name'], allowSave: false, message: 'An account with this name exists.' }] }),
    });
    const headers = { ...json, 'Sforce-Duplicate-Rule-Header': 'allowSave=true' };
    const res = await raw(org, '/services/data/v62.0/sobjects/Account', { method: 'POST', headers, body: JSON.stringify({ Name: 'ACME' }) });
    expect(res.status).toBe(400);
    const [error] = await res.json();
    expect(Object.keys(error).sort()).toEqual(['duplicateResut', 'errorCode', 'message']);
    expect(error.duplicateResut).toMatchObject({ allowSave: false, duplicateRule: 'Account_Name', errorMessage: 'An account with this name exists.' });
    expect(org.emulator.records('Account')).toHaveLength(1);
  });

  it('answers a validation rule shown at the top of the page with fields: []', async () => {
    org.emulator.org.validationRules.push({ object: 'Contact', field: 'Phone', pattern: '^\\+', message: 'Phone must start with +', at: 'top' });
    const res = await raw(org, '/services/data/v62.0/sobjects/Contact', { method: 'POST', headers: json, body: JSON.stringify({ LastName: 'X', Phone: '555' }) });
    expect(await res.json()).toEqual([{ message: 'Phone must start with +', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: [] }]);
  });

  it('refuses an Id on insert with INVALID_FIELD, takes numbers and booleans written as strings', async () => {
    const withId = await raw(org, '/services/data/v62.0/sobjects/Account', { method: 'POST', headers: json, body: JSON.stringify({ Id: '001000000000001AAA', Name: 'X' }) });
    expect((await withId.json())[0].errorCode).toBe('INVALID_FIELD');
    const created = await raw(org, '/services/data/v62.0/sobjects/Account', { method: 'POST', headers: json, body: JSON.stringify({ Name: 'Numbers', NumberOfEmployees: '10000' }) });
    expect(created.status).toBe(201);
    expect(org.emulator.records('Account')[0]!.NumberOfEmployees).toBe(10000);
    const bad = await raw(org, '/services/data/v62.0/sobjects/Account', { method: 'POST', headers: json, body: JSON.stringify({ Name: 'Bad', NumberOfEmployees: 'many' }) });
    expect((await bad.json())[0].errorCode).toBe('JSON_PARSER_ERROR');
  });
});

describe('limits, ids, locators and Last-Modified', () => {
  it('answers /limits with the real keys and limits/recordCount with its own shape; other /limits paths are 404', async () => {
    const limits = await (await raw(org, '/services/data/v62.0/limits')).json();
    expect(Object.keys(limits).length).toBeGreaterThanOrEqual(50);
    expect(limits).toHaveProperty('DailyAsyncApexExecutions.Max');
    org.emulator.org.insert('Account', { Name: 'Acme' });
    const counts = await (await raw(org, '/services/data/v62.0/limits/recordCount?sObjects=Account,Contact')).json();
    expect(counts).toEqual({ sObjects: [{ count: 1, name: 'Account' }, { count: 0, name: 'Contact' }] });
    expect((await raw(org, '/services/data/v62.0/limits/nothing')).status).toBe(404);
  });

  it('reads its own Organization by the org id (a valid 18-character id)', async () => {
    const identity = await (await raw(org, '/services/oauth2/userinfo')).json();
    const res = await raw(org, `/services/data/v62.0/sobjects/Organization/${identity.organization_id}`);
    expect(res.status).toBe(200);
    expect((await res.json()).Id).toBe(identity.organization_id);
  });

  it('lets a query locator be read twice', async () => {
    for (let i = 0; i < 3; i++) org.emulator.org.insert('Account', { Name: `A${i}` });
    const first = await (await raw(org, `/services/data/v62.0/query?q=${encodeURIComponent('SELECT Id FROM Account')}`, { headers: { 'Sforce-Query-Options': 'batchSize=200' } })).json();
    expect(first.done).toBe(true); // below the minimum batch: one page
    org.emulator.rest.cursor([{ Id: 'x' }], 200);
    const locator = [...org.emulator.rest.cursors.keys()].pop()!;
    for (let i = 0; i < 2; i++) expect((await raw(org, `/services/data/v62.0/query/${locator}-200`)).status).toBe(200);
  });

  it('dates metadata by when it changed: an older If-Modified-Since gets 200, a record GET carries Last-Modified and honours it', async () => {
    expect((await raw(org, '/services/data/v62.0/sobjects/Contact/describe', { headers: { 'If-Modified-Since': 'Thu, 03 Sep 2020 21:35:07 GMT' } })).status).toBe(200);
    const account = org.emulator.org.create('Account', { Name: 'Acme' }, { userId: org.emulator.users[0]!, now: Date.parse('2026-03-01T10:00:00Z') });
    const res = await raw(org, `/services/data/v62.0/sobjects/Account/${account.Id}`);
    expect(res.headers.get('last-modified')).toBe('Sun, 01 Mar 2026 10:00:00 GMT');
    expect((await raw(org, `/services/data/v62.0/sobjects/Account/${account.Id}`, { headers: { 'If-Modified-Since': 'Mon, 02 Mar 2026 00:00:00 GMT' } })).status).toBe(304);
    expect((await raw(org, `/services/data/v62.0/sobjects/Account/${account.Id}`, { headers: { 'If-Modified-Since': 'Sat, 28 Feb 2026 00:00:00 GMT' } })).status).toBe(200);
  });
});

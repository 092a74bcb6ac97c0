import { describe, expect, it } from 'vitest';
import { raw, useOrg } from './helpers';

const org = useOrg({ data: 'empty' });
const json = { 'content-type': 'application/json' };

describe('upsert by external id', () => {
  it('creates once (201, created: true), then updates the same record (200, created: false) however often it is resent', async () => {
    const conn = org.conn();
    const first = await conn.sobject('Contact').upsert({ LastName: 'Hopper', Email: 'grace@example.com' }, 'Email');
    expect(first).toMatchObject({ success: true, created: true });
    const again = await raw(org, '/services/data/v62.0/sobjects/Contact/Email/grace@example.com', { method: 'PATCH', headers: json, body: JSON.stringify({ LastName: 'Hopper', Title: 'Rear Admiral' }) });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: (first as { id: string }).id, success: true, errors: [], created: false });
    const contacts = org.emulator.records('Contact');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ Email: 'grace@example.com', Title: 'Rear Admiral' });
  });

  it('answers 204 to an update before API v46, 300 with the URLs when several records match, 404 for a field that is no external id', async () => {
    org.emulator.org.insert('Contact', { LastName: 'One', Email: 'twin@example.com' });
    org.emulator.org.insert('Contact', { LastName: 'Two', Email: 'twin@example.com' });
    org.emulator.org.insert('Contact', { LastName: 'Solo', Email: 'solo@example.com' });
    const old = await raw(org, '/services/data/v45.0/sobjects/Contact/Email/solo@example.com', { method: 'PATCH', headers: json, body: '{"Title":"x"}' });
    expect(old.status).toBe(204);
    const several = await raw(org, '/services/data/v62.0/sobjects/Contact/Email/twin@example.com', { method: 'PATCH', headers: json, body: '{"Title":"x"}' });
    expect(several.status).toBe(300);
    expect(await several.json()).toHaveLength(2);
    const notExternal = await raw(org, '/services/data/v62.0/sobjects/Contact/Title/x', { method: 'PATCH', headers: json, body: '{}' });
    expect(notExternal.status).toBe(404);
    expect(await notExternal.json()).toEqual([{ errorCode: 'NOT_FOUND', message: 'Provided external ID field does not exist or is not accessible: Title' }]);
  });

  it('upserts collections by Id (null creates) and by an external id, each result with created', async () => {
    const existing = org.emulator.org.insert('Account', { Name: 'Acme' });
    const byId = await raw(org, '/services/data/v62.0/composite/sobjects/Account/Id', {
      method: 'PATCH', headers: json,
      body: JSON.stringify({ allOrNone: false, records: [{ attributes: { type: 'Account' }, Id: existing.Id, Name: 'Acme Corp' }, { attributes: { type: 'Account' }, Id: null, Name: 'Initech' }] }),
    });
    const results = (await byId.json()) as { id: string; success: boolean; created: boolean }[];
    expect(results.map((r) => [r.success, r.created])).toEqual([[true, false], [true, true]]);
    expect(results[0]!.id).toBe(existing.Id);
    const byEmail = await raw(org, '/services/data/v62.0/composite/sobjects/Contact/Email', {
      method: 'PATCH', headers: json,
      body: JSON.stringify({ records: [{ attributes: { type: 'Contact' }, LastName: 'Lovelace', Email: 'ada@example.com' }, { attributes: { type: 'Contact' }, LastName: 'Lovelace', Email: 'ADA@example.com', Title: 'Countess' }] }),
    });
    expect(((await byEmail.json()) as { created: boolean }[]).map((r) => r.created)).toEqual([true, false]);
    expect(org.emulator.records('Contact')).toMatchObject([{ LastName: 'Lovelace', Title: 'Countess' }]);
  });
});

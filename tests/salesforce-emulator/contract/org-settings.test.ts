import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorControl } from '../control';
import { startEmulator, type Emulator } from '../server';

let emulator: Emulator;
let control: EmulatorControl;
beforeAll(async () => {
  emulator = await startEmulator({ data: 'empty' });
  control = new EmulatorControl(emulator.url);
});
afterAll(() => emulator.close());

async function api(path: string, init: RequestInit = {}) {
  const { accessToken } = emulator.issueToken();
  const res = await fetch(`${emulator.url}/services/data/v62.0/${path}`, { ...init, headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  return { status: res.status, body: res.status === 204 ? null : await res.json() };
}
const fieldOf = async (object: string, name: string) => ((await api(`sobjects/${object}/describe`)).body.fields as { name: string; externalId: boolean; createable: boolean }[]).find((f) => f.name === name);

describe('org settings, set per org through the control API', () => {
  it('adds a custom External ID field for the chat key: in describe, and upserts by it', async () => {
    await control.reset({ data: 'empty', org: { externalIdField: { name: 'Chat_Key__c', objects: ['Case', 'Task'] } } });
    expect(await fieldOf('Case', 'Chat_Key__c')).toMatchObject({ externalId: true, createable: true });
    expect(await fieldOf('Contact', 'Chat_Key__c')).toBeUndefined();
    const first = await api('sobjects/Case/Chat_Key__c/demo:42', { method: 'PATCH', body: JSON.stringify({ Subject: 'Chat' }) });
    const again = await api('sobjects/Case/Chat_Key__c/demo:42', { method: 'PATCH', body: JSON.stringify({ Subject: 'Chat' }) });
    expect([first.status, first.body.created, again.status, again.body.created]).toEqual([201, true, 200, false]);
    expect(emulator.records('Case')).toHaveLength(1);
    await control.reset({ data: 'empty' });
    expect(await fieldOf('Case', 'Chat_Key__c')).toBeUndefined(); // the next org is a plain one
  });

  it('hides a field or makes it read-only for the connected user, and refuses writes as Salesforce does', async () => {
    await control.reset({ data: 'empty', org: { fieldSecurity: [{ object: 'Contact', field: 'Birthdate', access: 'hidden' }, { object: 'Contact', field: 'Title', access: 'read-only' }] } });
    expect(await fieldOf('Contact', 'Birthdate')).toBeUndefined();
    expect(await fieldOf('Contact', 'Title')).toMatchObject({ createable: false });
    const hidden = await api('sobjects/Contact', { method: 'POST', body: JSON.stringify({ LastName: 'X', Birthdate: '1990-01-01' }) });
    expect([hidden.status, hidden.body[0].errorCode]).toEqual([400, 'INVALID_FIELD']);
    const readOnly = await api('sobjects/Contact', { method: 'POST', body: JSON.stringify({ LastName: 'X', Title: 'CEO' }) });
    expect(readOnly.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Title'] });
    const unknown = await fetch(`${emulator.url}/__emulator/reset`, { method: 'POST', body: JSON.stringify({ org: { fieldSecurity: [{ object: 'Contact', field: 'Nope', access: 'hidden' }] } }) });
    expect(unknown.status).toBe(400);
  });

  it('with Shared Activities, relates one task to several contacts (TaskWhoIds); without, refuses the field', async () => {
    await control.reset({ data: 'empty', org: { sharedActivities: true } });
    const ids = await Promise.all(['Installer', 'Homeowner'].map(async (LastName) => (await api('sobjects/Contact', { method: 'POST', body: JSON.stringify({ LastName }) })).body.id as string));
    const task = await api('sobjects/Task', { method: 'POST', body: JSON.stringify({ Subject: 'Chat', TaskWhoIds: ids }) });
    expect(task.status).toBe(201);
    expect(emulator.records('Task')[0]).toMatchObject({ WhoId: ids[0], WhoCount: 2 });
    await control.reset({ data: 'empty' });
    const off = await api('sobjects/Task', { method: 'POST', body: JSON.stringify({ Subject: 'Chat', TaskWhoIds: [] }) });
    expect(off.body[0].errorCode).toBe('INVALID_FIELD');
  });

  it('with multiple currencies, every object has CurrencyIsoCode (restricted, USD by default)', async () => {
    await control.reset({ data: 'empty', org: { multiCurrency: true } });
    await api('sobjects/Account', { method: 'POST', body: JSON.stringify({ Name: 'Acme' }) });
    expect(emulator.records('Account')[0]!.CurrencyIsoCode).toBe('USD');
    const bad = await api('sobjects/Account', { method: 'POST', body: JSON.stringify({ Name: 'Acme', CurrencyIsoCode: 'XXX' }) });
    expect(bad.body[0].errorCode).toBe('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST');
  });

  it('with person accounts, a person record type makes an account named after its person', async () => {
    await control.reset({ data: 'empty', org: { personAccounts: true } });
    const describe = (await api('sobjects/Account/describe')).body as { recordTypeInfos: { developerName: string; recordTypeId: string }[] };
    const person = describe.recordTypeInfos.find((r) => r.developerName === 'PersonAccount')!;
    const created = await api('sobjects/Account', { method: 'POST', body: JSON.stringify({ RecordTypeId: person.recordTypeId, FirstName: 'Ada', LastName: 'Lovelace', PersonEmail: 'ada@example.com' }) });
    expect(created.status).toBe(201);
    expect(emulator.records('Account')[0]).toMatchObject({ IsPersonAccount: true, Name: 'Ada Lovelace' });
    const business = await api('sobjects/Account', { method: 'POST', body: JSON.stringify({ Phone: '1' }) });
    expect(business.body[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['Name'] });
  });
});

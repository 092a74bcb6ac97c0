import { describe, expect, it } from 'vitest';
import { EmulatorControl } from '../control';
import { checksum, normalizeId } from '../ids';
import { SCENARIOS } from '../seed';
import { NO_RETRY, raw, useOrg } from './helpers';

const org = useOrg();

describe('REST resources', () => {
  it('lists versions without auth, resources and the global describe with auth', async () => {
    const versions = await (await fetch(`${org.emulator.url}/services/data`)).json();
    expect(versions).toContainEqual({ label: 'API 62.0', url: '/services/data/v62.0', version: '62.0' });
    const conn = org.conn();
    const global = await conn.describeGlobal();
    expect(global.sobjects.map((s) => s.name)).toEqual(expect.arrayContaining(['Account', 'Contact', 'Lead', 'Case', 'Task', 'User']));
  });

  it('makes a file (ContentDocument) with a first ContentVersion; deleting the file deletes its versions, a version alone cannot be deleted', async () => {
    const conn = org.conn();
    const grace = org.emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!;
    const made = await conn.sobject('ContentVersion').create({ Title: 'Chat transcript', PathOnClient: 'chat.txt', VersionData: btoa('hello'), FirstPublishLocationId: grace.Id });
    const [version] = (await conn.query<{ Id: string; ContentDocumentId: string }>(`SELECT Id, ContentDocumentId FROM ContentVersion WHERE FirstPublishLocationId = '${grace.Id}' AND Title = 'Chat transcript'`)).records;
    expect(version!.Id).toBe((made as { id: string }).id);
    expect(version!.ContentDocumentId).toMatch(/^069/);
    await expect(conn.sobject('ContentVersion').destroy(version!.Id)).rejects.toThrow(); // Salesforce deletes files by their document
    await conn.sobject('ContentDocument').destroy(version!.ContentDocumentId);
    expect((await conn.query(`SELECT Id FROM ContentVersion WHERE FirstPublishLocationId = '${grace.Id}'`)).records).toEqual([]);
  });

  it('answers every API request as JSON with Sforce-Limit-Info', async () => {
    const res = await raw(org, '/services/data/v62.0/limits');
    expect(res.headers.get('content-type')).toBe('application/json;charset=UTF-8');
    expect(res.headers.get('sforce-limit-info')).toBe('api-usage=1/15000');
    expect((await res.json()).DailyApiRequests).toEqual({ Max: 15000, Remaining: 14999 });
  });

  it('describes objects in Salesforce shape, for any API version in the path', async () => {
    const conn = org.conn();
    const contact = await conn.describe('Contact');
    expect(contact.keyPrefix).toBe('003');
    expect(contact.urls.describe).toBe('/services/data/v62.0/sobjects/Contact/describe');
    const task = await conn.describe('Task');
    const who = task.fields.find((f) => f.name === 'WhoId')!;
    expect(who.referenceTo).toEqual(['Contact', 'Lead']);
    expect((who as unknown as { polymorphicForeignKey: boolean }).polymorphicForeignKey).toBe(true);
    expect(task.fields.find((f) => f.name === 'Status')!.picklistValues!.find((p) => p.defaultValue)?.value).toBe('Not Started');
    expect(Object.keys(task.fields[0]!).sort()).toEqual(Object.keys(contact.fields[0]!).sort());
    const v58 = await (await raw(org, '/services/data/v58.0/sobjects/Lead/describe')).json();
    expect(v58.urls.describe).toBe('/services/data/v58.0/sobjects/Lead/describe');
  });

  it('answers a conditional describe with 304 (ETag and Last-Modified)', async () => {
    const first = await raw(org, '/services/data/v62.0/sobjects/Contact/describe');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect((await raw(org, '/services/data/v62.0/sobjects/Contact/describe', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    expect((await raw(org, '/services/data/v62.0/sobjects/Contact/describe', { headers: { 'If-Modified-Since': lastModified } })).status).toBe(304);
    expect((await raw(org, '/services/data/v62.0/sobjects/Contact/describe', { headers: { 'If-None-Match': '"stale"' } })).status).toBe(200);
  });

  it('serves layouts: sections, rows, items in order, required flags, per record type', async () => {
    const conn = org.conn();
    const layouts = await conn.request<{ layouts: { id: string; editLayoutSections: { heading: string; layoutRows: { layoutItems: { label: string; required: boolean; layoutComponents: { value?: string }[] }[] }[] }[] }[]; recordTypeMappings: { recordTypeId: string }[] }>('/services/data/v62.0/sobjects/Lead/describe/layouts');
    const sections = layouts.layouts[0]!.editLayoutSections;
    expect(sections.map((s) => s.heading)).toEqual(['Lead Information', 'Address Information', 'Description Information']);
    const items = sections[0]!.layoutRows.flatMap((r) => r.layoutItems);
    expect(items.find((i) => i.label === 'Company')?.required).toBe(true);
    expect(items.find((i) => i.label === 'Full Name')?.required).toBe(true); // LastName inside the compound Name
    const byType = await conn.request<{ id: string }>(`/services/data/v62.0/sobjects/Lead/describe/layouts/${layouts.recordTypeMappings[0]!.recordTypeId}`);
    expect(byType.id).toBe(layouts.layouts[0]!.id);
    const account = await conn.request<{ recordTypeMappings: unknown[] }>('/services/data/v62.0/sobjects/Account/describe/layouts');
    expect(account.recordTypeMappings).toHaveLength(2);
  });

  it('answers NOT_FOUND for unknown objects and records', async () => {
    const conn = org.conn();
    await expect(conn.describe('Nope__c')).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
    await expect(conn.sobject('Contact').retrieve('003000000000000AAA')).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
  });
});

describe('records', () => {
  it('creates, reads, updates and deletes with 18-character ids; 15-character ids work too', async () => {
    const conn = org.conn();
    const created = await conn.sobject('Contact').create({ LastName: 'Lovelace', FirstName: 'Ada', Email: 'ada@example.com' });
    expect(created).toMatchObject({ success: true, errors: [] });
    expect(created.id).toMatch(/^003[a-zA-Z0-9]{15}$/);
    expect(created.id!.slice(15)).toBe(checksum(created.id!.slice(0, 15)));
    const record = await conn.sobject('Contact').retrieve(created.id!.slice(0, 15));
    expect(record).toMatchObject({ Id: created.id, Name: 'Ada Lovelace', OwnerId: org.emulator.users[0] });
    await conn.sobject('Contact').update({ Id: created.id!, Title: 'Countess' });
    const fields = await conn.request<Record<string, unknown>>(`/services/data/v62.0/sobjects/Contact/${created.id}?fields=Title,Name`);
    expect(fields).toMatchObject({ Title: 'Countess', Name: 'Ada Lovelace' });
    expect(Object.keys(fields)).toEqual(['attributes', 'Title', 'Name']);
    await conn.sobject('Contact').destroy(created.id!);
    await expect(conn.sobject('Contact').retrieve(created.id!)).rejects.toMatchObject({ errorCode: 'NOT_FOUND' });
    await expect(conn.sobject('Contact').update({ Id: created.id!, Title: 'x' })).rejects.toMatchObject({ errorCode: 'ENTITY_IS_DELETED' });
  });

  it('fills defaults and owners: Lead Status, Task Status/Priority, owner = the token user', async () => {
    const conn = org.conn();
    const leadId = (await conn.sobject('Lead').create({ LastName: 'Ng', Company: 'Acme' })).id!;
    expect(await conn.sobject('Lead').retrieve(leadId)).toMatchObject({ Status: 'Open - Not Contacted', IsConverted: false });
    const { accessToken, instanceUrl } = org.emulator.issueToken('ana.agent@example.com');
    const ana = new (await import('jsforce')).Connection({ accessToken, instanceUrl, version: '62.0' });
    const taskId = (await ana.sobject('Task').create({ Subject: 'Chat', WhoId: leadId })).id!;
    expect(await ana.sobject('Task').retrieve(taskId)).toMatchObject({ Status: 'Not Started', Priority: 'Normal', OwnerId: org.emulator.userByEmail('ana.agent@example.com') });
  });

  it.each([
    ['REQUIRED_FIELD_MISSING', 'Lead', { LastName: 'x' }, ['Company'], 'Required fields are missing: [Company]'],
    ['INVALID_EMAIL_ADDRESS', 'Contact', { LastName: 'x', Email: 'not an email' }, ['Email'], 'Email: invalid email address: not an email'],
    ['STRING_TOO_LONG', 'Contact', { LastName: 'x'.repeat(81) }, ['LastName'], undefined],
    ['INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'Task', { Status: 'Maybe' }, ['Status'], 'Status: bad value for restricted picklist field: Maybe'],
    ['FIELD_INTEGRITY_EXCEPTION', 'Contact', { LastName: 'x', AccountId: 'CONTACT' }, ['AccountId'], undefined],
    ['MALFORMED_ID', 'Contact', { LastName: 'x', AccountId: 'abc' }, ['AccountId'], undefined],
    ['INVALID_FIELD', 'Contact', { LastName: 'x', Foo__c: 1 }, undefined, "No such column 'Foo__c' on sobject of type Contact"],
    ['INVALID_FIELD_FOR_INSERT_UPDATE', 'Contact', { LastName: 'x', Name: 'y' }, ['Name'], undefined],
  ])('refuses with %s', async (errorCode, type, body, fields, message) => {
    const conn = org.conn();
    const contactId = org.emulator.records('Contact')[0]!.Id;
    const values = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === 'CONTACT' ? contactId : v]));
    const res = await raw(org, `/services/data/v62.0/sobjects/${type}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(values) });
    expect(res.status).toBe(400);
    const [error] = await res.json();
    expect(error.errorCode).toBe(errorCode);
    if (fields) expect(error.fields).toEqual(fields);
    if (message) expect(error.message).toBe(message);
    await expect(conn.sobject(type).create(values)).rejects.toMatchObject({ errorCode });
  });

  it('refuses a value a validation rule forbids, on create and update, with the rule message on the field', async () => {
    await new EmulatorControl(org.emulator.url).validationRule({ object: 'Contact', field: 'Phone', pattern: '^\\+\\d{7,15}$', message: 'Phone must be in international format, like +14155550100.' });
    const grace = org.emulator.records('Contact').find((c) => c.Email === SCENARIOS.grace.Email)!;
    const res = await raw(org, `/services/data/v62.0/sobjects/Contact/${grace.Id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ Phone: '(415) 555-0199' }) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual([{ message: 'Phone must be in international format, like +14155550100.', errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', fields: ['Phone'] }]);
    await expect(org.conn().sobject('Contact').create({ LastName: 'V', Phone: '555' })).rejects.toMatchObject({ errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION' });
    await org.conn().sobject('Contact').update({ Id: grace.Id, Phone: '+14155550199' });
    expect(org.emulator.records('Contact').find((c) => c.Id === grace.Id)!.Phone).toBe('+14155550199');
  });

  it('answers DUPLICATES_DETECTED with the body real orgs send, and saves with allowSave', async () => {
    const email = SCENARIOS.grace.Email.toUpperCase();
    const person = { FirstName: 'grace', LastName: 'HOPPER', Email: email };
    // Same email, another name: the standard rule lets it through, as real orgs do.
    const other = await raw(org, '/services/data/v62.0/sobjects/Contact', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ LastName: 'Other', Email: email }) });
    expect(other.status).toBe(201);
    const res = await raw(org, '/services/data/v62.0/sobjects/Contact', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(person) });
    expect(res.status).toBe(400);
    const [error] = await res.json();
    expect(error.errorCode).toBe('DUPLICATES_DETECTED');
    expect(error.duplicateResut.matchResults[0].matchRecords[0].record.Id).toBe(org.emulator.records('Contact').find((c) => c.Email === SCENARIOS.grace.Email)!.Id);
    const saved = await raw(org, '/services/data/v62.0/sobjects/Contact', { method: 'POST', headers: { 'content-type': 'application/json', 'Sforce-Duplicate-Rule-Header': 'allowSave=true' }, body: JSON.stringify(person) });
    expect(saved.status).toBe(201);
  });

  it('refuses writes to a converted lead and tasks that point at it', async () => {
    const conn = org.conn();
    const converted = org.emulator.records('Lead').find((l) => l.IsConverted)!;
    await expect(conn.sobject('Lead').update({ Id: converted.Id, Title: 'x' })).rejects.toMatchObject({ errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD' });
    await expect(conn.sobject('Task').create({ Subject: 'x', WhoId: converted.Id })).rejects.toMatchObject({ errorCode: 'CANNOT_UPDATE_CONVERTED_LEAD' });
  });

  it('answers bad input with Salesforce errors, never a crash', async () => {
    const post = (body: string, headers: Record<string, string> = {}) => raw(org, '/services/data/v62.0/sobjects/Contact', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const malformed = await post('{"LastName": ');
    expect(malformed.status).toBe(400);
    expect((await malformed.json())[0].errorCode).toBe('JSON_PARSER_ERROR');
    const array = await post('[1,2]');
    expect((await array.json())[0].errorCode).toBe('JSON_PARSER_ERROR');
    const huge = await post(JSON.stringify({ LastName: 'x', Description: 'y'.repeat(7 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect((await raw(org, '/services/data/v62.0/limits')).status).toBe(200); // still serving
  });

  it('counts API requests and refuses past the daily limit with 403 REQUEST_LIMIT_EXCEEDED', async () => {
    const conn = org.conn();
    org.emulator.usage.max = 3;
    await conn.query('SELECT Id FROM User');
    await conn.query('SELECT Id FROM User');
    await conn.query('SELECT Id FROM User');
    expect(conn.limitInfo.apiUsage).toEqual({ used: 3, limit: 3 });
    const res = await raw(org, '/services/data/v62.0/query?q=SELECT+Id+FROM+User');
    expect(res.status).toBe(403);
    expect((await res.json())[0]).toEqual({ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' });
    await expect(conn.request('/services/data/v62.0/limits', NO_RETRY)).rejects.toMatchObject({ errorCode: 'REQUEST_LIMIT_EXCEEDED' });
  });

  it('normalises ids: checksum, 15 → 18, garbage → null', () => {
    const id = org.emulator.records('Contact')[0]!.Id;
    expect(normalizeId(id.slice(0, 15))).toBe(id);
    expect(normalizeId(id.slice(0, 15) + 'ZZZ')).toBeNull();
    expect(normalizeId("003' OR 1=1")).toBeNull();
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { applyFieldSecurity, defaultMetadata, loadMetadata, loadMetadataDir } from '../metadata';
import { Org } from '../org';
import { startEmulator, type Emulator } from '../server';

type Field = { name: string; type: string; createable: boolean; nillable: boolean; defaultedOnCreate: boolean; nameField: boolean; referenceTo: string[]; picklistValues: { active: boolean; value: string }[] };
type RecordTypeInfo = { recordTypeId: string; developerName: string; name: string; master: boolean };
type Describe = { name: string; fields: Field[]; recordTypeInfos?: RecordTypeInfo[] | null };
type Component = { type: string; value?: string; components?: Component[] };
type LayoutItem = { label: string; required: boolean; editableForNew: boolean; placeholder: boolean; layoutComponents: Component[] };
type Section = { heading: string; layoutRows: { layoutItems: LayoutItem[] }[] };
type Layout = { id: string; detailLayoutSections: Section[]; editLayoutSections: Section[] };
type Layouts = { layouts: Layout[]; recordTypeMappings: { recordTypeId: string; layoutId: string }[] };
type Pair = { file: string; request: { method: string; uri: string }; response: { status: number; body: string } };

/** Every object describe in the CumulusCI cassettes, as real orgs sent it. */
const pairs = JSON.parse(readFileSync('tests/salesforce-emulator/captures/cumulusci_pairs.json', 'utf8')) as Pair[];
const describePairs = pairs.filter((p) => p.request.method === 'GET' && /\/sobjects\/[^/]+\/describe$/.test(p.request.uri));
const isPersonAccountOrg = (p: Pair) => p.file.includes('PersonAccount');
const captured = (name: string, pick: (p: Pair) => boolean = (p) => !isPersonAccountOrg(p)): Describe =>
  JSON.parse(describePairs.find((p) => p.request.uri.endsWith(`/${name}/describe`) && pick(p))!.response.body) as Describe;
/** A describe as a profile without access to these fields gets it. */
const without = (d: Describe, ...names: string[]): Describe => ({ ...d, fields: d.fields.filter((f) => !names.includes(f.name)) });

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sf-metadata-'));
}

/** A --metadata folder holding these describes, one `describe-<Name>.json` each. */
function metadataDir(describes: Describe[]): string {
  const dir = tempDir();
  for (const d of describes) writeFileSync(join(dir, `describe-${d.name}.json`), JSON.stringify(d));
  return dir;
}

/** Every field name a layout shows, compound parts included. */
const layoutFields = (layout: Layout): string[] => {
  const names = (components: Component[]): string[] => components.filter((c) => c.type === 'Field').flatMap((c) => (c.components ? names(c.components) : [c.value!]));
  return layout.editLayoutSections.flatMap((s) => s.layoutRows.flatMap((r) => r.layoutItems.flatMap((i) => names(i.layoutComponents))));
};
const layoutItems = (layout: Layout) => layout.editLayoutSections.flatMap((s) => s.layoutRows.flatMap((r) => r.layoutItems));

// A customer's org: a captured Contact describe with a custom field, loaded unmodified.
describe('--metadata DIR', () => {
  const dir = tempDir();
  const contact = JSON.parse(readFileSync('tests/salesforce-emulator/metadata/describe-Contact.json', 'utf8'));
  const title = contact.fields.find((f: { name: string }) => f.name === 'Title');
  contact.fields.push({ ...title, name: 'Loyalty_Tier__c', label: 'Loyalty Tier', custom: true, type: 'picklist', restrictedPicklist: true, picklistValues: [{ active: true, defaultValue: false, label: 'Gold', validFor: null, value: 'Gold' }] });
  writeFileSync(join(dir, 'describe-Contact.json'), JSON.stringify(contact));

  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ metadataDir: dir, data: 'scenarios' });
  });
  afterAll(() => emulator.close());

  it('serves the captured describe and validates writes against it', async () => {
    const { instanceUrl, accessToken } = emulator.issueToken();
    const conn = new Connection({ instanceUrl, accessToken, version: '62.0' });
    const describe = await conn.describe('Contact');
    expect(describe.fields.map((f) => f.name)).toContain('Loyalty_Tier__c');
    const id = (await conn.sobject('Contact').create({ LastName: 'Tiered', Loyalty_Tier__c: 'Gold' })).id!;
    expect((await conn.query(`SELECT Loyalty_Tier__c FROM Contact WHERE Id = '${id}'`)).records[0]).toMatchObject({ Loyalty_Tier__c: 'Gold' });
    await expect(conn.sobject('Contact').create({ LastName: 'Tiered', Loyalty_Tier__c: 'Platinum' })).rejects.toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
    // Objects the folder does not have keep the built-in metadata.
    expect((await conn.describe('Task')).name).toBe('Task');
  });
});

/** Two real orgs, as their describes came, with fields hidden as field-level security hides them. */
const contactWithoutRecordTypes = without(captured('Contact'), 'Email');
delete contactWithoutRecordTypes.recordTypeInfos;
const ORGS: { org: string; describes: Describe[] }[] = [
  {
    org: 'a business-account org',  // Contact without AssistantName
    describes: ['Account', 'Case', 'Lead', 'Event', 'Opportunity', 'OpportunityContactRole', 'Custom__c'].map((n) => captured(n)).concat(without(captured('Contact'), 'AssistantName')),
  },
  {
    org: 'a Person Account org', // Contact without Email, and without recordTypeInfos
    describes: [captured('Account', isPersonAccountOrg), contactWithoutRecordTypes],
  },
];

describe.each(ORGS)('real describes of $org', ({ describes }) => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ metadataDir: metadataDir(describes), data: 'scenarios' });
  });
  afterAll(() => emulator.close());

  async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
    const { accessToken } = emulator.issueToken();
    const res = await fetch(`${emulator.url}/services/data/v62.0${path}`, {
      ...init,
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    });
    return { status: res.status, body: (res.status === 204 ? undefined : await res.json()) as T };
  }

  /** A value Salesforce takes for a field of this type; references point at a record made for them. */
  async function valueFor(field: Field): Promise<unknown> {
    switch (field.type) {
      case 'reference': return createSample(describes.find((d) => d.name === field.referenceTo[0]) ?? { name: field.referenceTo[0]!, fields: [] });
      case 'picklist': case 'multipicklist': return field.picklistValues.find((p) => p.active)?.value;
      case 'email': return 'sample@example.com';
      case 'date': return '2026-01-05';
      case 'datetime': return '2026-01-05T09:00:00.000+0000';
      case 'int': case 'double': case 'currency': case 'percent': return 1;
      default: return `Sample ${field.name}`;
    }
  }

  /** Creates a record with the fields the describe requires, and its name: returns its id. */
  async function createSample(d: Describe): Promise<string> {
    const wanted = d.fields.filter((f) => f.createable && ((!f.nillable && !f.defaultedOnCreate && f.type !== 'boolean') || (f.nameField && f.type !== 'reference')));
    const body: Record<string, unknown> = {};
    for (const f of wanted) body[f.name] = await valueFor(f);
    const created = await api<{ id: string; success: boolean }>(`/sobjects/${d.name}`, { method: 'POST', body: JSON.stringify(body) });
    expect(created, `create ${d.name}`).toMatchObject({ status: 201, body: { success: true } });
    return created.body.id;
  }

  it.each(describes.map((d) => [d.name, d] as const))('%s: describe answers with its fields', async (name, d) => {
    const { status, body } = await api<Describe>(`/sobjects/${name}/describe`);
    expect(status).toBe(200);
    expect(body.fields.map((f) => f.name)).toEqual(d.fields.map((f) => f.name));
    expect(body.recordTypeInfos ?? []).toHaveLength(d.recordTypeInfos?.length ?? 0);
  });

  it.each(describes.map((d) => [d.name, d] as const))('%s: layouts have sections, a layout per record type, only fields the describe has', async (name, d) => {
    const { status, body } = await api<Layouts>(`/sobjects/${name}/describe/layouts`);
    expect(status).toBe(200);
    expect(body.layouts.length).toBeGreaterThan(0);
    const known = new Set(d.fields.map((f) => f.name));
    for (const layout of body.layouts) {
      expect(layout.detailLayoutSections.length).toBeGreaterThan(0);
      expect(layout.editLayoutSections.length).toBeGreaterThan(0);
      expect(layoutFields(layout).length).toBeGreaterThan(0);
      expect(layoutFields(layout).filter((f) => !known.has(f))).toEqual([]);
    }
    for (const rt of d.recordTypeInfos ?? []) {
      const mapping = body.recordTypeMappings.find((m) => m.recordTypeId === rt.recordTypeId);
      expect(mapping, `${name} record type ${rt.name}`).toBeDefined();
      const own = await api<Layout>(`/sobjects/${name}/describe/layouts/${rt.recordTypeId}`);
      expect(own.status).toBe(200);
      expect(own.body.id).toBe(mapping!.layoutId);
      expect(own.body.editLayoutSections.length).toBeGreaterThan(0);
    }
  });

  it.each(describes.map((d) => [d.name, d] as const))('%s: a record can be created and read back', async (name, d) => {
    const id = await createSample(d);
    const { status, body } = await api<Record<string, unknown>>(`/sobjects/${name}/${id}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ attributes: { type: name }, Id: id });
    expect(Object.keys(body).filter((k) => k !== 'attributes').sort()).toEqual(d.fields.map((f) => f.name).sort());
  });

  it('refuses to write a field the profile cannot see, as a real org does', async () => {
    const contact = describes.find((d) => d.name === 'Contact')!;
    const hidden = ['AssistantName', 'Email'].find((f) => !contact.fields.some((x) => x.name === f))!;
    const { status, body } = await api<{ errorCode: string; message: string }[]>('/sobjects/Contact', { method: 'POST', body: JSON.stringify({ LastName: 'Hidden', [hidden]: 'x@example.com' }) });
    expect(status).toBe(400);
    expect(body[0]).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringContaining(hidden) });
  });
});

describe('a Person Account org', () => {
  const account = captured('Account', isPersonAccountOrg);
  const personTypes = account.recordTypeInfos!.filter((rt) => rt.developerName === 'PersonAccount');
  const businessTypes = account.recordTypeInfos!.filter((rt) => rt.developerName !== 'PersonAccount');
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ metadataDir: metadataDir([account]), data: 'scenarios' });
  });
  afterAll(() => emulator.close());
  const conn = () => {
    const { instanceUrl, accessToken } = emulator.issueToken();
    return new Connection({ instanceUrl, accessToken, version: '62.0' });
  };

  it('gives person record types the person layout and business ones the business layout', async () => {
    const layouts = await conn().request<Layouts>('/services/data/v62.0/sobjects/Account/describe/layouts');
    expect(layouts.layouts).toHaveLength(2);
    expect(layouts.recordTypeMappings).toHaveLength(5);
    const layoutOf = (rt: RecordTypeInfo) => layouts.layouts.find((l) => l.id === layouts.recordTypeMappings.find((m) => m.recordTypeId === rt.recordTypeId)!.layoutId)!;
    for (const rt of personTypes) {
      const fields = layoutFields(layoutOf(rt));
      expect(fields).toEqual(expect.arrayContaining(['FirstName', 'LastName', 'PersonEmail', 'PersonMobilePhone', 'PersonMailingStreet']));
      // A person's last name is required though describe lets Account.LastName be null.
      expect(layoutItems(layoutOf(rt)).find((i) => i.layoutComponents[0]?.value === 'Name')?.required).toBe(true);
    }
    for (const rt of businessTypes) {
      const fields = layoutFields(layoutOf(rt));
      expect(fields).toContain('Name');
      expect(fields.filter((f) => f.startsWith('Person'))).toEqual([]);
      expect(layoutItems(layoutOf(rt)).find((i) => i.layoutComponents[0]?.value === 'Name')?.required).toBe(true);
    }
  });

  it('creates a person account with a person record type, and reads its Person* fields', async () => {
    const c = conn();
    const id = (await c.sobject('Account').create({ RecordTypeId: personTypes[0]!.recordTypeId, FirstName: 'Ada', LastName: 'Lovelace', PersonEmail: 'ada@example.com' })).id!;
    expect(await c.sobject('Account').retrieve(id)).toMatchObject({ LastName: 'Lovelace', PersonEmail: 'ada@example.com', RecordTypeId: personTypes[0]!.recordTypeId });
  });
});

describe('describes the org cannot use', () => {
  const cases: [file: string, content: string, reason: RegExp][] = [
    ['describe-Broken.json', '{"name": "Broken", "fields": [', /describe-Broken\.json: not JSON/],
    ['describe-Nameless.json', JSON.stringify({ fields: [] }), /describe-Nameless\.json: no "name"/],
    ['describe-Fieldless__c.json', JSON.stringify({ name: 'Fieldless__c', label: 'Fieldless' }), /describe-Fieldless__c\.json: no "fields" array/],
    ['describe-Global.json', globalDescribeBody(), /describe-Global\.json: a global describe/],
  ];

  it.each(cases)('%s is refused, naming the file and the reason', (file, content, reason) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'describe-Contact.json'), JSON.stringify(captured('Contact')));
    writeFileSync(join(dir, file), content);
    expect(() => loadMetadataDir(dir)).toThrow(reason);
  });

  it('stops the emulator from starting, with the file named', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'describe-Broken.json'), 'not json at all');
    await expect(startEmulator({ metadataDir: dir })).rejects.toThrow(/describe-Broken\.json: not JSON/);
  });

  it('takes a layouts file next to its describe as it is, and names it when it is broken', () => {
    const dir = tempDir();
    const layouts = { layouts: [{ id: '00h000000000001AAA', editLayoutSections: [] }], recordTypeMappings: [] };
    writeFileSync(join(dir, 'describe-Contact.json'), JSON.stringify(captured('Contact')));
    writeFileSync(join(dir, 'layouts-Contact.json'), JSON.stringify(layouts));
    expect(loadMetadataDir(dir).get('contact')!.layouts).toEqual(layouts);
    writeFileSync(join(dir, 'layouts-Contact.json'), JSON.stringify({ sections: [] }));
    expect(() => loadMetadataDir(dir)).toThrow(/layouts-Contact\.json: no "layouts" array/);
  });

  it('refuses a layouts file without its describe', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'layouts-Contact.json'), '{"layouts": []}');
    expect(() => loadMetadataDir(dir)).toThrow(/layouts-Contact\.json: no describe-Contact\.json/);
  });
});

function globalDescribeBody(): string {
  return pairs.find((p) => p.file.includes('Global_describe'))!.response.body;
}

describe('describes in memory', () => {
  it('take the same path as files: captured bodies as they are, recordTypeInfos null or absent', () => {
    const bodies = describePairs.filter((p) => !isPersonAccountOrg(p)).map((p) => ({ source: p.file, describe: p.response.body }));
    const ocr = captured('OpportunityContactRole');
    const metadata = loadMetadata([...bodies, { source: 'Custom2__c in memory', describe: { ...captured('Custom__c'), name: 'Custom2__c', keyPrefix: 'aB6', recordTypeInfos: null } }]);
    expect(metadata.get('custom2__c')!.describe.recordTypeInfos).toEqual([]);
    expect(metadata.get('opportunitycontactrole')!.describe.fields).toEqual(ocr.fields);
    const org = new Org(metadata);
    expect(org.create('Custom2__c', { Name: 'In memory' }, { userId: '0055g0000000001AAA' }).Id.slice(0, 3)).toBe('aB6');
    expect(() => loadMetadata([{ source: 'two Accounts', describe: captured('Account') }, { source: 'the other', describe: captured('Account', isPersonAccountOrg) }])).toThrow(/the other: describes Account, as two Accounts does already/);
  });
});

describe('the built-in org', () => {
  it('has Event, Opportunity and OpportunityContactRole as captured, with their key prefixes', () => {
    const org = new Org(defaultMetadata());
    for (const [name, prefix] of [['Event', '00U'], ['Opportunity', '006'], ['OpportunityContactRole', '00K']] as const) {
      expect(org.object(name)).toMatchObject({ name, keyPrefix: prefix, fields: captured(name).fields });
    }
    const userId = '0055g0000000001AAA';
    const contact = org.create('Contact', { LastName: 'Role' }, { userId });
    const opportunity = org.create('Opportunity', { Name: 'Deal', StageName: 'Prospecting', CloseDate: '2026-02-01' }, { userId });
    const role = org.create('OpportunityContactRole', { OpportunityId: opportunity.Id, ContactId: contact.Id, Role: 'Decision Maker' }, { userId });
    expect(org.typeOfId(role.Id)).toBe('OpportunityContactRole');
    expect(org.typeOfId(org.create('Event', { Subject: 'Call', WhoId: contact.Id, WhatId: opportunity.Id, DurationInMinutes: 30, ActivityDateTime: '2026-01-05T09:00:00.000+0000' }, { userId }).Id)).toBe('Event');
    try {
      org.create('Opportunity', { Name: 'No stage' }, { userId });
      expect.unreachable();
    } catch (error) {
      expect((error as ApiError).errors[0]).toMatchObject({ errorCode: 'REQUIRED_FIELD_MISSING', fields: ['StageName', 'CloseDate'] });
    }
  });

  it('lays Task and Event out alike: owner, who and what with the same labels', () => {
    const metadata = defaultMetadata();
    for (const name of ['task', 'event']) {
      const items = layoutItems((metadata.get(name)!.layouts as Layouts).layouts[0]!);
      const label = (field: string) => items.find((i) => i.layoutComponents[0]?.value === field)?.label;
      expect([label('OwnerId'), label('WhoId'), label('WhatId')]).toEqual(['Assigned To', 'Name', 'Related To']);
    }
    const whatOf = (name: string) => metadata.get(name)!.describe.fields.find((f) => f.name === 'WhatId')!;
    expect(whatOf('task').referenceTo).toEqual(whatOf('event').referenceTo);
  });
});

describe('applyFieldSecurity', () => {
  const rules = [
    { object: 'Contact', field: 'AssistantName', access: 'hidden' as const },
    { object: 'contact', field: 'mailingaddress', access: 'hidden' as const },
    { object: 'Contact', field: 'Title', access: 'read-only' as const },
  ];
  const userId = '0055g0000000001AAA';

  it('takes hidden fields out of describe and layouts, and makes read-only ones neither createable nor updateable', () => {
    const original = defaultMetadata();
    const secured = applyFieldSecurity(original, rules);
    const { describe, layouts } = secured.get('contact')!;
    const names = describe.fields.map((f) => f.name);
    expect(names).not.toContain('AssistantName');
    expect(names.filter((n) => n.startsWith('Mailing'))).toEqual([]);
    expect(describe.fields.find((f) => f.name === 'Title')).toMatchObject({ createable: false, updateable: false });
    const layout = (layouts as Layouts).layouts[0]!;
    expect(layoutFields(layout).filter((f) => f === 'AssistantName' || f.startsWith('Mailing'))).toEqual([]);
    expect(layoutItems(layout).find((i) => i.label === 'Title')).toMatchObject({ editableForNew: false, required: false });
    // Pure: the metadata given is as it was, other objects untouched.
    expect(original.get('contact')!.describe.fields.map((f) => f.name)).toContain('AssistantName');
    expect(original.get('contact')!.describe.fields.find((f) => f.name === 'Title')).toMatchObject({ createable: true, updateable: true });
    expect(secured.get('lead')).toBe(original.get('lead'));
  });

  it('makes the org refuse hidden fields as unknown (INVALID_FIELD) and read-only ones as not writable', () => {
    const org = new Org(applyFieldSecurity(defaultMetadata(), rules));
    const refusal = (write: () => unknown) => {
      try {
        write();
      } catch (error) {
        return (error as ApiError).errors[0];
      }
      throw new Error('the write went through');
    };
    expect(refusal(() => org.create('Contact', { LastName: 'Hidden', AssistantName: 'Moneypenny' }, { userId }))).toMatchObject({ errorCode: 'INVALID_FIELD', message: expect.stringContaining("No such column 'AssistantName'") });
    expect(refusal(() => org.create('Contact', { LastName: 'Hidden', MailingCity: 'Paris' }, { userId }))).toMatchObject({ errorCode: 'INVALID_FIELD' });
    expect(refusal(() => org.create('Contact', { LastName: 'Titled', Title: 'CEO' }, { userId }))).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Title'] });
    const id = org.create('Contact', { LastName: 'Plain' }, { userId }).Id;
    expect(refusal(() => org.update('Contact', id, { Title: 'CEO' }, { userId }))).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE' });
  });

  it('secures captured layouts too, and refuses rules naming what the org lacks', () => {
    const contact = defaultMetadata().get('contact')!;
    const captured = loadMetadata([{ source: 'memory', describe: contact.describe, layouts: JSON.parse(JSON.stringify(contact.layouts)) }]);
    const layout = (applyFieldSecurity(captured, rules).get('contact')!.layouts as Layouts).layouts[0]!;
    expect(layoutFields(layout)).not.toContain('AssistantName');
    expect(() => applyFieldSecurity(defaultMetadata(), [{ object: 'Contact', field: 'Nope__c', access: 'hidden' }])).toThrow(/Contact has no field Nope__c/);
    expect(() => applyFieldSecurity(defaultMetadata(), [{ object: 'Nope__c', field: 'Name', access: 'hidden' }])).toThrow(/no object Nope__c/);
  });
});

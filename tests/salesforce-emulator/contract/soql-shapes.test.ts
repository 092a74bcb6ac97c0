/**
 * The shapes real Salesforce gives the queries beyond plain records (see captures/): aggregate
 * results, child subqueries, TYPEOF, and errors that point at the offending token.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../seed';
import { raw, useOrg } from './helpers';

const org = useOrg();

/** The body as the emulator sends it, key order included (JSON.parse keeps it). */
async function query(soql: string): Promise<{ status: number; body: any }> {
  const response = await raw(org, `/services/data/v62.0/query?q=${encodeURIComponent(soql)}`);
  return { status: response.status, body: await response.json() };
}

const idOf = (type: string, test: (r: Record<string, unknown>) => boolean) => org.emulator.records(type).find(test)!.Id;
const url = (type: string, id: string) => `/services/data/v62.0/sobjects/${type}/${id}`;

describe('aggregate queries', () => {
  it('answers count(Id) with one AggregateResult named expr0, without a url (as captured)', async () => {
    const { status, body } = await query('select count(Id) from Account');
    expect(status).toBe(200);
    expect(JSON.stringify(body)).toBe(JSON.stringify({ totalSize: 1, done: true, records: [{ attributes: { type: 'AggregateResult' }, expr0: 6 }] }));
  });

  it('gives one row per group: grouped fields by name, aliases, then expr0, expr1… in SELECT order', async () => {
    const { body } = await query('SELECT Type, COUNT(Id), SUM(AnnualRevenue) total, MAX(Name) FROM Account GROUP BY Type ORDER BY Type');
    expect(body.totalSize).toBe(4);
    expect(body.records).toEqual([
      { attributes: { type: 'AggregateResult' }, Type: 'Customer - Channel', expr0: 1, total: 3_750_000, expr1: 'Initech' },
      { attributes: { type: 'AggregateResult' }, Type: 'Customer - Direct', expr0: 2, total: 7_500_000, expr1: 'Converse Shoes' },
      { attributes: { type: 'AggregateResult' }, Type: 'Prospect', expr0: 2, total: 10_000_000, expr1: 'Globex' },
      { attributes: { type: 'AggregateResult' }, Type: 'Technology Partner', expr0: 1, total: 5_000_000, expr1: 'Morgan & Co' },
    ]);
    expect(Object.keys(body.records[0])).toEqual(['attributes', 'Type', 'expr0', 'total', 'expr1']);
  });

  it('filters groups with HAVING and orders them by an aggregate', async () => {
    const { body } = await query('SELECT Type, COUNT(Id) n FROM Account GROUP BY Type HAVING COUNT(Id) > 1 ORDER BY SUM(AnnualRevenue) DESC');
    expect(body.records.map((r: Record<string, unknown>) => [r.Type, r.n])).toEqual([['Prospect', 2], ['Customer - Direct', 2]]);
  });

  it('computes COUNT_DISTINCT, AVG and MIN over all the matches', async () => {
    const { body } = await query('SELECT COUNT_DISTINCT(Type), AVG(AnnualRevenue), MIN(Name) FROM Account');
    expect(body.records).toEqual([{ attributes: { type: 'AggregateResult' }, expr0: 4, expr1: 4_375_000, expr2: 'Acme Corp' }]);
  });

  it('names a grouped parent field by its own name, through jsforce', async () => {
    const result = await org.conn().query(`SELECT Account.Name, COUNT(Id) n FROM Contact WHERE Account.Name = 'Morgan & Co' GROUP BY Account.Name`);
    expect(result).toMatchObject({ totalSize: 1, done: true, records: [{ attributes: { type: 'AggregateResult' }, Name: 'Morgan & Co', n: 2 }] });
  });

  it('answers no matches with a zero count, and with no groups when grouped', async () => {
    expect((await query(`SELECT COUNT(Id) FROM Account WHERE Name = 'Nope'`)).body).toEqual({ totalSize: 1, done: true, records: [{ attributes: { type: 'AggregateResult' }, expr0: 0 }] });
    expect((await query(`SELECT Type, COUNT(Id) FROM Account WHERE Name = 'Nope' GROUP BY Type`)).body).toEqual({ totalSize: 0, done: true, records: [] });
  });

  it('refuses a field neither grouped nor aggregated, as Salesforce words it', async () => {
    const { status, body } = await query('SELECT Name, COUNT(Id) FROM Account');
    expect(status).toBe(400);
    expect(body).toEqual([{ errorCode: 'MALFORMED_QUERY', message: '\nSELECT Name, COUNT(Id) FROM Account\n       ^\nERROR at Row:1:Column:8\nField must be grouped or aggregated: Name' }]);
  });
});

describe('child subqueries', () => {
  it('nests the children as a query result after the fields, null when there are none', async () => {
    const grace = idOf('Contact', (r) => r.Email === SCENARIOS.grace.Email);
    const caseId = idOf('Case', (r) => r.ContactId === grace);
    const { body } = await query(`SELECT FirstName, (SELECT Subject FROM Cases) FROM Contact WHERE LastName IN ('Hopper', 'Smith') ORDER BY LastName`);
    expect(JSON.stringify(body.records)).toBe(JSON.stringify([
      {
        attributes: { type: 'Contact', url: url('Contact', grace) },
        FirstName: 'Grace',
        Cases: { totalSize: 1, done: true, records: [{ attributes: { type: 'Case', url: url('Case', caseId) }, Subject: 'Cannot log in' }] },
      },
      { attributes: { type: 'Contact', url: url('Contact', idOf('Contact', (r) => r.LastName === 'Smith')) }, FirstName: 'Olivia', Cases: null },
    ]));
  });

  it('applies WHERE, ORDER BY and LIMIT inside the subquery (Tasks, by the polymorphic WhoId)', async () => {
    const conn = org.conn();
    const grace = idOf('Contact', (r) => r.Email === SCENARIOS.grace.Email);
    for (const [Subject, Status] of [['Call', 'Not Started'], ['Send Quote', 'Not Started'], ['Other', 'Not Started'], ['Send Letter', 'Completed']]) {
      await conn.sobject('Task').create({ Subject, Status, WhoId: grace });
    }
    const result = await conn.query<Record<string, any>>(`SELECT Id, (SELECT Subject FROM Tasks WHERE Status = 'Not Started' ORDER BY Subject DESC LIMIT 2) FROM Contact WHERE Id = '${grace}'`);
    expect(result.records[0]!.Tasks).toMatchObject({ totalSize: 2, done: true, records: [{ attributes: { type: 'Task' }, Subject: 'Send Quote' }, { Subject: 'Other' }] });
  });

  it('matches the relationship name in any case and answers with its own casing, parents nested in children', async () => {
    const { body } = await query(`SELECT Name, (select lastname, Account.Name from contacts order by lastname) FROM Account WHERE Name = 'Morgan & Co'`);
    expect(body.records[0].Contacts.records).toMatchObject([
      { attributes: { type: 'Contact' }, LastName: 'Morgan', Account: { attributes: { type: 'Account' }, Name: 'Morgan & Co' } },
      { LastName: 'Morgan-Lee' },
    ]);
  });

  it('answers the captured (select Name from Opportunities) on Contact as the real org did', async () => {
    const conn = org.conn();
    const grace = idOf('Contact', (r) => r.Email === SCENARIOS.grace.Email);
    const { id } = (await conn.sobject('Opportunity').create({ Name: 'Illusional Opportunity', StageName: 'Prospecting', CloseDate: '2026-03-01', ContactId: grace })) as { id: string };
    const { body } = await query('select FirstName,(select Name from Opportunities) from Contact');
    expect(body.totalSize).toBe(10);
    for (const record of body.records) expect(Object.keys(record)).toEqual(['attributes', 'FirstName', 'Opportunities']);
    const withChildren = body.records.filter((r: Record<string, unknown>) => r.Opportunities !== null);
    expect(withChildren).toEqual([
      {
        attributes: { type: 'Contact', url: url('Contact', grace) },
        FirstName: 'Grace',
        Opportunities: { totalSize: 1, done: true, records: [{ attributes: { type: 'Opportunity', url: url('Opportunity', id) }, Name: 'Illusional Opportunity' }] },
      },
    ]);
  });

  // Assets: a relationship Contact's describe lists, to an object this org does not have.
  it.each([['Assets'], ['Nopes']])('refuses the unknown relationship %s with INVALID_TYPE, pointing at it', async (name) => {
    const soql = `SELECT FirstName, (SELECT Name FROM ${name}) FROM Contact`;
    const { status, body } = await query(soql);
    expect(status).toBe(400);
    expect(body[0].errorCode).toBe('INVALID_TYPE');
    expect(body[0].message).toBe(`\n${soql}\n${' '.repeat(36)}^\nERROR at Row:1:Column:37\nDidn't understand relationship '${name}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`);
  });
});

describe('TYPEOF', () => {
  it('gives each polymorphic parent as its actual object with its branch of fields, ELSE when none matches, null when empty', async () => {
    const conn = org.conn();
    const grace = idOf('Contact', (r) => r.Email === SCENARIOS.grace.Email);
    const chloe = idOf('Lead', (r) => r.Email === SCENARIOS.lead.Email);
    const acme = idOf('Account', (r) => r.Name === 'Acme Corp');
    const caseId = idOf('Case', (r) => r.ContactId === grace);
    await conn.sobject('Task').create({ Subject: 'A call', WhoId: grace, WhatId: acme });
    // A lead's task is related to nothing else (Salesforce refuses a WhatId beside it).
    await conn.sobject('Task').create({ Subject: 'B mail', WhoId: chloe });
    await conn.sobject('Task').create({ Subject: 'C alone' });
    await conn.sobject('Task').create({ Subject: 'D case', WhoId: grace, WhatId: caseId });
    const { body } = await query('SELECT Subject, TYPEOF Who WHEN Contact THEN LastName, Email WHEN Lead THEN LastName, Company ELSE Id END, TYPEOF What WHEN Account THEN Name, Phone ELSE Id END FROM Task ORDER BY Subject');
    const records = body.records.map(({ attributes, ...rest }: Record<string, unknown>) => rest);
    expect(JSON.stringify(records)).toBe(JSON.stringify([
      {
        Subject: 'A call',
        Who: { attributes: { type: 'Contact', url: url('Contact', grace) }, LastName: 'Hopper', Email: SCENARIOS.grace.Email },
        What: { attributes: { type: 'Account', url: url('Account', acme) }, Name: 'Acme Corp', Phone: '+1 415 555 1000' },
      },
      {
        Subject: 'B mail',
        Who: { attributes: { type: 'Lead', url: url('Lead', chloe) }, LastName: 'Dubois', Company: SCENARIOS.lead.Company },
        What: null,
      },
      { Subject: 'C alone', Who: null, What: null },
      {
        Subject: 'D case',
        Who: { attributes: { type: 'Contact', url: url('Contact', grace) }, LastName: 'Hopper', Email: SCENARIOS.grace.Email },
        What: { attributes: { type: 'Case', url: url('Case', caseId) }, Id: caseId },
      },
    ]));
  });

  it('refuses a field its WHEN object lacks with INVALID_FIELD', async () => {
    await expect(org.conn().query('SELECT Id, TYPEOF Who WHEN Contact THEN Company END FROM Task')).rejects.toMatchObject({ errorCode: 'INVALID_FIELD' });
  });
});

describe('query errors point at the token, as Salesforce does', () => {
  const TAIL = ". If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";

  it.each([
    ['SELECT Foo FROM Contact', 'INVALID_FIELD', `\nSELECT Foo FROM Contact\n       ^\nERROR at Row:1:Column:8\nNo such column 'Foo' on entity 'Contact'${TAIL}`],
    ['SELECT Id FROM Contact WHERE Account.Nope = 1', 'INVALID_FIELD', `\nSELECT Id FROM Contact WHERE Account.Nope = 1\n${' '.repeat(29)}^\nERROR at Row:1:Column:30\nNo such column 'Nope' on entity 'Account'${TAIL}`],
    ["SELECT Id FROM Contact WHERE Name = 'Foo' ORDER BY Foo", 'INVALID_FIELD', `\nSELECT Id FROM Contact WHERE Name = 'Foo' ORDER BY Foo\n${' '.repeat(51)}^\nERROR at Row:1:Column:52\nNo such column 'Foo' on entity 'Contact'${TAIL}`],
    ['SELECT Id,\n  Foo.Name\nFROM Contact', 'INVALID_FIELD', "\n  Foo.Name\n  ^\nERROR at Row:2:Column:3\nDidn't understand relationship 'Foo' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."],
    // The very answer of a real org, in captures/cumulusci_pairs.json.
    ['select count() from XYZZY', 'INVALID_TYPE', "\nselect count() from XYZZY\n                    ^\nERROR at Row:1:Column:21\nsObject type 'XYZZY' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."],
  ])('%s', async (soql, errorCode, message) => {
    const { status, body } = await query(soql);
    expect(status).toBe(400);
    expect(body).toEqual([{ message, errorCode }]);
  });
});

import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../seed';
import { raw, useOrg } from './helpers';

const org = useOrg();

const names = async (soql: string) => (await org.conn().query<{ Name: string }>(soql)).records.map((r) => r.Name);

describe('SOQL', () => {
  it.each([
    [`SELECT Name FROM Contact WHERE Email = 'GRACE.HOPPER@example.com'`, ['Grace Hopper']],
    [`SELECT Name FROM Contact WHERE Email = 'jose.nunez@example.com'`, ['José Núñez']],
    [`SELECT Name FROM Contact WHERE LastName LIKE 'Morgan%' ORDER BY LastName DESC`, ['Pat Morgan-Lee', 'Pat Morgan']],
    [`SELECT Name FROM Contact WHERE LastName IN ('Hopper', 'Smith') ORDER BY Name`, ['Grace Hopper', 'Olivia Smith']],
    [`SELECT Name FROM Contact WHERE (LastName = 'Hopper' OR LastName = 'Smith') AND NOT FirstName = 'Olivia'`, ['Grace Hopper']],
    [`SELECT Name FROM Contact WHERE Account.Name = 'Acme Corp'`, ['Grace Hopper']],
    [`SELECT Name FROM Lead WHERE IsConverted = true`, ['Conrad Converse']],
    [`SELECT Name FROM Lead WHERE Email != null AND IsConverted = false AND LastName NOT IN ('Shared') `, ['Chloé Dubois']],
    [`SELECT Name FROM Contact WHERE CreatedDate > 2020-01-01T00:00:00Z AND LastName = 'Hopper'`, ['Grace Hopper']],
    [`SELECT Name FROM Contact WHERE CreatedDate < LAST_N_DAYS:3650 AND LastName = 'Hopper'`, []],
    [`SELECT Name FROM Contact WHERE LastName = 'O\\'Brien'`, []],
    [`SELECT Name FROM Contact ORDER BY Name LIMIT 2 OFFSET 1`, ['Grace Hopper', 'José Núñez']],
    // Semi-joins and anti-joins: the sub-select runs on its own object.
    [`SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE Email = 'grace.hopper@example.com')`, ['Acme Corp']],
    [`SELECT Name FROM Contact WHERE AccountId IN (SELECT AccountId FROM Contact WHERE LastName = 'Morgan' OR LastName = 'Hopper') ORDER BY Name`, ['Grace Hopper', 'Pat Morgan', 'Pat Morgan-Lee']],
    [`SELECT Name FROM Contact WHERE LastName LIKE 'Morgan%' AND AccountId NOT IN (SELECT AccountId FROM Contact WHERE Email = 'grace.hopper@example.com') ORDER BY Name`, ['Pat Morgan', 'Pat Morgan-Lee']],
  ])('%s', async (soql, expected) => {
    expect(await names(soql)).toEqual(expected);
  });

  it("keeps the org's own clock, apart from this machine's: record dates, date literals and the Date header follow it", async () => {
    const twoDays = 2 * 86_400_000;
    org.emulator.org.clockOffsetMs = -twoDays;
    const conn = org.conn();
    const { id } = (await conn.sobject('Contact').create({ LastName: 'Clockwise' })) as { id: string };
    const [row] = (await conn.query<{ CreatedDate: string }>(`SELECT CreatedDate FROM Contact WHERE Id = '${id}'`)).records;
    expect(Math.abs(Date.parse(row!.CreatedDate) - (Date.now() - twoDays))).toBeLessThan(60_000);
    // TODAY is the org's today: on this machine's, a record made two days back is not today's.
    expect(await names(`SELECT Name FROM Contact WHERE CreatedDate = TODAY AND LastName = 'Clockwise'`)).toEqual(['Clockwise']);
    expect(await names(`SELECT Name FROM Contact WHERE CreatedDate = LAST_N_DAYS:1 AND LastName = 'Clockwise'`)).toEqual(['Clockwise']);
    const date = (await raw(org, '/services/data')).headers.get('date');
    expect(Math.abs(Date.parse(date ?? '') - (Date.now() - twoDays))).toBeLessThan(60_000);
  });

  it('returns parent fields as nested records, null when there is no parent', async () => {
    const conn = org.conn();
    const { records } = await conn.query<Record<string, unknown>>(`SELECT Id, Account.Name, Owner.Email, ReportsTo.Name FROM Contact WHERE Email = '${SCENARIOS.grace.Email}'`);
    expect(records[0]).toMatchObject({ Account: { attributes: { type: 'Account' }, Name: 'Acme Corp' }, Owner: { Email: expect.stringContaining('@example.com') }, ReportsTo: null });
  });

  it('counts with COUNT()', async () => {
    const result = await org.conn().query('SELECT COUNT() FROM Contact WHERE LastName LIKE \'Morgan%\'');
    expect(result).toMatchObject({ totalSize: 2, done: true, records: [] });
  });

  it('pages with nextRecordsUrl (batch size from Sforce-Query-Options)', async () => {
    org.emulator.reset({ data: 'full' });
    const first = await (await raw(org, '/services/data/v62.0/query?q=SELECT+Id+FROM+Contact', { headers: { 'Sforce-Query-Options': 'batchSize=200' } })).json();
    expect(first).toMatchObject({ done: false, totalSize: 1000 });
    expect(first.records).toHaveLength(200);
    expect(first.nextRecordsUrl).toMatch(/^\/services\/data\/v62\.0\/query\/01g/);
    const all = await org.conn().query('SELECT Id FROM Contact', { autoFetch: true, maxFetch: 5000, headers: { 'Sforce-Query-Options': 'batchSize=300' } } as never);
    expect(all.records.length).toBe(1000);
  });

  it('includes deleted records in queryAll only', async () => {
    const conn = org.conn();
    const id = org.emulator.records('Contact')[0]!.Id;
    await conn.sobject('Contact').destroy(id);
    expect((await conn.query(`SELECT Id FROM Contact WHERE Id = '${id}'`)).totalSize).toBe(0);
    expect((await conn.query(`SELECT Id, IsDeleted FROM Contact WHERE Id = '${id}'`, { scanAll: true })).records).toMatchObject([{ Id: id, IsDeleted: true }]);
  });

  it.each([
    ['SELECT Id FROM Contact WHERE', 'MALFORMED_QUERY'],
    ['SELECT Foo FROM Contact', 'INVALID_FIELD'],
    ['SELECT Id FROM Contact WHERE Account.Nope = 1', 'INVALID_FIELD'],
    ['SELECT Id FROM Nope__c', 'INVALID_TYPE'],
    ["SELECT Id FROM Contact WHERE Name = 'a\\qb'", 'MALFORMED_QUERY'],
    // Salesforce's own limits on semi-joins: an id field on both sides, no OR beside one.
    ["SELECT Id FROM Account WHERE Name IN (SELECT Email FROM Contact)", 'INVALID_FIELD'],
    ["SELECT Id FROM Account WHERE Id IN (SELECT Email FROM Contact)", 'INVALID_FIELD'],
    ["SELECT Id FROM Account WHERE Name = 'x' OR Id IN (SELECT AccountId FROM Contact)", 'MALFORMED_QUERY'],
  ])('refuses %s with %s', async (soql, errorCode) => {
    await expect(org.conn().query(soql)).rejects.toMatchObject({ errorCode });
  });

  it('keeps escaped hostile strings inside their literal: nothing extra matches, nothing breaks', async () => {
    const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
    const hostile = [`' OR Name != '`, `\\' OR Name LIKE '%`, `%`, `_`, `x'); DELETE FROM Contact; --`, '‮ evil', '😀'.repeat(50), 'a'.repeat(5000)];
    for (const value of hostile) {
      const result = await org.conn().query(`SELECT Id FROM Contact WHERE Email = '${escape(value)}'`);
      expect(result.totalSize, value.slice(0, 30)).toBe(0);
    }
    // Unescaped, the same strings break the query (so the test above is not vacuous).
    await expect(org.conn().query(`SELECT Id FROM Contact WHERE Email = '' OR Name != ''`)).resolves.toMatchObject({ totalSize: expect.any(Number) });
  });
});

describe('SOSL', () => {
  const search = async (sosl: string) => (await org.conn().search(sosl)).searchRecords as Record<string, unknown>[];

  it.each([
    ['+1 (415) 555-0100'],
    ['415.555.0100'],
    ['4155550100'],
    ['(415) 555 0100'],
  ])('finds a phone whatever its format: %s', async (phone) => {
    const escaped = phone.replace(/[?&|!{}[\]()^~*:\\"'+-]/g, '\\$&');
    const found = await search(`FIND {"${escaped}"} IN PHONE FIELDS RETURNING Contact(Name, Phone)`);
    expect(found.map((r) => r.Name)).toEqual(['Grace Hopper']);
  });

  it('finds both contacts that share a phone, and mobile phones', async () => {
    expect((await search('FIND {2125550147} IN PHONE FIELDS RETURNING Contact(Name ORDER BY Name)')).map((r) => r.Name)).toEqual(['Pat Morgan', 'Pat Morgan-Lee']);
    expect((await search('FIND {7400123456} IN PHONE FIELDS RETURNING Contact(Name)')).map((r) => r.Name)).toEqual(['Olivia Smith']);
  });

  it('ORs terms joined by OR, ANDs terms side by side, and leaves out AND NOT', async () => {
    const names = async (find: string) => (await search(`FIND {${find}} IN ALL FIELDS RETURNING Contact(Name ORDER BY Name)`)).map((r) => r.Name);
    expect(await names('"4155550100" OR "7400123456"')).toEqual(['Grace Hopper', 'Olivia Smith']);
    expect(await names('Grace Hopper')).toEqual(['Grace Hopper']);
    expect(await names('Grace AND Olivia')).toEqual([]);
    expect(await names('Pat AND NOT Lee')).toEqual(['Pat Morgan']);
  });

  it('finds emails regardless of case, across objects, with WHERE and LIMIT inside RETURNING', async () => {
    const found = await search(`FIND {SAM.SHARED@EXAMPLE.COM} IN EMAIL FIELDS RETURNING Contact(Id, Email), Lead(Id, Email WHERE IsConverted = false LIMIT 5)`);
    expect(found.map((r) => (r.attributes as { type: string }).type).sort()).toEqual(['Contact', 'Lead']);
  });

  it('finds names ignoring accents and in non-Latin scripts, with wildcards', async () => {
    expect((await search('FIND {jose nunez} IN NAME FIELDS RETURNING Contact(Name)')).map((r) => r.Name)).toEqual(['José Núñez']);
    expect((await search('FIND {佐藤} IN NAME FIELDS RETURNING Contact(Name)')).map((r) => r.Name)).toEqual(['美咲 佐藤']);
    expect((await search('FIND {Hopp*} IN NAME FIELDS RETURNING Contact(Name)')).map((r) => r.Name)).toEqual(['Grace Hopper']);
  });

  it('refuses unescaped reserved characters with MALFORMED_SEARCH, and escaped ones match literally', async () => {
    await expect(org.conn().search('FIND {a(b} RETURNING Contact')).rejects.toMatchObject({ errorCode: 'MALFORMED_SEARCH' });
    await expect(org.conn().search('FIND {x} IN NOWHERE FIELDS')).rejects.toMatchObject({ errorCode: 'MALFORMED_SEARCH' });
    expect(await search('FIND {grace\\*hopper} RETURNING Contact(Name)')).toEqual([]);
    expect(await search("FIND {\\' OR \\'1\\'=\\'1} RETURNING Contact(Name)")).toEqual([]);
  });
});

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../server';

// A customer's org: a captured Contact describe with a custom field, loaded unmodified.
const dir = mkdtempSync(join(tmpdir(), 'sf-metadata-'));
const contact = JSON.parse(readFileSync('tests/salesforce-emulator/metadata/describe-Contact.json', 'utf8'));
const title = contact.fields.find((f: { name: string }) => f.name === 'Title');
contact.fields.push({ ...title, name: 'Loyalty_Tier__c', label: 'Loyalty Tier', custom: true, type: 'picklist', restrictedPicklist: true, picklistValues: [{ active: true, defaultValue: false, label: 'Gold', validFor: null, value: 'Gold' }] });
writeFileSync(join(dir, 'describe-Contact.json'), JSON.stringify(contact));

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ metadataDir: dir, data: 'scenarios' });
});
afterAll(() => emulator.close());

describe('--metadata DIR', () => {
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualSearchSosl, searchCandidates } from '@/utils/identify/search';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { startEmulator, type Emulator } from '../../salesforce-emulator/server';

let emulator: Emulator;
let client: SalesforceClient;
beforeAll(async () => {
  emulator = await startEmulator({ data: 'scenarios' });
  const { instanceUrl, accessToken } = emulator.issueToken();
  client = new SalesforceClient({ instanceUrl, accessToken });
});
afterAll(() => emulator.close());

const search = async (text: string) => {
  const sosl = manualSearchSosl(text);
  return sosl ? searchCandidates((await client.search(sosl)) as never) : null;
};

describe('search by hand', () => {
  it.each([
    ['Hopper', ['Contact Grace Hopper']],
    ['grace.hopper@EXAMPLE.com', ['Contact Grace Hopper']],
    ['(415) 555-0100', ['Contact Grace Hopper']],
    ['Dubois', ['Lead Chloé Dubois']],
    ['Converse', ['Contact Conrad Converse', 'Account Converse Shoes']],
  ])('%s', async (text, expected) => {
    expect((await search(text))!.map((c) => `${c.type} ${c.name}`)).toEqual(expected);
  });

  it('leaves converted leads out, and does not search one character', async () => {
    expect((await search('conrad@oldmail.example'))!).toEqual([]);
    expect(await search('a')).toBeNull();
  });

  it.each(['*', '{FIND} OR "x"', "' OR 1=1 --", '\\\\', 'a'.repeat(300)])('keeps %j literal', async (text) => {
    const found = await search(text);
    expect(found === null || found.length === 0).toBe(true);
  });
});

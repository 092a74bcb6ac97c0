import { describe, expect, it } from 'vitest';
import { memoryKept, OmniReader, PRESENCE_KEEP_MS } from '@/utils/presence/reader';
import { SalesforceError } from '@/utils/salesforce/errors';
import type { SalesforceClient } from '@/utils/salesforce/connection';

/** A client that answers UserServicePresence queries from a table, counting them; or fails as told. */
function org(rows: Record<string, { status: string; label: string; away?: boolean }>, fail?: Error) {
  const asked: string[] = [];
  const client = {
    session: { instanceUrl: 'https://acme.my.salesforce.com', accessToken: 't' },
    get: async (url: string) => {
      asked.push(decodeURIComponent(url));
      if (fail) throw fail;
      return { records: Object.entries(rows).filter(([id]) => decodeURIComponent(url).includes(`'${id}'`)).map(([UserId, r]) => ({ UserId, IsAway: !!r.away, ServicePresenceStatus: { DeveloperName: r.status, MasterLabel: r.label } })) };
    },
  } as unknown as SalesforceClient;
  return { client, asked };
}

describe('OmniReader', () => {
  it('asks for several people in one query, keeps each a minute (also across a worker restart, where it keeps them), then asks again', async () => {
    const { client, asked } = org({ '005A': { status: 'Available', label: 'Available' }, '005B': { status: 'Break', label: 'On a break', away: true } });
    let now = 1_000;
    const kept = memoryKept();
    const reader = new OmniReader(async () => undefined, kept, () => now);
    expect(await reader.presence(client, ['005A', '005B', '005C', '005A'])).toEqual({
      '005A': { state: 'online', status: 'Available', label: 'Available', away: false },
      '005B': { state: 'online', status: 'Break', label: 'On a break', away: true },
      '005C': { state: 'offline' },
    });
    expect(asked).toHaveLength(1);
    // A new worker over the same kept answers: no request within the minute.
    const restarted = new OmniReader(async () => undefined, kept, () => now);
    expect((await restarted.presence(client, ['005B']))!['005B']).toMatchObject({ label: 'On a break' });
    expect(asked).toHaveLength(1);
    now += PRESENCE_KEEP_MS + 1;
    await restarted.presence(client, ['005B']);
    expect(asked).toHaveLength(2);
  });

  it('an org without Omni-Channel is asked once, then never', async () => {
    const { client, asked } = org({}, new SalesforceError('INVALID_TYPE', "sObject type 'UserServicePresence' is not supported."));
    const reader = new OmniReader(async () => undefined);
    expect(await reader.presence(client, ['005A'])).toBeNull();
    expect(await reader.presence(client, ['005B'])).toBeNull();
    expect(asked).toHaveLength(1);
    expect(reader.lacksOmni(client.session.instanceUrl)).toBe(true);
  });
});

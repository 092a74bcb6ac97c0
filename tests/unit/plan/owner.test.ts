import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { agentUser } from '@/utils/plan/owner';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { useEmulatorOrg } from '../org';

const org = useEmulatorOrg();
beforeEach(() => fakeBrowser.reset());

describe("the agent's Salesforce user", () => {
  it('is looked up once a day, and again when the stored cache is damaged (never trusted, never a crash)', async () => {
    const client = new SalesforceClient(org.client.session);
    const user = [...org.emulator.org.table('User').values()].find((u) => u.IsActive !== false && typeof u.Email === 'string')!;
    const email = String(user.Email);
    expect(await agentUser(client, email)).toEqual({ id: user.Id, name: user.Name });
    const calls = org.emulator.apiCalls().length;
    expect(await agentUser(client, email)).toEqual({ id: user.Id, name: user.Name });
    expect(org.emulator.apiCalls()).toHaveLength(calls); // cached
    await fakeBrowser.storage.local.set({ owners: { [`${client.session.instanceUrl}|${email.toLowerCase()}`]: { id: 42, at: Date.now() } } });
    expect(await agentUser(client, email)).toEqual({ id: user.Id, name: user.Name });
    expect(org.emulator.apiCalls()).toHaveLength(calls + 1);
  });
});

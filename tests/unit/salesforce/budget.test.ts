import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { allowedCalls, apiMeter, overBudget } from '@/utils/salesforce/budget';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { writePause } from '@/utils/outbox/pause';
import { useEmulatorOrg } from '../org';

const org = useEmulatorOrg();
beforeEach(() => {
  fakeBrowser.reset();
  apiMeter.forget();
});

describe('the API budget', () => {
  it('counts every request this extension sends and learns the org allowance from Sforce-Limit-Info', async () => {
    const client = new SalesforceClient(org.client.session, undefined, apiMeter);
    org.emulator.usage.max = 200;
    await Promise.all([client.dailyApiUsage(), client.get('/services/data/v62.0/limits'), client.search('FIND {Hopper}')]);
    expect(await apiMeter.today(client.session.instanceUrl)).toEqual({ calls: 3, max: 200 });
    expect(await overBudget(client.session.instanceUrl, 2)).toBe(false); // 2% of 200 = 4 requests
    await client.dailyApiUsage();
    expect(await overBudget(client.session.instanceUrl, 2)).toBe(true);
    expect(await overBudget(client.session.instanceUrl, 50)).toBe(false);
  });

  it('starts again every day, and enforces nothing while the allowance is unknown', async () => {
    const now = Date.UTC(2026, 10, 23, 23, 59);
    await apiMeter.count('https://acme.my.salesforce.com', now);
    expect((await apiMeter.today('https://acme.my.salesforce.com', now)).calls).toBe(1);
    expect(await overBudget('https://acme.my.salesforce.com', 1, now)).toBe(false); // no max known
    expect((await apiMeter.today('https://acme.my.salesforce.com', now + 2 * 60_000)).calls).toBe(0);
    expect(allowedCalls(15_000, 10)).toBe(1_500);
  });

  it('keeps the counts across a worker restart (written back within a second)', async () => {
    await apiMeter.count('https://acme.my.salesforce.com');
    await apiMeter.count('https://acme.my.salesforce.com');
    await new Promise((r) => setTimeout(r, 1_100));
    apiMeter.forget();
    expect((await apiMeter.today('https://acme.my.salesforce.com')).calls).toBe(2);
  });

  it('forgets the day\'s count when the local data is removed: its pending write does not bring it back', async () => {
    await apiMeter.count('https://acme.my.salesforce.com');
    apiMeter.forget();
    await fakeBrowser.storage.local.clear();
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await apiMeter.today('https://acme.my.salesforce.com')).calls).toBe(0);
  });

  it('reads a damaged stored count as none, never throws (and a damaged write pause as no pause)', async () => {
    const now = Date.UTC(2026, 10, 23, 12);
    await fakeBrowser.storage.local.set({ 'api-budget': { day: '2026-11-23', orgs: { 'https://acme.my.salesforce.com': { calls: 'many' } } }, 'outbox-paused-until': 'soon' });
    expect((await apiMeter.today('https://acme.my.salesforce.com', now)).calls).toBe(0);
    await apiMeter.count('https://acme.my.salesforce.com', now);
    expect((await apiMeter.today('https://acme.my.salesforce.com', now)).calls).toBe(1);
    expect(await writePause.get()).toBe(0);
    await writePause.set(now + 60_000);
    expect(await writePause.get()).toBe(now + 60_000);
  });
});

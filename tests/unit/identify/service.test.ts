import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptySnapshot, type ChatSnapshot } from '@/utils/chat/snapshot';
import { lightningUrl } from '@/utils/identify/lightning';
import { DEFAULT_RULES } from '@/utils/identify/rules';
import { CACHE_MS, identifyVisitor, identifyVisitors, memoryCache } from '@/utils/identify/service';
import { recordTokens } from '@/utils/identify/overlap';
import { hasIdentifyingValue } from '@/utils/identify/request';
import { SalesforceClient } from '@/utils/salesforce/connection';
import { startEmulator, type Emulator } from '../../salesforce-emulator/server';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ data: 'scenarios' });
});
afterAll(() => emulator.close());

const grace = { ...emptySnapshot('c1', 'demo'), visitor: { email: 'grace.hopper@example.com' } };

describe('identifyVisitor', () => {
  it('costs one request, then nothing for the same visitor within ten minutes', async () => {
    const { instanceUrl, accessToken } = emulator.issueToken();
    const client = new SalesforceClient({ instanceUrl, accessToken });
    const cache = memoryCache();
    const now = Date.now();
    const before = emulator.apiCalls().length;
    const first = await identifyVisitor(client, grace, DEFAULT_RULES, cache, { now });
    const again = await identifyVisitor(client, { ...grace, chatId: 'c2' }, DEFAULT_RULES, cache, { now: now + CACHE_MS - 1000 });
    expect(again).toEqual(first);
    expect(emulator.apiCalls().length - before).toBe(1);
    await identifyVisitor(client, grace, DEFAULT_RULES, cache, { now: now + CACHE_MS + 1 });
    await identifyVisitor(client, grace, DEFAULT_RULES, cache, { now, force: true });
    expect(emulator.apiCalls().length - before).toBe(3);
  });

  it('asks nothing when the chat has no value any rule uses', async () => {
    const { instanceUrl, accessToken } = emulator.issueToken();
    const before = emulator.apiCalls().length;
    const result = await identifyVisitor(new SalesforceClient({ instanceUrl, accessToken }), emptySnapshot('c3', 'demo'), DEFAULT_RULES, memoryCache());
    expect(result).toEqual({ contacts: [], leads: [], accounts: [] });
    expect(emulator.apiCalls().length).toBe(before);
  });
});

describe('identifyVisitors (the outbox after an outage)', () => {
  const client = () => new SalesforceClient(emulator.issueToken());
  const visitor = (i: number) => ({ ...emptySnapshot(`w${i}`, 'demo'), visitor: { email: i === 0 ? 'grace.hopper@example.com' : `waiting-${i}@example.org` } });

  it('asks for 20 waiting chats in as few composite requests as the limit of 25 subrequests allows, each visitor once, answers as one by one', async () => {
    emulator.reset({ data: 'scenarios' });
    const chats = [...Array.from({ length: 19 }, (_, i) => visitor(i)), { ...visitor(0), chatId: 'again' }];
    const before = emulator.apiCalls().length;
    const results = await identifyVisitors(client(), chats, DEFAULT_RULES, memoryCache());
    const calls = emulator.apiCalls().slice(before);
    // 19 visitors × 3 subrequests (contacts, their accounts' cases, leads): 8 a request, never split.
    expect(calls.map((c) => c.path)).toEqual(Array(3).fill('/services/data/v62.0/composite'));
    expect(results).toHaveLength(20);
    expect(results[0]!.contacts[0]).toMatchObject({ name: 'Grace Hopper', related: { cases: [{ subject: 'Cannot log in' }] } });
    expect(results[19]).toEqual(results[0]);
    expect(results.slice(1, 19).every((r) => !r.contacts.length && !r.leads.length)).toBe(true);
    // The same answers as asking for each alone.
    expect(await identifyVisitor(client(), visitor(0), DEFAULT_RULES, memoryCache())).toEqual(results[0]);
  });

  it('caches every answer it got, and throws the failure of a request once the rest are cached', async () => {
    emulator.reset({ data: 'scenarios' });
    const cache = memoryCache();
    const chats = Array.from({ length: 10 }, (_, i) => visitor(i));
    emulator.addFault({ kind: '503', method: 'POST', path: '/composite', count: 1 });
    await expect(identifyVisitors(client(), chats, DEFAULT_RULES, cache)).rejects.toThrow();
    const before = emulator.apiCalls().length;
    // One of the two requests failed: only its chats are asked again.
    await identifyVisitors(client(), chats, DEFAULT_RULES, cache);
    expect(emulator.apiCalls().length - before).toBe(1);
  });

  it('forgets only the identifications a new person meets, by e-mail or by any spelling of the phone', async () => {
    emulator.reset({ data: 'scenarios' });
    const cache = memoryCache();
    const rules = { contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'Phone' }], leads: [], accounts: [] };
    const ada = { ...emptySnapshot('a', 'demo'), visitor: { email: 'Ada@Engine.example' } };
    const caller = { ...emptySnapshot('b', 'demo'), visitor: { phone: '(415) 555-0199' }, session: { country: 'US' } };
    const other = { ...emptySnapshot('c', 'demo'), visitor: { email: 'someone.else@example.org' } };
    await identifyVisitors(client(), [ada, caller, other], rules, cache);
    const asked = async (snapshot: ChatSnapshot) => {
      const before = emulator.apiCalls().length;
      await identifyVisitor(client(), snapshot, rules, cache);
      return emulator.apiCalls().length - before;
    };
    await cache.forget(recordTokens({ LastName: 'Lovelace', Email: 'ada@engine.example', Phone: '+1 415-555-0199' }));
    expect(await asked(ada)).toBe(1);
    expect(await asked(caller)).toBe(1);
    expect(await asked(other)).toBe(0);
  });
});

describe('lightningUrl', () => {
  it.each([
    ['https://acme.my.salesforce.com', 'https://acme.lightning.force.com/lightning/r/Contact/003x/view'],
    ['https://acme--dev.sandbox.my.salesforce.com', 'https://acme--dev.sandbox.lightning.force.com/lightning/r/Contact/003x/view'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787/lightning/r/Contact/003x/view'],
  ])('%s', (instance, url) => {
    expect(lightningUrl(instance, 'Contact', '003x')).toBe(url);
  });
});

describe('the customer context of a phone match', () => {
  it("reads the shown record's open cases, and its account's, with one request more, since a phone search cannot carry them", async () => {
    emulator.reset({ data: 'scenarios' });
    const { instanceUrl, accessToken } = emulator.issueToken();
    const client = new SalesforceClient({ instanceUrl, accessToken });
    const rules = { contacts: [{ chatField: 'visitor.phone', sfField: 'Phone' }], leads: [], accounts: [] };
    const account = emulator.records('Contact').find((c) => c.Email === 'grace.hopper@example.com')!.AccountId;
    emulator.org.insert('Case', { Subject: 'Printer down', Status: 'New', AccountId: account });
    const before = emulator.apiCalls().length;
    const found = await identifyVisitor(client, { ...emptySnapshot('c9', 'demo'), visitor: { phone: '+1 415 555 0100' }, session: { country: 'US' } }, rules, memoryCache());
    expect(found.contacts[0]).toMatchObject({ name: 'Grace Hopper', related: { cases: [{ subject: 'Cannot log in' }], accountCases: [{ subject: 'Printer down' }] } });
    expect(emulator.apiCalls().length - before).toBe(2);
    // By e-mail the query brings them: still one request.
    const byEmail = emulator.apiCalls().length;
    const again = await identifyVisitor(client, grace, DEFAULT_RULES, memoryCache());
    expect(again.contacts[0]!.related!.cases).toHaveLength(1);
    expect(emulator.apiCalls().length - byEmail).toBe(1);
  });
});

describe('hasIdentifyingValue', () => {
  it('is true once the chat has a value a rule looks the visitor up by (a valid phone, not any digits)', () => {
    const rules = { contacts: [{ chatField: 'visitor.email', sfField: 'Email' }, { chatField: 'visitor.phone', sfField: 'Phone' }], leads: [], accounts: [] };
    expect(hasIdentifyingValue(emptySnapshot('s1', 'demo'), rules)).toBe(false);
    expect(hasIdentifyingValue({ ...emptySnapshot('s1', 'demo'), visitor: { phone: '12' } }, rules, 'US')).toBe(false);
    expect(hasIdentifyingValue({ ...emptySnapshot('s1', 'demo'), visitor: { phone: '(415) 555-0100' } }, rules, 'US')).toBe(true);
    expect(hasIdentifyingValue({ ...emptySnapshot('s1', 'demo'), visitor: { email: 'ada@engine.example' } }, rules)).toBe(true);
    // A masked value is no value to look anyone up by.
    expect(hasIdentifyingValue({ ...emptySnapshot('s1', 'demo'), visitor: { email: 'a***@engine.example' }, masked: ['visitor.email'] }, rules)).toBe(false);
  });
});

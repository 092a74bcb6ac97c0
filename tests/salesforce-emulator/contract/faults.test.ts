import { describe, expect, it } from 'vitest';
import { NO_RETRY, useOrg } from './helpers';

const org = useOrg();

describe('faults on demand', () => {
  it.each([
    ['500', 'UNKNOWN_EXCEPTION'],
    ['503', 'SERVER_UNAVAILABLE'],
    ['401', 'INVALID_SESSION_ID'],
    ['403-limit', 'REQUEST_LIMIT_EXCEEDED'],
  ] as const)('%s for the next matching request only', async (kind, errorCode) => {
    const conn = org.conn();
    org.emulator.addFault({ kind, count: 1, path: '/query' });
    await conn.request('/services/data/v62.0/limits', NO_RETRY); // does not match
    await expect(conn.request('/services/data/v62.0/query?q=SELECT+Id+FROM+User', NO_RETRY)).rejects.toMatchObject({ errorCode });
    await expect(conn.request('/services/data/v62.0/query?q=SELECT+Id+FROM+User', NO_RETRY)).resolves.toBeTruthy();
  });

  it('resets the connection before processing: nothing is written', async () => {
    const conn = org.conn();
    const before = org.emulator.records('Lead').length;
    org.emulator.addFault({ kind: 'reset-before', count: 1, method: 'POST' });
    await expect(conn.request({ method: 'POST', url: '/services/data/v62.0/sobjects/Lead', body: JSON.stringify({ LastName: 'A', Company: 'B' }), headers: { 'content-type': 'application/json' } }, NO_RETRY)).rejects.toBeTruthy();
    expect(org.emulator.records('Lead')).toHaveLength(before);
  });

  it('resets the connection AFTER committing: the record exists, the client never heard', async () => {
    const conn = org.conn();
    const before = org.emulator.records('Lead').length;
    org.emulator.addFault({ kind: 'reset-after', count: 1, method: 'POST' });
    await expect(conn.request({ method: 'POST', url: '/services/data/v62.0/sobjects/Lead', body: JSON.stringify({ LastName: 'A', Company: 'B' }), headers: { 'content-type': 'application/json' } }, NO_RETRY)).rejects.toBeTruthy();
    expect(org.emulator.records('Lead')).toHaveLength(before + 1);
  });

  it('adds latency (round trip + jitter)', async () => {
    const conn = org.conn();
    org.emulator.latency = { rttMs: 120, jitterMs: 0 };
    const started = Date.now();
    await conn.request('/services/data/v62.0/limits', NO_RETRY);
    expect(Date.now() - started).toBeGreaterThanOrEqual(115);
    org.emulator.latency = { rttMs: 0, jitterMs: 0 };
  });

  it('logs every request with method, path, status and time', async () => {
    const conn = org.conn();
    await conn.query('SELECT Id FROM User');
    expect(org.emulator.log.at(-1)).toMatchObject({ method: 'GET', path: expect.stringContaining('/services/data/v62.0/query'), status: 200, api: true });
  });
});

describe('seed data', () => {
  it('is the same for the same seed and differs for another', async () => {
    org.emulator.reset({ data: 'full', seed: 7 });
    const a = org.emulator.records('Contact').map((c) => c.Email);
    org.emulator.reset({ data: 'full', seed: 7 });
    expect(org.emulator.records('Contact').map((c) => c.Email)).toEqual(a);
    org.emulator.reset({ data: 'full', seed: 8 });
    expect(org.emulator.records('Contact').map((c) => c.Email)).not.toEqual(a);
  });

  it('has a realistic size and the hard cases', () => {
    org.emulator.reset({ data: 'full' });
    expect(org.emulator.records('Account').length).toBeGreaterThanOrEqual(200);
    expect(org.emulator.records('Contact')).toHaveLength(1000);
    expect(org.emulator.records('Lead').length).toBeGreaterThanOrEqual(300);
    const emails = org.emulator.records('Contact').map((c) => String(c.Email ?? ''));
    expect(emails.some((e) => e !== e.toLowerCase())).toBe(true);
  });
});

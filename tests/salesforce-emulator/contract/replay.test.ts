/**
 * The emulator against real Salesforce: every in-scope pair of the captures (CumulusCI's
 * cassettes, restforce's fixtures) replayed and compared by status, error codes, body shape,
 * date formats and the headers clients read. A difference passes only when the table in
 * replay-allowed.ts explains it, and every entry of that table must still be needed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayAll, type Outcome } from '../replay/replay';
import { replayRestforce } from '../replay/restforce';
import { startEmulator, type Emulator } from '../server';
import { ALLOWED, explain } from './replay-allowed';

let emulator: Emulator;
let outcomes: Outcome[] = [];
let outOfScope = new Map<string, number>();

beforeAll(async () => {
  emulator = await startEmulator({ data: 'empty' });
  const cumulusci = await replayAll(emulator);
  outcomes = [...cumulusci.outcomes, ...(await replayRestforce(emulator))];
  outOfScope = cumulusci.outOfScope;
}, 120_000);
afterAll(() => emulator.close());

describe('replay of real captures', () => {
  it('answers every pair as Salesforce did, but for the differences the table explains', () => {
    const unexplained = outcomes.flatMap((o) => o.diffs.filter((d) => !explain(o.id, d)).map((d) => `${o.id} (${o.request}): ${d}`));
    const same = outcomes.filter((o) => !o.diffs.length).length;
    const allowed = outcomes.filter((o) => o.diffs.length && o.diffs.every((d) => explain(o.id, d))).length;
    console.log(`replay: ${outcomes.length} pairs, ${same} same, ${allowed} with explained differences only, ${outcomes.length - same - allowed} with unexplained ones; out of scope: ${[...outOfScope].map(([why, n]) => `${n} (${why})`).join(', ')}`);
    expect(unexplained).toEqual([]);
  });

  it('needs every entry of the allowed-differences table', () => {
    const unused = ALLOWED.filter((entry) => !outcomes.some((o) => o.diffs.some((d) => explain(o.id, d) === entry)));
    expect(unused.map((e) => e.reason)).toEqual([]);
  });

  it('replays the pairs that matter to the product', () => {
    const requests = outcomes.map((o) => o.request);
    for (const kind of ['PATCH vxx.0/composite/sobjects/Contact/Email', 'GET vxx.0/limits/recordCount', 'select count(Id)', 'TYPEOF', '(select Name from Opportunities)', 'POST vxx.0/composite']) {
      expect(requests.some((r) => r.includes(kind)), kind).toBe(true);
    }
  });
});

import type { ChatSnapshot } from '../chat/snapshot';
import type { SalesforceClient } from '../salesforce/connection';
import { API_VERSION } from '../salesforce/version';
import { rankCandidates, type Identification } from './rank';
import { ACCOUNT_CASES, accountCasesQuery, guessPhoneField, identifyRequests, RELATED_CASES, relatedSubqueries, type DisplayFields, type IsPhoneField } from './request';
import { relatedOf, withAccountCases } from './related';
import { soqlString } from '../salesforce/escape';
import type { IdentifyRules } from './rules';
import { meets, searchedTokens } from './overlap';

export const CACHE_MS = 10 * 60 * 1000;

/** A remembered identification, with what it searched for (tokens, utils/identify/overlap.ts). */
export type CachedIdentification = { at: number; result: Identification; searched?: string[] };

export type CacheStore = {
  get: (key: string) => Promise<CachedIdentification | undefined>;
  set: (key: string, value: CachedIdentification) => Promise<void>;
  /** Forget everything: a record was just changed by hand, or the org or user changed. */
  clear: () => Promise<void>;
  /** Forget the identifications that may see a person just written (its values as tokens). */
  forget: (written: string[]) => Promise<void>;
};

/** An in-memory cache (tests); the worker passes one backed by storage.session. */
export function memoryCache(): CacheStore {
  const map = new Map<string, CachedIdentification>();
  return {
    get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v), clear: async () => map.clear(),
    forget: async (written) => {
      for (const [k, v] of map) if (meets(v.searched, written)) map.delete(k);
    },
  };
}

type IdentifyOptions = { force?: boolean; now?: number; isPhone?: IsPhoneField; region?: string; display?: DisplayFields };
/** Nobody found: a new object each time (callers add a record's context to what they get). */
const nobody = (): Identification => ({ contacts: [], leads: [], accounts: [] });

/**
 * Identifies a visitor: every rule in ONE composite request, and the same visitor again within
 * ten minutes costs nothing (the cache key is the request itself: same values and fields, same answer).
 */
export async function identifyVisitor(client: SalesforceClient, snapshot: ChatSnapshot, rules: IdentifyRules, cache: CacheStore, options: IdentifyOptions = {}): Promise<Identification> {
  return (await identifyVisitors(client, [snapshot], rules, cache, options))[0]!;
}

/**
 * Identifies several chats' visitors at once (the outbox after an outage): the ones not in the
 * cache in as few composite requests as Salesforce allows (each chat's rules stay together), and
 * each visitor once however many of their chats wait. Every answer is cached; if a request failed,
 * its error is thrown once the others are cached.
 */
export async function identifyVisitors(
  client: SalesforceClient, snapshots: ChatSnapshot[], rules: IdentifyRules, cache: CacheStore,
  { force = false, now = Date.now(), isPhone = guessPhoneField, region, display }: IdentifyOptions = {},
): Promise<Identification[]> {
  const requests = snapshots.map((snapshot) => identifyRequests(snapshot, rules, API_VERSION, { isPhone, region, display }));
  const keys = requests.map((r) => `${client.session.instanceUrl}|${r.map((q) => q.url).join('|')}`);
  const known = new Map<string, Identification>();
  await Promise.all(keys.map(async (key, i) => {
    if (!requests[i]!.length) return void known.set(key, nobody());
    const hit = force ? undefined : await cache.get(key);
    if (hit && now - hit.at < CACHE_MS) known.set(key, hit.result);
  }));
  // Each visitor asked once: the first of their chats stands for the others.
  const asked = keys.flatMap((key, i) => (known.has(key) || keys.indexOf(key) !== i ? [] : [i]));
  const answers = await client.compositeGroups(asked.map((i) => requests[i]!));
  const found = asked.flatMap((i, j) => {
    const answer = answers[j]!;
    return answer instanceof Error ? [] : [{ i, key: keys[i]!, result: rankCandidates(answer, snapshots[i]!, rules, { isPhone, region, display }) }];
  });
  await withContext(client, found.map((f) => f.result));
  for (const { key, result, i } of found) {
    known.set(key, result);
    // The agent is waiting for the answer, not for the cache write.
    void cache.set(key, { at: now, result, searched: searchedTokens(snapshots[i]!, rules, { isPhone, region }) }).catch(() => undefined);
  }
  const failed = answers.find((a): a is Error => a instanceof Error);
  if (failed) throw failed;
  return keys.map((key) => known.get(key)!);
}

/**
 * The shown records' open cases and activities (a contact's, its account's too) when the search
 * that found them could not bring them (a phone match is a SOSL search, which has no subqueries):
 * one request more, for the shown record of each identification, several in one composite.
 */
async function withContext(client: SalesforceClient, results: Identification[]): Promise<void> {
  const shown = results.flatMap((result) => {
    const record = result.contacts[0] ?? result.leads[0] ?? result.accounts[0];
    return record && !record.related ? [record] : [];
  });
  if (!shown.length) return;
  const query = (soql: string, referenceId: string) => ({ method: 'GET' as const, url: `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`, referenceId });
  const answers = await client.compositeGroups(shown.map((record) => [
    query(`SELECT Id, ${relatedSubqueries(record.type).join(', ')} FROM ${record.type} WHERE Id = ${soqlString(record.id)}`, 'shown'),
    ...(record.type === 'Contact' && record.account ? [query(accountCasesQuery(`Id = ${soqlString(record.id)}`), ACCOUNT_CASES)] : []),
  ]));
  shown.forEach((record, i) => {
    // Without it the panel shows the record all the same: its context is a help, not the match.
    const answer = answers[i]!;
    if (answer instanceof Error) return;
    const body = (ref: string) => {
      const sub = answer.find((a) => a.referenceId === ref);
      return sub?.httpStatusCode === 200 ? ((sub.body as { records?: Record<string, unknown>[] }).records ?? []) : null;
    };
    const own = body('shown')?.[0];
    const related = own && relatedOf(own);
    if (!related) return;
    record.related = related;
    const cases = body(ACCOUNT_CASES);
    if (cases) withAccountCases([record], cases, RELATED_CASES);
  });
}

import type { ChatSnapshot } from '../chat/snapshot';
import type { SalesforceClient } from '../salesforce/connection';
import { API_VERSION } from '../salesforce/version';
import { rankCandidates, type Identification } from './rank';
import { ACCOUNT_CASES, accountCasesQuery, guessPhoneField, identifyRequests, RELATED_CASES, relatedSubqueries, type DisplayFields, type IsPhoneField } from './request';
import { relatedOf, withAccountCases } from './related';
import { soqlString } from '../salesforce/escape';
import type { IdentifyRules } from './rules';

export const CACHE_MS = 10 * 60 * 1000;

export type CacheStore = {
  get: (key: string) => Promise<{ at: number; result: Identification } | undefined>;
  set: (key: string, value: { at: number; result: Identification }) => Promise<void>;
  /** Forget everything: a record was just changed. */
  clear: () => Promise<void>;
};

/** An in-memory cache (tests); the worker passes one backed by storage.session. */
export function memoryCache(): CacheStore {
  const map = new Map<string, { at: number; result: Identification }>();
  return { get: async (k) => map.get(k), set: async (k, v) => void map.set(k, v), clear: async () => map.clear() };
}

/**
 * Identifies a visitor: every rule in ONE composite request, and the same visitor again within
 * ten minutes costs nothing (the cache key is the request itself: same values and fields, same answer).
 */
export async function identifyVisitor(
  client: SalesforceClient,
  snapshot: ChatSnapshot,
  rules: IdentifyRules,
  cache: CacheStore,
  { force = false, now = Date.now(), isPhone = guessPhoneField, region, display }: { force?: boolean; now?: number; isPhone?: IsPhoneField; region?: string; display?: DisplayFields } = {},
): Promise<Identification> {
  const requests = identifyRequests(snapshot, rules, API_VERSION, { isPhone, region, display });
  if (!requests.length) return { contacts: [], leads: [], accounts: [] };
  const key = `${client.session.instanceUrl}|${requests.map((r) => r.url).join('|')}`;
  const hit = force ? undefined : await cache.get(key);
  if (hit && now - hit.at < CACHE_MS) return hit.result;
  const responses = await client.composite(requests);
  const result = rankCandidates(responses, snapshot, rules, { isPhone, region, display });
  await withContext(client, result);
  // The agent is waiting for the answer, not for the cache write.
  void cache.set(key, { at: now, result }).catch(() => undefined);
  return result;
}

/**
 * The shown record's open cases and activities (a contact's, its account's too) when the search
 * that found it could not bring them (a phone match is a SOSL search, which has no subqueries):
 * one request more, for that record only.
 */
async function withContext(client: SalesforceClient, result: Identification): Promise<void> {
  const shown = result.contacts[0] ?? result.leads[0] ?? result.accounts[0];
  if (!shown || shown.related) return;
  const query = (soql: string, referenceId: string) => ({ method: 'GET' as const, url: `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`, referenceId });
  const own = query(`SELECT Id, ${relatedSubqueries(shown.type).join(', ')} FROM ${shown.type} WHERE Id = ${soqlString(shown.id)}`, 'shown');
  const ofAccount = shown.type === 'Contact' && shown.account ? [query(accountCasesQuery(`Id = ${soqlString(shown.id)}`), ACCOUNT_CASES)] : [];
  const answers = await client.composite([own, ...ofAccount]).catch(() => null);
  // Without it the panel shows the record all the same: its context is a help, not the match.
  const body = (ref: string) => {
    const answer = answers?.find((a) => a.referenceId === ref);
    return answer?.httpStatusCode === 200 ? ((answer.body as { records?: Record<string, unknown>[] }).records ?? []) : null;
  };
  const related = body('shown')?.[0] && relatedOf(body('shown')![0]!);
  if (!related) return;
  shown.related = related;
  const cases = body(ACCOUNT_CASES);
  if (cases) withAccountCases([shown], cases, RELATED_CASES);
}

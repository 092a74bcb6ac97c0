import type { SalesforceClient } from '../salesforce/connection';
import { API_VERSION } from '../salesforce/version';
import { copiesQuery, type Row } from './landed';
import { chatMarker, type ActionPlan } from './plan';

export type Removed = { chatId: string; object: string; id: string };
export type Written = { plan: ActionPlan; ids: Record<string, string> };

/** A browser resends within seconds: a copy made further apart from ours is some other write. */
const RESEND_WINDOW_MS = 10 * 60_000;
/** Subrequests in one composite request. */
const BATCH = 25;
const salesforceTime = (value: unknown) => (typeof value === 'string' ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN);

/** Only a record that carries its chat's own key can be told from another chat's: a task its CallObject, a case the line its description ends with. */
function marked({ plan, ids }: Written): boolean {
  const record = plan.steps.find((s) => s.ref === 'record');
  if (!record || record.method !== 'POST' || !ids.record) return false;
  return record.object === 'Task' ? typeof record.values.CallObject === 'string' : String(record.values.Description ?? '').endsWith(chatMarker(plan.id));
}

/** The copies of one plan's record beside the one Salesforce answered with, and the person the same resend made for each. */
function extrasOf({ plan, ids }: Written, rows: Row[], personLink: string): Removed[] {
  const ours = salesforceTime(rows.find((row) => row.Id === ids.record)?.CreatedDate);
  if (Number.isNaN(ours)) return [];
  const record = plan.steps.find((s) => s.ref === 'record')!;
  const createdPerson = plan.steps.find((s) => s.ref === 'person' && s.method === 'POST');
  return rows
    .filter((row) => row.Id !== ids.record && Math.abs(salesforceTime(row.CreatedDate) - ours) <= RESEND_WINDOW_MS)
    .flatMap((row) => {
      const person = row[personLink];
      // The resend made its own person only when the plan creates one; a found one is shared.
      const alsoPerson = createdPerson && typeof person === 'string' && person !== ids.person ? [{ chatId: plan.chatId, object: createdPerson.object, id: person }] : [];
      return [{ chatId: plan.chatId, object: record.object, id: row.Id }, ...alsoPerson];
    });
}

/**
 * After plans were written without chat key upserts: the browser may have sent a create twice on
 * its own (a connection reset after Salesforce committed), leaving a second case or task that no
 * answer told us of. One composite of queries (up to 25 plans a request) finds the copies of each
 * plan's record; any copy but ours is deleted, with the person the same resend created for it.
 * Returns what was removed.
 */
export async function removeResent(client: SalesforceClient, written: Written[], now = Date.now()): Promise<Removed[]> {
  const checks = written.filter(marked).map((w) => ({ w, query: copiesQuery(w.plan, now)! }));
  const extras: Removed[] = [];
  for (let i = 0; i < checks.length; i += BATCH) {
    const batch = checks.slice(i, i + BATCH);
    const answers = await client.composite(batch.map(({ query }, j) => ({ method: 'GET', url: `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(query.soql)}`, referenceId: `copies${j}` })));
    batch.forEach(({ w, query }, j) => {
      const answer = answers[j];
      if (answer && answer.httpStatusCode === 200) extras.push(...extrasOf(w, query.matching((answer.body as { records: Row[] }).records), query.personLink));
    });
  }
  const removed: Removed[] = [];
  for (let i = 0; i < extras.length; i += BATCH) {
    const batch = extras.slice(i, i + BATCH);
    const answers = await client.composite(batch.map((r, j) => ({ method: 'DELETE', url: `/services/data/v${API_VERSION}/sobjects/${r.object}/${r.id}`, referenceId: `resent${j}` })), { allOrNone: false });
    removed.push(...batch.filter((_, j) => (answers[j]?.httpStatusCode ?? 500) < 300));
  }
  return removed;
}

import type { SalesforceClient } from '../salesforce/connection';
import { API_VERSION } from '../salesforce/version';
import { copiesOf } from './landed';
import { chatMarker, type ActionPlan } from './plan';

export type Removed = { object: string; id: string };

/** A browser resends within seconds: a copy made further apart from ours is some other write. */
const RESEND_WINDOW_MS = 10 * 60_000;
const salesforceTime = (value: unknown) => (typeof value === 'string' ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN);

/**
 * After a plan was written without chat key upserts: the browser may have sent the same create
 * twice on its own (a connection reset after Salesforce committed), leaving a second case or task
 * that no answer told us of. One query finds the copies of this plan's record; any copy but ours
 * is deleted, with the person the same resend created for it. Returns what was removed.
 */
export async function removeResent(client: SalesforceClient, plan: ActionPlan, ids: Record<string, string>, now = Date.now()): Promise<Removed[]> {
  const record = plan.steps.find((s) => s.ref === 'record');
  if (!record || record.method !== 'POST' || !ids.record) return [];
  // Only a record that carries this chat's own key can be told from another chat's: a task its
  // CallObject, a case the line its description ends with.
  const marked = record.object === 'Task' ? typeof record.values.CallObject === 'string' : String(record.values.Description ?? '').endsWith(chatMarker(plan.id));
  if (!marked) return [];
  const { rows, personLink } = await copiesOf(client, plan, now);
  const ours = salesforceTime(rows.find((row) => row.Id === ids.record)?.CreatedDate);
  if (Number.isNaN(ours)) return [];
  const extras = rows.filter((row) => row.Id !== ids.record && Math.abs(salesforceTime(row.CreatedDate) - ours) <= RESEND_WINDOW_MS);
  if (!extras.length) return [];
  const createdPerson = plan.steps.find((s) => s.ref === 'person' && s.method === 'POST');
  const removed: Removed[] = [];
  for (const row of extras) {
    removed.push({ object: record.object, id: row.Id });
    const person = row[personLink];
    // The resend made its own person only when the plan creates one; a found one is shared.
    if (createdPerson && typeof person === 'string' && person !== ids.person) removed.push({ object: createdPerson.object, id: person });
  }
  const requests = removed.slice(0, 25).map((r, i) => ({ method: 'DELETE', url: `/services/data/v${API_VERSION}/sobjects/${r.object}/${r.id}`, referenceId: `resent${i}` }));
  const answers = await client.composite(requests, { allOrNone: false });
  return removed.filter((_, i) => (answers[i]?.httpStatusCode ?? 500) < 300);
}

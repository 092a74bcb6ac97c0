import { COMPOSITE_LIMIT, type SalesforceClient } from '../salesforce/connection';
import { API_VERSION } from '../salesforce/version';
import { copiesQuery, type Row } from './landed';
import { soqlString } from '../salesforce/escape';
import { RECORD_ID } from '../salesforce/record-id';
import { chatMarker, isOtherTask, type ActionPlan } from './plan';

export type Removed = { chatId: string; object: string; id: string };
export type Written = { plan: ActionPlan; ids: Record<string, string> };

/** A browser resends within seconds: a copy made further apart from ours is some other write. */
const RESEND_WINDOW_MS = 10 * 60_000;
const salesforceTime = (value: unknown) => (typeof value === 'string' ? Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) : NaN);

/**
 * The records of a plan that carry their chat's own key, so that a copy can be told from another
 * chat's: a task its CallObject (the chat's other people's tasks theirs, numbered), a case the line
 * its description ends with. An upsert makes no copy.
 */
function markedRefs({ plan, ids }: Written): string[] {
  return plan.steps.filter((step) => {
    if ((step.ref !== 'record' && !isOtherTask(step.ref)) || step.method !== 'POST' || step.upsertBy || !ids[step.ref]) return false;
    return step.object === 'Task' ? typeof step.values.CallObject === 'string' : String(step.values.Description ?? '').endsWith(chatMarker(plan.id));
  }).map((step) => step.ref);
}

/** The copies of one of a plan's records beside the one Salesforce answered with, and the person the same resend made for each. */
function extrasOf({ plan, ids }: Written, ref: string, rows: Row[], personLink: string): Removed[] {
  const ours = salesforceTime(rows.find((row) => row.Id === ids[ref])?.CreatedDate);
  if (Number.isNaN(ours)) return [];
  const record = plan.steps.find((s) => s.ref === ref)!;
  // The resend made its own person only when the plan creates one (a found one is shared); named by the record only.
  const createdPerson = ref === 'record' ? plan.steps.find((s) => s.ref === 'person' && s.method === 'POST') : undefined;
  return rows
    .filter((row) => row.Id !== ids[ref] && Math.abs(salesforceTime(row.CreatedDate) - ours) <= RESEND_WINDOW_MS)
    .flatMap((row) => {
      const person = row[personLink];
      const alsoPerson = createdPerson && typeof person === 'string' && person !== ids.person ? [{ chatId: plan.chatId, object: createdPerson.object, id: person }] : [];
      return [{ chatId: plan.chatId, object: record.object, id: row.Id }, ...alsoPerson];
    });
}

/**
 * A plan's transcript file, attached to its record: a resend attaches it again even where the
 * record itself was an upsert (a file has no key to upsert by). The query for its copies.
 */
function fileCheck({ plan, ids }: Written): { soql: string; ours: string } | null {
  const file = plan.steps.find((s) => s.ref === 'transcript' && s.object === 'ContentVersion');
  const record = ids.record || plan.steps.find((s) => s.ref === 'record')?.id;
  if (!file || !ids.transcript || !record || !RECORD_ID.test(record)) return null;
  return { ours: ids.transcript, soql: `SELECT Id, ContentDocumentId FROM ContentVersion WHERE FirstPublishLocationId = ${soqlString(record)} AND Title = ${soqlString(String(file.values.Title ?? ''))}` };
}

/**
 * After plans were written: the browser may have sent a create twice on its own (a connection
 * reset after Salesforce committed), leaving a second case or task (plans without chat key
 * upserts) or a second transcript file (any plan with one) that no answer told us of. One
 * composite of queries (up to 25 a request) finds the copies; any copy but ours is deleted, with
 * the person the same resend created for it (a file: its ContentDocument). Returns what was removed.
 */
export async function removeResent(client: SalesforceClient, written: Written[], now = Date.now()): Promise<Removed[]> {
  const checks = written.flatMap((w) => markedRefs(w).map((ref) => ({ w, ref, query: copiesQuery(w.plan, now, ref)! })));
  const extras: Removed[] = [];
  const files = written.map((w) => ({ w, check: fileCheck(w) })).filter((f): f is { w: Written; check: NonNullable<ReturnType<typeof fileCheck>> } => !!f.check);
  for (let i = 0; i < files.length; i += COMPOSITE_LIMIT) {
    const batch = files.slice(i, i + COMPOSITE_LIMIT);
    const answers = await client.composite(batch.map(({ check }, j) => ({ method: 'GET', url: `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(check.soql)}`, referenceId: `files${j}` })));
    batch.forEach(({ w, check }, j) => {
      const answer = answers[j];
      if (answer?.httpStatusCode !== 200) return;
      for (const row of (answer.body as { records: { Id: string; ContentDocumentId?: string }[] }).records) {
        if (row.Id !== check.ours && row.ContentDocumentId) extras.push({ chatId: w.plan.chatId, object: 'ContentDocument', id: row.ContentDocumentId });
      }
    });
  }
  for (let i = 0; i < checks.length; i += COMPOSITE_LIMIT) {
    const batch = checks.slice(i, i + COMPOSITE_LIMIT);
    const answers = await client.composite(batch.map(({ query }, j) => ({ method: 'GET', url: `/services/data/v${API_VERSION}/query?q=${encodeURIComponent(query.soql)}`, referenceId: `copies${j}` })));
    batch.forEach(({ w, ref, query }, j) => {
      const answer = answers[j];
      if (answer && answer.httpStatusCode === 200) extras.push(...extrasOf(w, ref, query.matching((answer.body as { records: Row[] }).records), query.personLink));
    });
  }
  const removed: Removed[] = [];
  for (let i = 0; i < extras.length; i += COMPOSITE_LIMIT) {
    const batch = extras.slice(i, i + COMPOSITE_LIMIT);
    const answers = await client.composite(batch.map((r, j) => ({ method: 'DELETE', url: `/services/data/v${API_VERSION}/sobjects/${r.object}/${r.id}`, referenceId: `resent${j}` })), { allOrNone: false });
    removed.push(...batch.filter((_, j) => (answers[j]?.httpStatusCode ?? 500) < 300));
  }
  return removed;
}

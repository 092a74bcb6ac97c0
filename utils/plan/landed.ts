import type { SalesforceClient } from '../salesforce/connection';
import { soqlString } from '../salesforce/escape';
import { API_VERSION } from '../salesforce/version';
import type { ActionPlan } from './plan';

export type Row = Record<string, unknown> & { Id: string };
const DAY_MS = 86_400_000;
/** The field by which a case or task points at its person. */
const personLinkOf = (object: string) => (object === 'Task' ? 'WhoId' : 'ContactId');

/** Fields a plan fills that SOQL can filter on (Description, a long text, cannot be). */
const FILTERABLE = new Set(['ContactId', 'AccountId', 'OwnerId', 'SuppliedEmail', 'SuppliedName', 'CallObject', 'WhoId']);

/**
 * The copies of a plan's case or task in Salesforce, newest first, found with no custom field:
 * a task carries the chat key in CallObject; a case is one created since the plan was built with
 * the plan's subject. Short values narrow the query, and every text value the plan sent
 * (description, web e-mail…) is compared here, since long text cannot be filtered in SOQL. One query.
 *
 * The window is on Salesforce's clock, never the PC's: a PC whose clock is ahead would otherwise
 * look for its case after the time it was created. Only the time elapsed since the plan was built
 * is taken from the PC (right however far its clock is off), rounded up to whole days.
 */
export async function copiesOf(client: SalesforceClient, plan: ActionPlan, now = Date.now()): Promise<{ rows: Row[]; personLink: string }> {
  const query = copiesQuery(plan, now);
  if (!query) return { rows: [], personLink: '' };
  const result = await client.get<{ records: Row[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(query.soql)}`);
  return { rows: query.matching(result.records), personLink: query.personLink };
}

/** The query behind copiesOf (for the plan's record, or another of its tasks), and the comparison of its rows, for requests that batch several. */
export function copiesQuery(plan: ActionPlan, now = Date.now(), ref = 'record'): { soql: string; personLink: string; matching: (rows: Row[]) => Row[] } | null {
  const record = plan.steps.find((s) => s.ref === ref);
  if (!record) return null;
  const texts = Object.entries(record.values).filter((e): e is [string, string] => typeof e[1] === 'string' && !e[1].startsWith('@{'));
  const personLink = personLinkOf(record.object);
  const days = Math.ceil(Math.max(0, now - plan.createdAt) / DAY_MS) + 1;
  const fields = [...new Set(['Id', 'CreatedDate', personLink, ...texts.map(([k]) => k)])].join(', ');
  const narrow = texts.filter(([k]) => FILTERABLE.has(k)).map(([k, v]) => ` AND ${k} = ${soqlString(v)}`).join('');
  const subject = soqlString(String(record.values.Subject ?? ''));
  const soql = `SELECT ${fields} FROM ${record.object} WHERE Subject = ${subject}${narrow} AND CreatedDate = LAST_N_DAYS:${days} ORDER BY CreatedDate DESC LIMIT 200`;
  return { soql, personLink, matching: (rows) => rows.filter((row) => texts.every(([k, v]) => row[k] === v)) };
}

/**
 * A plan of upserts finds its record by the chat key itself: exact, and without sending it again
 * (a resend would overwrite what an agent changed on the case since).
 */
async function byChatKey(client: SalesforceClient, plan: ActionPlan): Promise<{ rows: Row[]; personLink: string } | null> {
  const record = plan.steps.find((s) => s.ref === 'record');
  if (!record?.upsertBy) return null;
  const personLink = personLinkOf(record.object);
  const soql = `SELECT Id, ${personLink} FROM ${record.object} WHERE ${record.upsertBy.field} = ${soqlString(record.upsertBy.value)} LIMIT 1`;
  const result = await client.get<{ records: Row[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
  return { rows: result.records, personLink };
}

/**
 * Whether a plan sent without an answer (connection lost after Salesforce committed) is in
 * Salesforce: a plan is one allOrNone transaction, so its case or task being there means all of it is.
 */
export async function landedIds(client: SalesforceClient, plan: ActionPlan, now = Date.now()): Promise<Record<string, string> | null> {
  const { rows, personLink } = await byChatKey(client, plan) ?? (await copiesOf(client, plan, now));
  const found = rows[0];
  if (!found) return null;
  const person = plan.steps.find((s) => s.ref === 'person');
  const personId = person?.method === 'PATCH' ? person.id : (found[personLink] as string | undefined);
  return { record: found.Id, ...(person && personId ? { person: personId } : {}) };
}

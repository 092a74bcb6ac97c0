import type { SalesforceClient } from '../salesforce/connection';
import { soqlString } from '../salesforce/escape';
import { API_VERSION } from '../salesforce/version';
import type { ActionPlan } from './plan';

type Row = Record<string, unknown> & { Id: string };
const DAY_MS = 86_400_000;
/** Case fields a plan fills that SOQL can filter on (Description, a long text, cannot be). */
const FILTERABLE = new Set(['ContactId', 'AccountId', 'OwnerId', 'SuppliedEmail', 'SuppliedName']);

/**
 * Whether a plan sent without an answer (connection lost after Salesforce committed) is in
 * Salesforce, with no custom field: a plan is one allOrNone transaction, so its case or task
 * being there means all of it is. A task carries the chat key in CallObject; a case is the one
 * created since the plan was built with the plan's subject and the same text values (description,
 * web e-mail…), compared here since long text cannot be filtered in SOQL. One query either way.
 *
 * The window is on Salesforce's clock, never the PC's: a PC whose clock is ahead would otherwise
 * look for its case after the time it was created. Only the time elapsed since the plan was built
 * is taken from the PC (right however far its clock is off), rounded up to whole days.
 */
export async function landedIds(client: SalesforceClient, plan: ActionPlan, now = Date.now()): Promise<Record<string, string> | null> {
  const record = plan.steps.find((s) => s.ref === 'record');
  if (!record) return null;
  const texts = Object.entries(record.values).filter((e): e is [string, string] => typeof e[1] === 'string' && !e[1].startsWith('@{'));
  const personLink = record.object === 'Task' ? 'WhoId' : 'ContactId';
  let soql: string;
  if (record.object === 'Task') {
    soql = `SELECT Id, WhoId FROM Task WHERE CallObject = ${soqlString(plan.chatKey)} ORDER BY CreatedDate DESC LIMIT 5`;
  } else {
    const days = Math.ceil(Math.max(0, now - plan.createdAt) / DAY_MS) + 1;
    const fields = [...new Set(['Id', 'ContactId', ...texts.map(([k]) => k)])].join(', ');
    // Short values that SOQL can filter narrow a window of days (anonymous chats share a subject).
    const narrow = texts.filter(([k]) => FILTERABLE.has(k)).map(([k, v]) => ` AND ${k} = ${soqlString(v)}`).join('');
    soql = `SELECT ${fields} FROM ${record.object} WHERE Subject = ${soqlString(String(record.values.Subject ?? ''))}${narrow} AND CreatedDate = LAST_N_DAYS:${days} ORDER BY CreatedDate DESC LIMIT 200`;
  }
  const result = await client.get<{ records: Row[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
  const found = record.object === 'Task' ? result.records[0] : result.records.find((row) => texts.every(([k, v]) => row[k] === v));
  if (!found) return null;
  const person = plan.steps.find((s) => s.ref === 'person');
  const personId = person?.method === 'PATCH' ? person.id : (found[personLink] as string | undefined);
  return { record: found.Id, ...(person && personId ? { person: personId } : {}) };
}

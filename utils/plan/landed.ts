import type { SalesforceClient } from '../salesforce/connection';
import { soqlString } from '../salesforce/escape';
import { API_VERSION } from '../salesforce/version';
import type { ActionPlan } from './plan';

type Row = Record<string, unknown> & { Id: string };

/**
 * Whether a plan sent without an answer (connection lost after Salesforce committed) is in
 * Salesforce, with no custom field: a plan is one allOrNone transaction, so its case or task
 * being there means all of it is. A task carries the chat key in CallObject; a case is the one
 * created since the plan was built with the plan's subject and the same text values (description,
 * web e-mail…), compared here since long text cannot be filtered in SOQL. One query either way.
 */
export async function landedIds(client: SalesforceClient, plan: ActionPlan): Promise<Record<string, string> | null> {
  const record = plan.steps.find((s) => s.ref === 'record');
  if (!record) return null;
  const texts = Object.entries(record.values).filter((e): e is [string, string] => typeof e[1] === 'string' && !e[1].startsWith('@{'));
  const personLink = record.object === 'Task' ? 'WhoId' : 'ContactId';
  let soql: string;
  if (record.object === 'Task') {
    soql = `SELECT Id, WhoId FROM Task WHERE CallObject = ${soqlString(plan.chatKey)} ORDER BY CreatedDate DESC LIMIT 5`;
  } else {
    const since = new Date(plan.createdAt - 10 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const fields = [...new Set(['Id', 'ContactId', ...texts.map(([k]) => k)])].join(', ');
    soql = `SELECT ${fields} FROM ${record.object} WHERE Subject = ${soqlString(String(record.values.Subject ?? ''))} AND CreatedDate >= ${since} ORDER BY CreatedDate DESC LIMIT 50`;
  }
  const result = await client.get<{ records: Row[] }>(`/services/data/v${API_VERSION}/query?q=${encodeURIComponent(soql)}`);
  const found = record.object === 'Task' ? result.records[0] : result.records.find((row) => texts.every(([k, v]) => row[k] === v));
  if (!found) return null;
  const person = plan.steps.find((s) => s.ref === 'person');
  const personId = person?.method === 'PATCH' ? person.id : (found[personLink] as string | undefined);
  return { record: found.Id, ...(person && personId ? { person: personId } : {}) };
}

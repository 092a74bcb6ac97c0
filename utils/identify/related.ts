/** A case of the customer's that is still open: what the agent checks before opening another. */
export type OpenCase = { id: string; number: string; subject?: string; status?: string; lastModified?: string };
/** One of the customer's last activities (a task: a call, an e-mail, an earlier chat). */
export type Activity = { id: string; subject?: string; status?: string; date?: string; lastModified?: string };
/** The customer's context under a record, read with it: absent when the query that found it could not carry it (a phone search). */
export type Related = { cases: OpenCase[]; activities: Activity[] };

type ChildList = { records?: Record<string, unknown>[] } | null | undefined;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const rows = (list: unknown) => (list as ChildList)?.records ?? [];

/**
 * A record's child subqueries as the panel shows them; undefined when the record came without
 * them. Salesforce answers a subquery with no rows as null, not as an empty list.
 */
export function relatedOf(record: Record<string, unknown>): Related | undefined {
  if (!('Cases' in record) && !('Tasks' in record)) return undefined;
  return {
    cases: rows(record.Cases).flatMap((c) => (str(c.Id) ? [{ id: c.Id as string, number: str(c.CaseNumber) ?? (c.Id as string), subject: str(c.Subject), status: str(c.Status), lastModified: str(c.LastModifiedDate) }] : [])),
    activities: rows(record.Tasks).flatMap((t) => (str(t.Id) ? [{ id: t.Id as string, subject: str(t.Subject), status: str(t.Status), date: str(t.ActivityDate), lastModified: str(t.LastModifiedDate) }] : [])),
  };
}

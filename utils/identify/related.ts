/** A case of the customer's that is still open: what the agent checks before opening another. */
export type OpenCase = { id: string; number: string; subject?: string; status?: string; lastModified?: string };
/** One of the customer's last activities (a task: a call, an e-mail, an earlier chat). */
export type Activity = { id: string; subject?: string; status?: string; date?: string; lastModified?: string };
/** The customer's context under a record, read with it: absent when the query that found it could not carry it (a phone search). */
export type Related = {
  cases: OpenCase[]; activities: Activity[];
  /** A contact's account's other open cases (not the contact's own); absent when not read. */
  accountCases?: OpenCase[];
};

type ChildList = { records?: Record<string, unknown>[] } | null | undefined;
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
const rows = (list: unknown) => (list as ChildList)?.records ?? [];

/** Case rows as the panel shows them. */
export const openCases = (list: Record<string, unknown>[]): OpenCase[] =>
  list.flatMap((c) => (str(c.Id) ? [{ id: c.Id as string, number: str(c.CaseNumber) ?? (c.Id as string), subject: str(c.Subject), status: str(c.Status), lastModified: str(c.LastModifiedDate) }] : []));

/**
 * Each contact's account's open cases from a query of several accounts' (`rows`, with AccountId
 * and ContactId), the contact's own left to its own list; up to `max` each.
 */
export function withAccountCases(contacts: { id: string; account?: { id: string }; related?: Related }[], rows: Record<string, unknown>[], max: number): void {
  for (const contact of contacts) {
    const account = contact.account?.id;
    if (!account || !contact.related) continue;
    const own = new Set(contact.related.cases.map((c) => c.id));
    const theirs = rows.filter((r) => r.AccountId === account && r.ContactId !== contact.id && !own.has(String(r.Id)));
    contact.related.accountCases = openCases(theirs).slice(0, max);
  }
}


/**
 * A record's child subqueries as the panel shows them; undefined when the record came without
 * them. Salesforce answers a subquery with no rows as null, not as an empty list.
 */
export function relatedOf(record: Record<string, unknown>): Related | undefined {
  if (!('Cases' in record) && !('Tasks' in record)) return undefined;
  return {
    cases: openCases(rows(record.Cases)),
    activities: rows(record.Tasks).flatMap((t) => (str(t.Id) ? [{ id: t.Id as string, subject: str(t.Subject), status: str(t.Status), date: str(t.ActivityDate), lastModified: str(t.LastModifiedDate) }] : [])),
  };
}

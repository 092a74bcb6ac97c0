import type { ChatSnapshot } from '../chat/snapshot';
import { displayPaths } from '../mapping/display';
import type { FieldMeta } from '../salesforce/describe';
import { soqlString, soslPhrase } from '../salesforce/escape';
import { normalizeEmail } from './normalize';
import { parsePhone, phoneRegions, phoneSearchTerms, type Phone } from './phone';
import { chatValue, type Condition, type IdentifyRules } from './rules';

/** Whether a Salesforce field holds phone numbers (from describe; a name guess until then). */
export type IsPhoneField = (object: string, field: string) => boolean;
export const guessPhoneField: IsPhoneField = (_object, field) => /phone/i.test(field);

export type SubRequest = { method: 'GET'; url: string; referenceId: string };
/** The fields the panel shows, per object (from the mapping and describe). */
export type DisplayFields = Partial<Record<'Contact' | 'Lead' | 'Account', FieldMeta[]>>;

export const CONTACT_FIELDS = ['Id', 'Name', 'Email', 'Phone', 'MobilePhone', 'AccountId', 'Account.Name', 'LastModifiedDate'];
export const LEAD_FIELDS = ['Id', 'Name', 'Email', 'Phone', 'Company', 'IsConverted', 'ConvertedContactId', 'ConvertedContact.Name', 'ConvertedContact.Email', 'ConvertedContact.Phone', 'ConvertedContact.AccountId', 'ConvertedContact.Account.Name', 'LastModifiedDate'];
export const ACCOUNT_FIELDS = ['Id', 'Name', 'Phone', 'Website', 'LastModifiedDate'];

const unique = (paths: string[]) => [...new Set(paths)];

/** How many open cases and recent activities the panel shows under a record. */
export const RELATED_CASES = 5;
export const RELATED_ACTIVITIES = 3;
/**
 * The customer's context, read in the same query as the record (child subqueries): a contact's and
 * an account's open cases, and anyone's last activities. A lead has no cases.
 */
export const RELATED_LISTS: Record<'Contact' | 'Lead' | 'Account', string[]> = {
  Contact: ['cases', 'tasks'],
  Lead: ['tasks'],
  Account: ['cases', 'tasks'],
};
const SUBQUERIES: Record<string, string> = {
  cases: `(SELECT Id, CaseNumber, Subject, Status, LastModifiedDate FROM Cases WHERE IsClosed = false ORDER BY LastModifiedDate DESC LIMIT ${RELATED_CASES})`,
  tasks: `(SELECT Id, Subject, Status, ActivityDate, LastModifiedDate FROM Tasks ORDER BY LastModifiedDate DESC LIMIT ${RELATED_ACTIVITIES})`,
};
/** The subqueries of an object's identification query. */
export const relatedSubqueries = (object: 'Contact' | 'Lead' | 'Account') => RELATED_LISTS[object].map((list) => SUBQUERIES[list]!);

/** The subrequest that reads the open cases of the accounts of the contacts a chat may be. */
export const ACCOUNT_CASES = 'accountCases';
/**
 * A contact's account's other open cases (a colleague's ticket for the same outage): a child
 * subquery cannot reach them from the contact, so a semi-join on the same conditions reads them
 * in the same request. `where` is a WHERE on Contact.
 */
export const accountCasesQuery = (where: string) =>
  `SELECT Id, CaseNumber, Subject, Status, LastModifiedDate, AccountId, ContactId FROM Case WHERE IsClosed = false AND AccountId IN (SELECT AccountId FROM Contact WHERE ${where}) ORDER BY LastModifiedDate DESC LIMIT 50`;

/**
 * What each object's query reads: the fields ranking needs, the rule fields, the shown fields
 * with lookup names, and the related records the panel shows with them (a contact's account,
 * a converted lead's contact and its account), so one request brings everything.
 */
export function selectLists(rules: IdentifyRules, display: DisplayFields = {}): Record<'Contact' | 'Lead' | 'Account', string[]> {
  const contact = displayPaths(display.Contact ?? []);
  const account = displayPaths(display.Account ?? []);
  return {
    Contact: unique([...CONTACT_FIELDS, ...rules.contacts.map((c) => c.sfField), ...contact, ...account.map((p) => `Account.${p}`)]),
    Lead: unique([
      ...LEAD_FIELDS, ...rules.leads.map((c) => c.sfField), ...displayPaths(display.Lead ?? []),
      ...contact.map((p) => `ConvertedContact.${p}`), ...account.map((p) => `ConvertedContact.Account.${p}`),
    ]),
    Account: unique([...ACCOUNT_FIELDS, ...rules.accounts.map((c) => c.sfField), ...account]),
  };
}

const rawValue = (snapshot: ChatSnapshot, condition: Condition) => (snapshot.masked.includes(condition.chatField) ? undefined : chatValue(snapshot, condition.chatField));

/** The value a condition searches for, normalised; null when the chat has none (or it is masked). */
export function conditionValue(snapshot: ChatSnapshot, condition: Condition): string | null {
  const raw = rawValue(snapshot, condition);
  if (!raw) return null;
  if (/email/i.test(condition.sfField) || condition.chatField.endsWith('email')) return normalizeEmail(raw);
  return raw.trim() || null;
}

/** Whether the chat has a value any rule would look the visitor up by (an e-mail, a valid phone…). */
export function hasIdentifyingValue(snapshot: ChatSnapshot, rules: IdentifyRules, region?: string, isPhone: IsPhoneField = guessPhoneField): boolean {
  const checks: ['Contact' | 'Lead' | 'Account', Condition[]][] = [['Contact', rules.contacts], ['Lead', rules.leads], ['Account', rules.accounts]];
  return checks.some(([object, conditions]) => conditions.some((c) => (isPhone(object, c.sfField) ? !!conditionPhone(snapshot, c, region) : !!conditionValue(snapshot, c))));
}

/** The phone a condition searches for, read as a valid number in the chat's regions; null when none. */
export function conditionPhone(snapshot: ChatSnapshot, condition: Condition, region?: string): Phone | null {
  return parsePhone(rawValue(snapshot, condition), phoneRegions(snapshot.session.country, region));
}

/**
 * Every rule of one identification as subrequests of ONE composite request: exact-match
 * conditions as SOQL per object, phone conditions as one SOSL search (Salesforce finds a number
 * in any format that way), converted leads carrying their contact along.
 */
export function identifyRequests(
  snapshot: ChatSnapshot, rules: IdentifyRules, version: string,
  { isPhone = guessPhoneField, region, display }: { isPhone?: IsPhoneField; region?: string; display?: DisplayFields } = {},
): SubRequest[] {
  const base = `/services/data/v${version}`;
  const requests: SubRequest[] = [];
  const phones = new Set<string>();
  const select = selectLists(rules, display);
  const objects: ['Contact' | 'Lead' | 'Account', Condition[], string][] = [
    ['Contact', rules.contacts, 'contacts'],
    ['Lead', rules.leads, 'leads'],
    ['Account', rules.accounts, 'accounts'],
  ];
  for (const [object, conditions, referenceId] of objects) {
    const exact: string[] = [];
    for (const condition of conditions.slice(0, 3)) {
      if (isPhone(object, condition.sfField)) {
        const phone = conditionPhone(snapshot, condition, region);
        for (const term of phone ? phoneSearchTerms(phone) : []) phones.add(term);
        continue;
      }
      const value = conditionValue(snapshot, condition);
      if (value) exact.push(`${condition.sfField} = ${soqlString(value)}`);
    }
    if (exact.length) {
      const soql = `SELECT ${[...select[object], ...relatedSubqueries(object)].join(', ')} FROM ${object} WHERE ${exact.join(' OR ')} ORDER BY LastModifiedDate DESC LIMIT 20`;
      requests.push({ method: 'GET', url: `${base}/query?q=${encodeURIComponent(soql)}`, referenceId });
      if (object === 'Contact') requests.push({ method: 'GET', url: `${base}/query?q=${encodeURIComponent(accountCasesQuery(exact.join(' OR ')))}`, referenceId: ACCOUNT_CASES });
    }
  }
  if (phones.size) {
    const find = [...phones].map(soslPhrase).join(' OR ');
    const returning = [
      `Contact(${select.Contact.join(', ')} LIMIT 20)`,
      `Lead(${select.Lead.join(', ')} LIMIT 20)`,
      ...(rules.accounts.some((c) => isPhone('Account', c.sfField)) ? [`Account(${select.Account.join(', ')} LIMIT 20)`] : []),
    ].join(', ');
    const sosl = `FIND {${find}} IN PHONE FIELDS RETURNING ${returning}`;
    requests.push({ method: 'GET', url: `${base}/search?q=${encodeURIComponent(sosl)}`, referenceId: 'phones' });
  }
  return requests;
}

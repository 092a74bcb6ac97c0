import type { ChatSnapshot } from '../chat/snapshot';
import { phoneRegions, samePhone, type Phone } from './phone';
import { recordValues, type RecordValues } from '../mapping/display';
import { ACCOUNT_CASES, conditionPhone, conditionValue, RELATED_CASES, type DisplayFields, type IsPhoneField } from './request';
import type { Condition, IdentifyRules } from './rules';
import { relatedOf, withAccountCases, type Related } from './related';

export type Candidate = {
  type: 'Contact' | 'Lead' | 'Account';
  id: string;
  name: string;
  email?: string;
  phone?: string;
  account?: { id: string; name?: string } & Partial<RecordValues>;
  /** The shown fields' raw values (lookups by id) and the names of the records lookups point to. */
  values?: RecordValues['values'];
  names?: RecordValues['names'];
  /** The conditions this record met (chat field → Salesforce field). */
  matched: string[];
  lastModified?: string;
  /** A contact reached through the converted lead that matched. */
  viaConvertedLead?: string;
  /** Matches as well as the first one (same conditions, same certainty): only the agent can tell them apart. */
  tiedWithBest?: boolean;
  /** Open cases and last activities, when the query that found the record read them. */
  related?: Related;
};

export type Identification = { contacts: Candidate[]; leads: Candidate[]; accounts: Candidate[] };

export type SfRecord = Record<string, unknown> & { Id: string; attributes?: { type?: string } };
type SubResponse = { referenceId: string; httpStatusCode: number; body: unknown };

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** A Salesforce record as a candidate the panel can show (its own fields, its account's). */
export function toCandidate(r: SfRecord, type: Candidate['type'], matched: string[], display: DisplayFields = {}): Candidate {
  const account = r.Account as Record<string, unknown> | null | undefined;
  const related = relatedOf(r);
  return {
    type, id: r.Id, name: str(r.Name) ?? '', email: str(r.Email), phone: str(r.Phone) ?? str(r.MobilePhone),
    account: str(r.AccountId) ? { id: r.AccountId as string, name: str(account?.Name), ...(display.Account ? recordValues(account, display.Account) : {}) } : undefined,
    ...(display[type] ? recordValues(r, display[type]) : {}),
    matched, lastModified: str(r.LastModifiedDate), ...(related ? { related } : {}),
  };
}

type Met = { matched: string[]; doubt: number };

/** The chat's phone for each phone condition and the regions to read numbers in: parsed once per identification, not once per record. */
function chatPhones(snapshot: ChatSnapshot, region?: string) {
  const regions = phoneRegions(snapshot.session.country, region);
  const phones = new Map<Condition, Phone | null>();
  const phone = (c: Condition) => {
    if (!phones.has(c)) phones.set(c, conditionPhone(snapshot, c, region));
    return phones.get(c)!;
  };
  return { regions, phone };
}

/**
 * Which conditions a record meets, comparing normalised values: e-mails by case, phones as whole
 * numbers with their country (a French +33 6 12 34 56 78 is not the Spanish +34 612 34 56 78).
 * `doubt` adds up how much phone matches rest on reading a stored number in the chat's region.
 */
function met(record: SfRecord, object: string, conditions: Condition[], snapshot: ChatSnapshot, isPhone: IsPhoneField, phones: ReturnType<typeof chatPhones>): Met {
  const out: Met = { matched: [], doubt: 0 };
  for (const c of conditions) {
    const have = str(record[c.sfField]);
    if (!have) continue;
    if (isPhone(object, c.sfField)) {
      const want = phones.phone(c);
      const doubt = want && samePhone(have, want, phones.regions);
      if (doubt === null || doubt === undefined) continue;
      out.doubt += doubt;
    } else if (have.trim().toLowerCase() !== conditionValue(snapshot, c)?.toLowerCase()) continue;
    out.matched.push(`${c.chatField}→${c.sfField}`);
  }
  return out;
}

/**
 * The composite answer → ranked candidates. A converted lead is never a candidate itself: its
 * contact is. Candidates that meet no condition (a SOSL hit on another phone field) are dropped.
 */
export function rankCandidates(
  responses: SubResponse[], snapshot: ChatSnapshot, rules: IdentifyRules,
  { isPhone, region, display = {} }: { isPhone: IsPhoneField; region?: string; display?: DisplayFields },
): Identification {
  const records: SfRecord[] = [];
  let accountCases: SfRecord[] = [];
  for (const r of responses) {
    if (r.httpStatusCode !== 200 || !r.body) continue;
    if (r.referenceId === ACCOUNT_CASES) {
      accountCases = (r.body as { records?: SfRecord[] }).records ?? [];
      continue;
    }
    const body = r.body as { records?: SfRecord[]; searchRecords?: SfRecord[] };
    records.push(...(body.records ?? body.searchRecords ?? []));
  }
  const found = new Map<string, Candidate>();
  const doubt = new Map<string, number>();
  const phones = chatPhones(snapshot, region);
  const add = (candidate: Candidate, m: Met) => {
    const before = found.get(candidate.id);
    if (before) {
      before.matched = [...new Set([...before.matched, ...candidate.matched])];
      // Found by e-mail (a query, with its cases) and by phone (a search, without): keep the context.
      before.related ??= candidate.related;
    }
    else found.set(candidate.id, candidate);
    doubt.set(candidate.id, Math.min(doubt.get(candidate.id) ?? Infinity, m.doubt));
  };
  // More conditions met first; then the one whose phone says its country; then the latest changed.
  const byRank = (a: Candidate, b: Candidate) =>
    b.matched.length - a.matched.length || doubt.get(a.id)! - doubt.get(b.id)! || (b.lastModified ?? '').localeCompare(a.lastModified ?? '');
  for (const r of records) {
    const type = r.attributes?.type;
    if (type === 'Contact') {
      const m = met(r, 'Contact', rules.contacts, snapshot, isPhone, phones);
      if (m.matched.length) add(toCandidate(r, type, m.matched, display), m);
    } else if (type === 'Lead') {
      const m = met(r, 'Lead', rules.leads, snapshot, isPhone, phones);
      if (!m.matched.length) continue;
      const contact = r.ConvertedContact as Record<string, unknown> | null | undefined;
      if (r.IsConverted && str(r.ConvertedContactId)) {
        const asContact = { Name: r.Name, ...contact, Id: r.ConvertedContactId as string, LastModifiedDate: r.LastModifiedDate };
        add({ ...toCandidate(asContact, 'Contact', m.matched, display), viaConvertedLead: r.Id }, m);
      } else if (!r.IsConverted) {
        add(toCandidate(r, type, m.matched, display), m);
      }
    } else if (type === 'Account') {
      const m = met(r, 'Account', rules.accounts, snapshot, isPhone, phones);
      if (m.matched.length) add(toCandidate(r, type, m.matched, display), m);
    }
  }
  const all = [...found.values()];
  // Which was changed last is no evidence of who the visitor is: a tie on the rest is said as one.
  const ranked = (type: Candidate['type']) => all.filter((c) => c.type === type).sort(byRank).map((c, i, list) => {
    const best = list[0]!;
    return i > 0 && c.matched.length === best.matched.length && doubt.get(c.id) === doubt.get(best.id) ? { ...c, tiedWithBest: true } : c;
  });
  const contacts = ranked('Contact');
  withAccountCases(contacts, accountCases, RELATED_CASES);
  return { contacts, leads: ranked('Lead'), accounts: ranked('Account') };
}

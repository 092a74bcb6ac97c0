import type { ChatSnapshot } from '../chat/snapshot';
import { normalizePhone } from './normalize';
import { recordValues, type RecordValues } from '../mapping/display';
import { conditionValue, type DisplayFields, type IsPhoneField } from './request';
import type { Condition, IdentifyRules } from './rules';

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
};

export type Identification = { contacts: Candidate[]; leads: Candidate[]; accounts: Candidate[] };

export type SfRecord = Record<string, unknown> & { Id: string; attributes?: { type?: string } };
type SubResponse = { referenceId: string; httpStatusCode: number; body: unknown };

const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** A Salesforce record as a candidate the panel can show (its own fields, its account's). */
export function toCandidate(r: SfRecord, type: Candidate['type'], matched: string[], display: DisplayFields = {}): Candidate {
  const account = r.Account as Record<string, unknown> | null | undefined;
  return {
    type, id: r.Id, name: str(r.Name) ?? '', email: str(r.Email), phone: str(r.Phone) ?? str(r.MobilePhone),
    account: str(r.AccountId) ? { id: r.AccountId as string, name: str(account?.Name), ...(display.Account ? recordValues(account, display.Account) : {}) } : undefined,
    ...(display[type] ? recordValues(r, display[type]) : {}),
    matched, lastModified: str(r.LastModifiedDate),
  };
}

/** Which conditions a record meets, comparing normalised values (case, phone formats). */
function met(record: SfRecord, object: string, conditions: Condition[], snapshot: ChatSnapshot, isPhone: IsPhoneField, region?: string): string[] {
  const out: string[] = [];
  for (const c of conditions) {
    const phone = isPhone(object, c.sfField);
    const want = conditionValue(snapshot, c, phone, region);
    const have = str(record[c.sfField]);
    if (!want || !have) continue;
    const ok = phone
      ? normalizePhone(have, region ?? snapshot.session.country)?.national === want || have.replace(/\D/g, '').endsWith(want)
      : have.trim().toLowerCase() === want.toLowerCase();
    if (ok) out.push(`${c.chatField}→${c.sfField}`);
  }
  return out;
}

function byRank(a: Candidate, b: Candidate): number {
  return b.matched.length - a.matched.length || (b.lastModified ?? '').localeCompare(a.lastModified ?? '');
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
  for (const r of responses) {
    if (r.httpStatusCode !== 200 || !r.body) continue;
    const body = r.body as { records?: SfRecord[]; searchRecords?: SfRecord[] };
    records.push(...(body.records ?? body.searchRecords ?? []));
  }
  const found = new Map<string, Candidate>();
  const add = (candidate: Candidate) => {
    const before = found.get(candidate.id);
    if (before) before.matched = [...new Set([...before.matched, ...candidate.matched])];
    else found.set(candidate.id, candidate);
  };
  for (const r of records) {
    const type = r.attributes?.type;
    if (type === 'Contact') {
      const matched = met(r, 'Contact', rules.contacts, snapshot, isPhone, region);
      if (matched.length) add(toCandidate(r, type, matched, display));
    } else if (type === 'Lead') {
      const matched = met(r, 'Lead', rules.leads, snapshot, isPhone, region);
      if (!matched.length) continue;
      const contact = r.ConvertedContact as Record<string, unknown> | null | undefined;
      if (r.IsConverted && str(r.ConvertedContactId)) {
        const asContact = { Name: r.Name, ...contact, Id: r.ConvertedContactId as string, LastModifiedDate: r.LastModifiedDate };
        add({ ...toCandidate(asContact, 'Contact', matched, display), viaConvertedLead: r.Id });
      } else if (!r.IsConverted) {
        add(toCandidate(r, type, matched, display));
      }
    } else if (type === 'Account') {
      const matched = met(r, 'Account', rules.accounts, snapshot, isPhone, region);
      if (matched.length) add(toCandidate(r, type, matched, display));
    }
  }
  const all = [...found.values()];
  return {
    contacts: all.filter((c) => c.type === 'Contact').sort(byRank),
    leads: all.filter((c) => c.type === 'Lead').sort(byRank),
    accounts: all.filter((c) => c.type === 'Account').sort(byRank),
  };
}

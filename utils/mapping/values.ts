import { chatFacts } from '../chat/transcript';
import type { ChatSnapshot } from '../chat/snapshot';
import { chatValue } from '../identify/rules';
import { normalizeEmail } from '../identify/normalize';
import { parsePhone, phoneRegions } from '../identify/phone';
import { visitorName } from './names';
import { cutText } from '../chat/cut';

/** A value quoted in a reason: its start, on whole characters. */
const preview = (text: string) => cutText(text, 40, '…');
import { fieldOf, type FieldMeta, type ObjectMeta } from '../salesforce/describe';
import { RECORD_ID } from '../salesforce/record-id';
import type { MappingRow } from './defaults';
import { i18n } from '#i18n';
import type { FieldValue } from './display';

/** Salesforce's own words for a required company nobody gave (web-to-lead writes the same). */
export const COMPANY_PLACEHOLDER = '[not provided]';
export const TRANSCRIPT_CUT = '\n…[cut here: the full transcript is attached to this record as a file]';

/** A chat value as one field takes it, or why it cannot (then the field is left out). */
export type Coerced = { value: FieldValue; cut?: boolean } | { skip: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A text from the chat → the value the field's type needs: phones in E.164 with "+" (orgs'
 * validation rules reject other forms), dates and date-times in ISO, picklists only to their
 * allowed values (by value or label), numbers as numbers, strings cut to the field's length.
 */
export function coerce(field: FieldMeta, raw: string, regions: string[] = []): Coerced {
  const text = raw.trim();
  if (!text) return { skip: 'empty' };
  switch (field.type) {
    case 'phone': {
      const phone = parsePhone(text, phoneRegions(undefined, ...regions));
      return phone ? { value: phone.e164 } : { skip: regions[0] ? i18n.t('field.notTaken.phoneIn', { region: regions[0], value: preview(text) }) : i18n.t('field.notTaken.phone', { value: preview(text) }) };
    }
    case 'email': {
      const email = normalizeEmail(text);
      if (!email) return { skip: i18n.t('field.notTaken.email', { value: preview(text) }) };
      // Cut, it would be another address: left out, and said.
      return email.length <= (field.length || 80) ? { value: email } : { skip: i18n.t('field.notTaken.longer', { limit: field.length || 80, value: preview(email) }) };
    }
    case 'date': {
      if (DATE.test(text)) return { value: text };
      const at = new Date(text);
      return Number.isNaN(at.getTime()) ? { skip: i18n.t('field.notTaken.date', { value: preview(text) }) } : { value: at.toISOString().slice(0, 10) };
    }
    case 'datetime': {
      const at = new Date(text);
      return Number.isNaN(at.getTime()) ? { skip: i18n.t('field.notTaken.dateTime', { value: preview(text) }) } : { value: at.toISOString() };
    }
    case 'boolean':
      return { value: /^(true|yes|y|1|on|checked)$/i.test(text) };
    case 'int':
    case 'double':
    case 'currency':
    case 'percent': {
      const n = Number(text.replace(/[\s,]/g, ''));
      if (!Number.isFinite(n)) return { skip: i18n.t('field.notTaken.number', { value: preview(text) }) };
      return { value: field.type === 'int' ? Math.round(n) : n };
    }
    case 'picklist': {
      const lower = text.toLowerCase();
      const match = field.picklistValues.find((p) => p.value.toLowerCase() === lower || p.label.toLowerCase() === lower);
      return match ? { value: match.value } : { skip: i18n.t('field.notTaken.picklist', { value: preview(text) }) };
    }
    case 'reference':
    case 'id':
      return RECORD_ID.test(text) ? { value: text } : { skip: i18n.t('field.notTaken.recordId') };
    default: {
      const max = field.length || 255;
      if (text.length <= max) return { value: text };
      const mark = field.type === 'textarea' ? TRANSCRIPT_CUT : '…';
      return { value: cutText(text, max, mark), cut: true };
    }
  }
}

/** What the mapping gives a new or updated record, field by field, and what it had to leave out. */
export type MappedValues = {
  values: Record<string, FieldValue>;
  skipped: Record<string, string>;
  /** Of the skipped fields, those whose value the agent can correct (too long, not a date…): the chat's text for each. */
  fixable: Record<string, string>;
  cut: string[];
};

/** Whether the chat has a value for a chat field (so leaving it out is worth saying). */
/** A chat field's value: the chat's facts, the name split in two, else what the console gave. */
function rawValue(snapshot: ChatSnapshot, facts: ReturnType<typeof chatFacts>, chatField: string) {
  if (chatField.startsWith('chat.')) return facts[chatField.slice(5)];
  if (chatField === 'visitor.firstName') return visitorName(snapshot)?.first;
  if (chatField === 'visitor.lastName') return visitorName(snapshot)?.last;
  // The visitor's phone and company wherever the console shows them: its visitor card, else the pre-chat form.
  if (chatField === 'visitor.phone' || chatField === 'visitor.company') return chatValue(snapshot, chatField) || chatValue(snapshot, `preChat.${chatField.slice(8)}`);
  return chatValue(snapshot, chatField);
}

function chatHas(snapshot: ChatSnapshot, facts: ReturnType<typeof chatFacts>, chatField: string): boolean {
  const raw = rawValue(snapshot, facts, chatField);
  return raw !== undefined && raw !== null && String(raw).trim() !== '';
}

/**
 * A mapping saved before names were split (LastName ← the full name): LastName takes the family
 * name and FirstName, unless mapped otherwise, the given name.
 */
function withSplitName(rows: MappingRow[], meta: ObjectMeta | undefined): MappingRow[] {
  const legacy = rows.findIndex((r) => r.sfField === 'LastName' && r.chatField === 'visitor.name');
  if (legacy < 0) return rows;
  const out = rows.map((r, i) => (i === legacy ? { ...r, chatField: 'visitor.lastName' } : r));
  const hasFirst = rows.some((r) => r.sfField === 'FirstName' && r.chatField);
  return hasFirst || !fieldOf(meta, 'FirstName') ? out : [{ sfField: 'FirstName', chatField: 'visitor.firstName' }, ...out];
}

/** The chat's values for an object's mapped fields (those the org has and lets us write), and what it left out and why. */
export function mappedValues(snapshot: ChatSnapshot, rows: MappingRow[], meta: ObjectMeta | undefined, mode: 'create' | 'update', region?: string): MappedValues {
  const out: MappedValues = { values: {}, skipped: {}, fixable: {}, cut: [] };
  const facts = chatFacts(snapshot);
  for (const row of withSplitName(rows, meta)) {
    if (!row.chatField) continue;
    const field = fieldOf(meta, row.sfField);
    // Said, not dropped: the chat had a value the org (or this user's profile) will not take here.
    if (!field) {
      if (meta && chatHas(snapshot, facts, row.chatField)) out.skipped[row.sfField] = 'not a field this user can see';
      continue;
    }
    if (!(mode === 'create' ? field.createable : field.updateable)) {
      if (mode === 'create' && chatHas(snapshot, facts, row.chatField)) out.skipped[field.name] = 'not creatable for this user';
      continue;
    }
    // The split name's parts are masked with the name.
    if (snapshot.masked.includes(row.chatField === 'visitor.firstName' || row.chatField === 'visitor.lastName' ? 'visitor.name' : row.chatField)) {
      out.skipped[field.name] = 'masked in the console';
      continue;
    }
    const raw = rawValue(snapshot, facts, row.chatField);
    if (raw === undefined) continue;
    // A phone from the chat stays a phone in a text field too (Case.SuppliedPhone): E.164 when it is valid.
    const regions = phoneRegions(snapshot.session.country, region);
    const phone = field.type === 'string' && /phone/i.test(row.chatField) ? parsePhone(raw, regions)?.e164 : undefined;
    const result = coerce(field, phone ?? raw, regions);
    if ('skip' in result) {
      if (result.skip !== 'empty') {
        out.skipped[field.name] = result.skip;
        out.fixable[field.name] = cutText(String(raw), 1000);
      }
      continue;
    }
    out.values[field.name] = result.value;
    if (result.cut) out.cut.push(field.name);
    // A long text keeps a marker (and the whole transcript goes as a file); a short one is only cut: say so.
    if (result.cut && field.type !== 'textarea') {
      out.skipped[field.name] = `cut to the field's ${field.length} characters`;
      out.fixable[field.name] = cutText(String(raw), 1000);
    }
  }
  return out;
}

/**
 * A person's required LastName whatever the visitor gave: the name, else the e-mail's local part,
 * else the phone, else "Chat visitor"; and a lead's required Company, else the placeholder.
 */
export function withRequiredNames(object: 'Contact' | 'Lead', values: Record<string, FieldValue>, snapshot: ChatSnapshot): Record<string, FieldValue> {
  const out = { ...values };
  if (!out.LastName) {
    const email = snapshot.visitor.email?.split('@')[0];
    out.LastName = cutText(snapshot.visitor.name?.trim() || email || snapshot.visitor.phone || 'Chat visitor', 80);
  }
  if (object === 'Lead' && !out.Company) out.Company = COMPANY_PLACEHOLDER;
  return out;
}

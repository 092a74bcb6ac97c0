import { describe, expect, it } from 'vitest';
import { emptySnapshot } from '@/utils/chat/snapshot';
import { DEFAULT_MAPPING } from '@/utils/mapping/defaults';
import { coerce, COMPANY_PLACEHOLDER, mappedValues, TRANSCRIPT_CUT, withRequiredNames } from '@/utils/mapping/values';
import { fieldOf } from '@/utils/salesforce/describe';
import { objectMeta } from './fields';

const contact = objectMeta('Contact');
const lead = objectMeta('Lead');
const caseMeta = objectMeta('Case');
const f = (meta: typeof contact, name: string) => fieldOf(meta, name)!;

describe('coerce (chat text → the field type Salesforce takes)', () => {
  it.each([
    [contact, 'Phone', '(415) 555-0100', 'US', { value: '+14155550100' }],
    [contact, 'Phone', '07400 123456', 'GB', { value: '+447400123456' }],
    [contact, 'Phone', 'call me maybe', 'US', { skip: 'not a valid phone number in US: call me maybe' }],
    // Arabic-Indic digits: a possible length, but no valid US number (no area code starts with 0).
    [contact, 'Phone', '٠١٢٣٤٥٦٧٨٩', 'US', { skip: 'not a valid phone number in US: ٠١٢٣٤٥٦٧٨٩' }],
    [contact, 'Phone', '٠١٠٠١٢٣٤٥٦٧', 'EG', { value: '+201001234567' }],
    [contact, 'Email', '  Grace.Hopper@Example.com ', undefined, { value: 'grace.hopper@example.com' }],
    [contact, 'Email', 'not mail', undefined, { skip: 'not an e-mail address: not mail' }],
    [contact, 'Birthdate', '1906-12-09', undefined, { value: '1906-12-09' }],
    [contact, 'Birthdate', 'December 9, 1906', undefined, { value: expect.stringMatching(/^1906-12-0[89]$/) }],
    [contact, 'LeadSource', 'web', undefined, { value: 'Web' }],
    [contact, 'LeadSource', 'Billboard', undefined, { skip: 'not one of the picklist values: Billboard' }],
    [lead, 'NumberOfEmployees', '1,200', undefined, { value: 1200 }],
    [contact, 'Title', 'x'.repeat(200), undefined, { value: `${'x'.repeat(127)}…`, cut: true }],
    [contact, 'Title', '   ', undefined, { skip: 'empty' }],
    [contact, 'Title', '<script>alert(1)</script> “quoted” 👩🏽‍💻 \u202e', undefined, { value: '<script>alert(1)</script> “quoted” 👩🏽‍💻 \u202e' }],
  ])('%#: %s', (meta, name, raw, region, expected) => {
    expect(coerce(f(meta, name as string), raw as string, region ? [region as string] : [])).toEqual(expected);
  });

  it('cuts a transcript too long for the field with a visible marker', () => {
    const description = { ...f(caseMeta, 'Description'), length: 100 };
    const result = coerce(description, 'y'.repeat(500));
    expect(result).toMatchObject({ cut: true });
    expect((result as { value: string }).value).toHaveLength(100);
    expect((result as { value: string }).value.endsWith(TRANSCRIPT_CUT)).toBe(true);
  });
});

describe('mappedValues', () => {
  const chat = {
    ...emptySnapshot('c1', 'demo'),
    visitor: { name: 'Grace Hopper', email: 'GRACE@navy.example' },
    preChat: { Phone: '415 555 0100', Department: 'Engineering', Company: 'US Navy' },
    session: { country: 'US' },
    transcript: [{ role: 'visitor' as const, author: 'Grace', text: 'Hello', time: '10:00' }, { role: 'agent' as const, text: 'Hi!', time: '10:01' }],
  };

  it('maps the default table, coerced', () => {
    expect(mappedValues(chat, DEFAULT_MAPPING.Contact, contact, 'create')).toEqual({
      values: { FirstName: 'Grace', LastName: 'Hopper', Email: 'grace@navy.example', Phone: '+14155550100', Department: 'Engineering' }, skipped: {}, fixable: {}, cut: [],
    });
    expect(mappedValues(chat, DEFAULT_MAPPING.Case, caseMeta, 'create').values).toEqual({
      SuppliedName: 'Grace Hopper', SuppliedEmail: 'grace@navy.example', SuppliedCompany: 'US Navy', SuppliedPhone: '+14155550100',
      Description: '[10:00] Grace: Hello\n[10:01] Agent: Hi!',
    });
  });

  it('takes the visitor\'s phone and company from the console\'s visitor card, else from the pre-chat form', () => {
    const card = { ...chat, visitor: { ...chat.visitor, phone: '+1 212 555 0147', company: 'Grace Labs' } };
    expect(mappedValues(card, DEFAULT_MAPPING.Lead, lead, 'create').values).toMatchObject({ Phone: '+12125550147', Company: 'Grace Labs' });
    expect(mappedValues(chat, DEFAULT_MAPPING.Lead, lead, 'create').values).toMatchObject({ Phone: '+14155550100', Company: 'US Navy' });
  });

  it('splits the name of a mapping saved before names were split (LastName ← the full name)', () => {
    const legacy = [{ sfField: 'LastName', chatField: 'visitor.name' }, { sfField: 'Email', chatField: 'visitor.email' }];
    expect(mappedValues(chat, legacy, contact, 'create').values).toEqual({ FirstName: 'Grace', LastName: 'Hopper', Email: 'grace@navy.example' });
    const masked = { ...chat, masked: ['visitor.name'] };
    expect(mappedValues(masked, DEFAULT_MAPPING.Contact, contact, 'create').skipped).toMatchObject({ FirstName: 'masked in the console', LastName: 'masked in the console' });
  });

  it('never uses a masked value, and says what it left out', () => {
    const masked = { ...chat, masked: ['visitor.email'], preChat: { Phone: 'n/a' } };
    expect(mappedValues(masked, DEFAULT_MAPPING.Contact, contact, 'create')).toMatchObject({ values: { FirstName: 'Grace', LastName: 'Hopper' }, skipped: { Email: 'masked in the console', Phone: 'not a valid phone number in US: n/a' } });
  });

  it('says what does not fit: an e-mail longer than its field is left out (cut, it would be another address), a company cut to length, a field this user cannot create', () => {
    const long = `${'a'.repeat(85)}@example.com`;
    const big = { ...chat, visitor: { ...chat.visitor, email: long }, preChat: { ...chat.preChat, Company: 'C'.repeat(300) } };
    const contactResult = mappedValues(big, DEFAULT_MAPPING.Contact, contact, 'create');
    expect(contactResult.values.Email).toBeUndefined();
    expect(contactResult.skipped.Email).toMatch(/^longer than the field's 80 characters: a+…$/);
    const caseResult = mappedValues(big, DEFAULT_MAPPING.Case, caseMeta, 'create');
    expect(String(caseResult.values.SuppliedCompany)).toHaveLength(80);
    expect(caseResult.skipped.SuppliedCompany).toBe("cut to the field's 80 characters");
    // The agent corrects these from the chat's own text; a field this user cannot write is only said.
    expect(contactResult.fixable.Email).toBe(long);
    expect(caseResult.fixable.SuppliedCompany).toBe('C'.repeat(300));
    const readOnly = { ...contact, fields: contact.fields.map((f) => (f.name === 'Department' ? { ...f, createable: false } : f)) };
    expect(mappedValues(chat, DEFAULT_MAPPING.Contact, readOnly, 'create').skipped).toEqual({ Department: 'not creatable for this user' });
    const hidden = { ...contact, fields: contact.fields.filter((f) => f.name !== 'Department') };
    expect(mappedValues(chat, DEFAULT_MAPPING.Contact, hidden, 'create').skipped).toEqual({ Department: 'not a field this user can see' });
  });

  it('writes an offline message as the description', () => {
    const offline = { ...emptySnapshot('o1', 'demo', 'offline'), chat: { message: 'Please call me back.' } };
    expect(mappedValues(offline, DEFAULT_MAPPING.Case, caseMeta, 'create').values.Description).toBe('Please call me back.');
  });
});

describe('withRequiredNames', () => {
  it.each([
    [{ name: 'Cher' }, 'Cher'],
    [{ email: 'anon@example.com' }, 'anon'],
    [{ phone: '+1 415 555 0100' }, '+1 415 555 0100'],
    [{}, 'Chat visitor'],
  ])('%j → LastName %s', (visitor, lastName) => {
    expect(withRequiredNames('Contact', {}, { ...emptySnapshot('c', 'demo'), visitor })).toEqual({ LastName: lastName });
  });
  it('gives a lead without a company the stated placeholder', () => {
    expect(withRequiredNames('Lead', { LastName: 'X' }, emptySnapshot('c', 'demo'))).toEqual({ LastName: 'X', Company: COMPANY_PLACEHOLDER });
  });
});

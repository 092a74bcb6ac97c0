import { describe, expect, it } from 'vitest';
import { formatValue, toControl } from '@/utils/mapping/format';
import { fieldOf } from '@/utils/salesforce/describe';
import { objectMeta } from './fields';

const contact = objectMeta('Contact');
const lead = objectMeta('Lead');
const field = (meta: typeof contact, name: string) => fieldOf(meta, name)!;

describe('formatValue', () => {
  it.each([
    [contact, 'Birthdate', '1990-02-03', 'en-US', undefined, 'Feb 3, 1990'],
    [contact, 'Birthdate', '1990-02-03', 'de-DE', undefined, '03.02.1990'],
    [contact, 'OwnerId', '005000000000001AAA', 'en-US', 'Ana Agent', 'Ana Agent'],
    [contact, 'OwnerId', '005000000000001AAA', 'en-US', undefined, '005000000000001AAA'],
    [contact, 'Phone', '(415) 555-0100', 'en-US', undefined, '(415) 555-0100'],
    [lead, 'NumberOfEmployees', 12500, 'en-US', undefined, '12,500'],
    [lead, 'NumberOfEmployees', 12500, 'de-DE', undefined, '12.500'],
    [lead, 'IsUnreadByOwner', true, 'en-US', undefined, 'Yes'],
    [lead, 'IsUnreadByOwner', false, 'en-US', undefined, 'No'],
    [contact, 'Title', null, 'en-US', undefined, ''],
    [contact, 'Title', '<b>CEO</b>', 'en-US', undefined, '<b>CEO</b>'],
  ])('%#: %s.%s %j (%s) → %s', (meta, name, value, locale, lookup, shown) => {
    expect(formatValue(field(meta, name as string), value as never, lookup as string | undefined, { locale: locale as string })).toBe(shown);
  });

  it('reads a phone the extension wrote (+E.164) as the org writes its own: nationally for its country, internationally else', () => {
    const phone = field(contact, 'Phone');
    expect(formatValue(phone, '+14155550100', undefined, { region: 'US' })).toBe('(415) 555-0100');
    expect(formatValue(phone, '+33612345678', undefined, { region: 'US' })).toBe('+33 6 12 34 56 78');
    expect(formatValue(phone, '+33612345678', undefined, { region: 'FR' })).toBe('06 12 34 56 78');
    // Written by people (or not a number): exactly as stored.
    expect(formatValue(phone, '415.555.0100 ext 2', undefined, { region: 'US' })).toBe('415.555.0100 ext 2');
    expect(formatValue(phone, '+1 555', undefined, { region: 'US' })).toBe('+1 555');
  });

  it('says a checkbox in the agent\'s words, and an amount with the record\'s currency', () => {
    expect(formatValue(field(lead, 'IsUnreadByOwner'), true, undefined, { yes: 'Ja', no: 'Nein' })).toBe('Ja');
    const revenue = field(objectMeta('Account'), 'AnnualRevenue');
    expect(formatValue(revenue, 1250000, undefined, { locale: 'de-DE', currency: 'EUR' })).toBe('1.250.000\u00a0€');
    expect(formatValue(revenue, 1250000, undefined, { locale: 'en-US' })).toBe('1,250,000');
  });

  it('shows picklist labels, not API values', () => {
    const status = { ...field(lead, 'Status'), picklistValues: [{ value: 'Open - Not Contacted', label: 'Open (new)', index: 0 }] };
    expect(formatValue(status, 'Open - Not Contacted')).toBe('Open (new)');
    expect(formatValue(status, 'Retired value')).toBe('Retired value');
  });

  it('shows a date-time in the agent’s locale', () => {
    expect(formatValue(field(contact, 'CreatedDate'), '2026-03-04T05:06:00.000+0000', undefined, { locale: 'en-GB' })).toMatch(/4 Mar 2026/);
  });
});

describe('toControl', () => {
  it('fills date-time inputs in local time and leaves other values as they are', () => {
    const at = '2026-03-04T05:06:00.000Z';
    const local = new Date(at);
    const expected = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, '0')}-${String(local.getDate()).padStart(2, '0')}T${String(local.getHours()).padStart(2, '0')}:06`;
    expect(toControl(field(contact, 'CreatedDate'), at)).toBe(expected);
    expect(toControl(field(contact, 'Title'), null)).toBe('');
    expect(toControl(field(contact, 'Title'), 'CTO')).toBe('CTO');
  });
});

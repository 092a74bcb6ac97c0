import { describe, expect, it } from 'vitest';
import { editableInPlace, fieldProblem, fromControl } from '@/utils/mapping/validate';
import { fieldOf } from '@/utils/salesforce/describe';
import { objectMeta } from './fields';

const contact = objectMeta('Contact');
const lead = objectMeta('Lead');
const account = objectMeta('Account');
const field = (meta: typeof contact, name: string) => fieldOf(meta, name)!;

describe('fieldProblem (describe says no before Salesforce does)', () => {
  it.each([
    [contact, 'LastName', '', 'Required in Salesforce.'],
    [contact, 'LastName', null, 'Required in Salesforce.'],
    [contact, 'Title', 'x'.repeat(129), 'At most 128 characters (this has 129).'],
    [contact, 'Title', 'x'.repeat(128), null],
    [contact, 'Title', '', null],
    [contact, 'Email', 'not-an-email', 'Not a valid e-mail address.'],
    [contact, 'Email', 'ok@example.com', null],
    [contact, 'Birthdate', '1990-02-30x', 'Must be a date.'],
    [contact, 'Birthdate', '1990-02-03', null],
    [contact, 'LeadSource', 'Anything', null],
    [lead, 'NumberOfEmployees', 2.5, 'Must be a whole number.'],
    [lead, 'NumberOfEmployees', Number.NaN, 'Must be a number.'],
    [lead, 'NumberOfEmployees', 12, null],
    [account, 'AnnualRevenue', 1e20, 'At most 18 digits before the decimal point.'],
    [account, 'AnnualRevenue', 1500000.5, null],
    [lead, 'IsUnreadByOwner', 'yes', 'Must be yes or no.'],
    [lead, 'IsUnreadByOwner', null, null],
    [contact, 'Phone', '+1 (415) 555-0100 ☎️ \u202e', null],
  ])('%#: %s.%s = %j → %s', (meta, name, value, problem) => {
    expect(fieldProblem(field(meta, name as string), value as never)).toBe(problem);
  });

  it('refuses values outside a restricted picklist', () => {
    const status = { ...field(lead, 'Status'), restrictedPicklist: true };
    expect(fieldProblem(status, 'Open - Not Contacted')).toBeNull();
    expect(fieldProblem(status, 'Made up')).toBe('Choose one of the listed values.');
  });
});

describe('editableInPlace', () => {
  it('allows plain fields, not lookups, formulas, read-only or compound fields', () => {
    expect(['Title', 'Email', 'Birthdate', 'LeadSource', 'Phone'].every((n) => editableInPlace(field(contact, n)))).toBe(true);
    expect(['OwnerId', 'AccountId', 'Name', 'MailingAddress', 'CreatedDate', 'Id'].some((n) => editableInPlace(field(contact, n)))).toBe(false);
  });
});

describe('fromControl', () => {
  it('gives each type its JSON value', () => {
    expect(fromControl(field(lead, 'NumberOfEmployees'), '42')).toBe(42);
    expect(fromControl(field(lead, 'NumberOfEmployees'), ' ')).toBeNull();
    expect(fromControl(field(contact, 'Title'), '')).toBe('');
    expect(fromControl(field(contact, 'Birthdate'), '')).toBeNull();
    expect(fromControl(field(lead, 'IsUnreadByOwner'), true)).toBe(true);
    expect(fromControl(field(contact, 'EmailBouncedDate'), '2026-03-04T05:06')).toBe(new Date('2026-03-04T05:06').toISOString());
  });
});

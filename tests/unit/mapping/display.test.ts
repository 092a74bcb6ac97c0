import { describe, expect, it } from 'vitest';
import { DEFAULT_MAPPING } from '@/utils/mapping/defaults';
import { displayFields, displayPaths, recordValues } from '@/utils/mapping/display';
import { objectMeta } from './fields';

describe('displayFields', () => {
  it('shows the mapped "display in console" fields in the page layout order, with describe labels', () => {
    const fields = displayFields(objectMeta('Contact'), DEFAULT_MAPPING.Contact);
    expect(fields.map((f) => f.name)).toEqual(['OwnerId', 'Title', 'Department', 'Birthdate', 'LeadSource', 'Phone', 'MobilePhone', 'Email']);
    expect(fields.find((f) => f.name === 'MobilePhone')!.label).toBe('Mobile Phone');
    // The layout's name for a field wins over describe's ("Owner ID").
    expect(fields.find((f) => f.name === 'OwnerId')!.label).toBe('Contact Owner');
  });

  it('skips fields the org does not have and compound fields, and shows each field once', () => {
    const rows = [{ sfField: 'Nope__c', display: true }, { sfField: 'MailingAddress', display: true }, { sfField: 'email', display: true }, { sfField: 'Email', display: true }, { sfField: 'Phone' }];
    expect(displayFields(objectMeta('Contact'), rows).map((f) => f.name)).toEqual(['Email']);
    expect(displayFields(undefined, rows)).toEqual([]);
  });

  it('puts fields missing from the layout after it, in describe order', () => {
    const fields = displayFields(objectMeta('Contact'), [{ sfField: 'Jigsaw', display: true }, { sfField: 'Email', display: true }, { sfField: 'EmailBouncedReason', display: true }]);
    expect(fields.map((f) => f.name)).toEqual(['Email', 'EmailBouncedReason', 'Jigsaw']);
  });
});

describe('displayPaths and recordValues', () => {
  const fields = displayFields(objectMeta('Contact'), [{ sfField: 'OwnerId', display: true }, { sfField: 'Birthdate', display: true }, { sfField: 'Email', display: true }]);
  it('reads a lookup with the name of what it points to', () => {
    expect(displayPaths(fields, 'Account.')).toEqual(['Account.OwnerId', 'Account.Owner.Name', 'Account.Birthdate', 'Account.Email']);
  });
  it('keeps raw values, lookup names apart, and null for what is missing or not a value', () => {
    const record = { OwnerId: '005A', Owner: { Name: 'Ana Agent' }, Email: 'a@b.c', Birthdate: { nested: true } };
    expect(recordValues(record, fields)).toEqual({ values: { OwnerId: '005A', Birthdate: null, Email: 'a@b.c' }, names: { OwnerId: 'Ana Agent' } });
    expect(recordValues(null, fields).values).toEqual({ OwnerId: null, Birthdate: null, Email: null });
  });
});

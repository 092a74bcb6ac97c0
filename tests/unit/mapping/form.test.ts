import { describe, expect, it } from 'vitest';
import { formSections } from '@/utils/mapping/form';
import { objectMeta } from './fields';

describe('formSections (the org\'s own form)', () => {
  it('follows the layout: sections, tab order, name parts instead of Name, required marks, layout labels', () => {
    const sections = formSections(objectMeta('Lead'));
    expect(sections.map((s) => s.heading)).toEqual(['Lead Information', 'Address Information', 'Description Information']);
    const info = sections[0]!.fields;
    expect(info.slice(0, 5).map((f) => f.name)).toEqual(['OwnerId', 'Salutation', 'FirstName', 'LastName', 'Company']);
    expect(info.filter((f) => f.required).map((f) => f.name)).toEqual(['LastName', 'Company']);
    expect(info.find((f) => f.name === 'Status')!.label).toBe('Lead Status');
    expect(info.some((f) => f.name === 'Name')).toBe(false);
    expect(sections[1]!.fields.map((f) => f.name)).toEqual(['Street', 'City', 'State', 'PostalCode', 'Country']);
  });

  it('falls back to every createable field when the layout could not be read', () => {
    const meta = { ...objectMeta('Contact'), sections: [] };
    const [only] = formSections(meta);
    expect(only!.heading).toBe('Contact');
    expect(only!.fields.some((f) => f.name === 'LastName' && f.required)).toBe(true);
    expect(only!.fields.some((f) => f.name === 'CreatedDate' || f.name === 'Id' || f.name === 'MailingAddress')).toBe(false);
  });
});

describe('record types', () => {
  it('lists the ones a user can pick (not Master), the default first choice, and narrows picklists to each', async () => {
    const { recordTypeFor } = await import('@/utils/mapping/form');
    const meta = objectMeta('Case');
    expect(meta.recordTypes.map((r) => `${r.name}${r.default ? '*' : ''}`)).toEqual(['Support*', 'Billing']);
    const billing = meta.recordTypes.find((r) => r.name === 'Billing')!.id;
    expect(recordTypeFor(meta)).toBe(meta.recordTypes[0]!.id);
    expect(recordTypeFor(meta, billing)).toBe(billing);
    expect(recordTypeFor(meta, '012000000000000AAA')).toBe(meta.recordTypes[0]!.id);
    expect(recordTypeFor(objectMeta('Contact'))).toBeUndefined();
    const type = formSections(meta, billing).flatMap((s) => s.fields).find((f) => f.name === 'Type')!;
    expect(type.picklistValues.map((p) => p.value)).toEqual(['Other']);
    expect(formSections(meta, meta.recordTypes[0]!.id).flatMap((s) => s.fields).find((f) => f.name === 'Type')!.picklistValues).toHaveLength(5);
  });
});

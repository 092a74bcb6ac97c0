import { describe, expect, it } from 'vitest';
import { useOrg } from './helpers';

const org = useOrg();

type CompositeResponse = { compositeResponse: { body: unknown; httpStatusCode: number; referenceId: string }[] };
const composite = (body: object) => org.conn().requestPost<CompositeResponse>('/services/data/v62.0/composite', body);

describe('composite', () => {
  it('creates a contact and its case and task in one request, with references', async () => {
    const before = org.emulator.apiCalls().length;
    const result = await composite({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'contact', body: { LastName: 'New', Email: 'new@example.com' } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Case', referenceId: 'case', body: { Subject: 'Chat', ContactId: '@{contact.id}' } },
        { method: 'GET', url: "/services/data/v62.0/query?q=SELECT+Id+FROM+Contact+WHERE+Email='new@example.com'", referenceId: 'found' },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Task', referenceId: 'task', body: { Subject: 'Chat', WhoId: '@{found.records[0].Id}', WhatId: '@{case.id}' } },
      ],
    });
    expect(result.compositeResponse.map((r) => r.httpStatusCode)).toEqual([201, 201, 200, 201]);
    expect(org.emulator.apiCalls().length - before).toBe(1);
    const contact = org.emulator.records('Contact').find((c) => c.Email === 'new@example.com')!;
    expect(org.emulator.records('Case').find((c) => c.Subject === 'Chat')!.ContactId).toBe(contact.Id);
    expect(org.emulator.records('Task').find((t) => t.Subject === 'Chat')).toMatchObject({ WhoId: contact.Id });
  });

  it('allOrNone: one failure rolls everything back; the others say PROCESSING_HALTED, inside HTTP 200', async () => {
    const contacts = org.emulator.records('Contact').length;
    const result = await composite({
      allOrNone: true,
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'contact', body: { LastName: 'Rolled', Email: 'rolled@example.com' } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Case', referenceId: 'bad', body: { Subject: 'x', Status: 'x'.repeat(300) } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Task', referenceId: 'task', body: { Subject: 'x' } },
      ],
    });
    const [a, b, c] = result.compositeResponse;
    expect(a).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] });
    expect(b).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'STRING_TOO_LONG' }] });
    expect(c).toMatchObject({ httpStatusCode: 400, body: [{ errorCode: 'PROCESSING_HALTED' }] });
    expect(org.emulator.records('Contact')).toHaveLength(contacts);
  });

  it('without allOrNone keeps what succeeded and halts what depended on a failure', async () => {
    const result = await composite({
      compositeRequest: [
        { method: 'POST', url: '/services/data/v62.0/sobjects/Contact', referenceId: 'bad', body: { Email: 'x@example.com' } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Case', referenceId: 'case', body: { Subject: 'x', ContactId: '@{bad.id}' } },
        { method: 'POST', url: '/services/data/v62.0/sobjects/Lead', referenceId: 'lead', body: { LastName: 'Kept', Company: 'Co' } },
      ],
    });
    expect(result.compositeResponse.map((r) => r.httpStatusCode)).toEqual([400, 400, 201]);
    expect(result.compositeResponse[1]!.body).toMatchObject([{ errorCode: 'PROCESSING_HALTED' }]);
  });

  it('refuses more than 25 subrequests and bad reference ids', async () => {
    const many = Array.from({ length: 26 }, (_, i) => ({ method: 'GET', url: '/services/data/v62.0/limits', referenceId: `r${i}` }));
    await expect(composite({ compositeRequest: many })).rejects.toMatchObject({ errorCode: 'LIMIT_EXCEEDED' });
    await expect(composite({ compositeRequest: [{ method: 'GET', url: '/services/data/v62.0/limits', referenceId: '1-bad' }] })).rejects.toMatchObject({ errorCode: 'INVALID_INPUT' });
  });
});

describe('sObject Collections', () => {
  it('creates up to 200 records in one request, all or none', async () => {
    const conn = org.conn();
    const ok = await conn.requestPost<{ id: string; success: boolean }[]>('/services/data/v62.0/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Lead' }, LastName: 'One', Company: 'A' },
        { attributes: { type: 'Contact' }, LastName: 'Two' },
      ],
    });
    expect(ok.map((r) => r.success)).toEqual([true, true]);
    const leads = org.emulator.records('Lead').length;
    const failed = await conn.requestPost<{ success: boolean; errors: { statusCode: string; fields: string[] }[] }[]>('/services/data/v62.0/composite/sobjects', {
      allOrNone: true,
      records: [
        { attributes: { type: 'Lead' }, LastName: 'Three', Company: 'A' },
        { attributes: { type: 'Lead' }, LastName: 'Four' },
      ],
    });
    expect(failed[0]).toMatchObject({ success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK' }] });
    expect(failed[1]).toMatchObject({ success: false, errors: [{ statusCode: 'REQUIRED_FIELD_MISSING', fields: ['Company'] }] });
    expect(org.emulator.records('Lead')).toHaveLength(leads);
  });

  it('updates records by id', async () => {
    const id = org.emulator.records('Contact')[0]!.Id;
    const result = await org.conn().request<{ id: string; success: boolean }[]>({
      method: 'PATCH',
      url: '/services/data/v62.0/composite/sobjects',
      body: JSON.stringify({ records: [{ attributes: { type: 'Contact' }, Id: id, Title: 'Updated' }] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(result).toEqual([{ id, success: true, errors: [] }]);
    expect(org.emulator.records('Contact')[0]!.Title).toBe('Updated');
  });
});

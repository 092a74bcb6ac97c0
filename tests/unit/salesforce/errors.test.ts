import { describe, expect, it } from 'vitest';
import { ApiLimitError, SalesforceError, SessionExpiredError, UnreachableError, toSalesforceError } from '@/utils/salesforce/errors';

describe('toSalesforceError', () => {
  it.each([
    [{ errorCode: 'INVALID_SESSION_ID', message: 'Session expired or invalid' }, SessionExpiredError],
    [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }, ApiLimitError],
    [{ errorCode: 'ERROR_HTTP_503', message: 'Service Unavailable' }, UnreachableError],
    [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable' }, UnreachableError],
    [{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred' }, UnreachableError],
    [new TypeError('Failed to fetch'), UnreachableError],
    [{ errorCode: 'REQUIRED_FIELD_MISSING', message: 'Required fields are missing: [LastName]', data: { fields: ['LastName'] } }, SalesforceError],
  ])('%j', (raw, kind) => {
    const error = toSalesforceError(raw);
    expect(error).toBeInstanceOf(kind);
  });

  it('keeps the fields Salesforce named, so the panel can mark them', () => {
    const error = toSalesforceError({ errorCode: 'REQUIRED_FIELD_MISSING', message: 'Campos obrigatórios ausentes: [LastName]', data: { fields: ['LastName'] } });
    expect(error.code).toBe('REQUIRED_FIELD_MISSING');
    expect(error.fields).toEqual(['LastName']);
  });
});

/**
 * Named errors for everything Salesforce (or the way to it) can answer, so callers branch on
 * a class, never on a message (messages are translated into the user's language).
 */
export type ErrorDetail = { code: string; message: string; fields: string[] };

export class SalesforceError extends Error {
  override name = 'SalesforceError';
  /** Every error Salesforce listed (a save can fail on several fields at once). */
  readonly details: ErrorDetail[];
  /** Salesforce's error body as it came (a duplicate rule names the existing records there). */
  body?: unknown;
  constructor(readonly code: string, message: string, readonly fields: string[] = [], details?: ErrorDetail[]) {
    super(message);
    this.details = details ?? [{ code, message, fields }];
  }
}
/** The access token expired or was revoked: refresh, or ask the agent to reconnect. */
export class SessionExpiredError extends SalesforceError {
  override name = 'SessionExpiredError';
}
/** The org is over its daily API request limit (HTTP 403 REQUEST_LIMIT_EXCEEDED). */
export class ApiLimitError extends SalesforceError {
  override name = 'ApiLimitError';
}
/** No answer: network down, connection reset, DNS, or a 5xx from Salesforce. Worth a retry. */
export class UnreachableError extends SalesforceError {
  override name = 'UnreachableError';
}

const PASSING_CODES = new Set(['SERVER_UNAVAILABLE', 'UNKNOWN_EXCEPTION', 'REQUEST_RUNNING_TOO_LONG']);

type JsforceLikeError = { errorCode?: unknown; name?: unknown; message?: unknown; data?: unknown };

/** Turns whatever jsforce or fetch threw into one of the named errors above. */
export function toSalesforceError(error: unknown): SalesforceError {
  if (error instanceof SalesforceError) return error;
  const e = (error ?? {}) as JsforceLikeError;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const code = typeof e.errorCode === 'string' ? e.errorCode : '';
  if (code === 'INVALID_SESSION_ID') return new SessionExpiredError(code, message);
  if (code === 'REQUEST_LIMIT_EXCEEDED') return new ApiLimitError(code, message);
  // Salesforce's own words for a server that failed or is down: passing, worth a retry.
  if (!code || /^ERROR_HTTP_5\d\d$/.test(code) || PASSING_CODES.has(code) || e.name === 'TypeError') {
    return new UnreachableError(code || 'UNREACHABLE', message);
  }
  const detail = (d: unknown): ErrorDetail => {
    const x = (d ?? {}) as { errorCode?: unknown; message?: unknown; fields?: unknown };
    return {
      code: typeof x.errorCode === 'string' ? x.errorCode : code,
      message: typeof x.message === 'string' ? x.message : message,
      fields: Array.isArray(x.fields) ? x.fields.filter((f): f is string => typeof f === 'string') : [],
    };
  };
  // jsforce puts one error's body in `data`, or all of them as an array (MULTIPLE_API_ERRORS).
  const details = Array.isArray(e.data) ? e.data.map(detail) : [detail(e.data)];
  const first = details[0]!;
  const named = new SalesforceError(Array.isArray(e.data) ? first.code : code, Array.isArray(e.data) ? first.message : message, details.flatMap((d) => d.fields), details);
  named.body = e.data;
  return named;
}

export type FailureKind = 'session_expired' | 'over_limit' | 'unreachable' | 'salesforce';

/** What kind of failure it is, for the words and the remedy the agent is shown. */
export function failureKind(error: SalesforceError): FailureKind {
  if (error instanceof SessionExpiredError) return 'session_expired';
  if (error instanceof ApiLimitError) return 'over_limit';
  if (error instanceof UnreachableError) return 'unreachable';
  return 'salesforce';
}

/**
 * A refusal as the panel shows it: Salesforce's words on each field it names (validation rules,
 * duplicates, triggers), and the rest as one message. `known` limits the fields to those on screen.
 */
export function fieldMessages(error: SalesforceError, known: (field: string) => boolean = () => true): { fields: Record<string, string>; message?: string } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const d of error.details) {
    const named = d.fields.filter(known);
    if (named.length) for (const f of named) fields[f] = d.message;
    else general.push(d.message);
  }
  return general.length ? { fields, message: general.join(' ') } : { fields };
}

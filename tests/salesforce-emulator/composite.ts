/**
 * Composite (`/composite`: up to 25 subrequests, references between them, allOrNone) and
 * sObject Collections (`/composite/sobjects`: up to 200 records, allOrNone), answering
 * failures the way Salesforce does: inside an HTTP 200, per subrequest or per record.
 */
import { ApiError } from './errors';
import { allowSave as allowSaveOf, dispatch, matchExternalId, type ApiRequest, type RestState } from './rest';

type SubRequest = { method?: unknown; url?: unknown; referenceId?: unknown; body?: unknown; httpHeaders?: unknown };
type SubResponse = { body: unknown; httpHeaders: Record<string, string>; httpStatusCode: number; referenceId: string };

const HALTED = 'The transaction was rolled back since another operation in the same transaction failed.';
const REFERENCE = /@\{([A-Za-z0-9_]+)((?:\.[A-Za-z0-9_]+|\[\d+\])*)\}/g;

class UnresolvedReference extends Error {}

function follow(value: unknown, path: string): unknown {
  let current = value;
  for (const step of path.match(/\.[A-Za-z0-9_]+|\[\d+\]/g) ?? []) {
    if (current === null || typeof current !== 'object') return undefined;
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

function resolve(value: unknown, refs: Map<string, unknown>): unknown {
  if (typeof value === 'string') {
    return value.replace(REFERENCE, (whole, ref: string, path: string) => {
      if (!refs.has(ref)) throw new UnresolvedReference(`Invalid reference specified. No value for ${ref}${path} found in ${ref}. Provided referenceId ('${ref}') may be invalid or the subrequest may have failed.`);
      const found = follow(refs.get(ref), path);
      if (found === undefined || found === null || typeof found === 'object') {
        throw new UnresolvedReference(`Invalid reference specified. No value for ${ref}${path} found in ${ref}.`);
      }
      return String(found);
    });
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, refs));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, refs)]));
  return value;
}

function lowerKeys(headers: unknown): Record<string, string> {
  if (!headers || typeof headers !== 'object') return {};
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
}

export function runComposite(state: RestState, req: ApiRequest, version: string): { compositeResponse: SubResponse[] } {
  const body = req.body as { allOrNone?: unknown; compositeRequest?: unknown } | null;
  const subs = body?.compositeRequest;
  if (!Array.isArray(subs) || subs.length === 0) throw ApiError.of(400, 'JSON_PARSER_ERROR', 'compositeRequest is required and must be a non-empty array');
  if (subs.length > 25) throw ApiError.of(400, 'LIMIT_EXCEEDED', 'Maximum number of subrequests exceeded: 25');
  const ids = new Set<string>();
  for (const sub of subs as SubRequest[]) {
    if (typeof sub.referenceId !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(sub.referenceId)) {
      throw ApiError.of(400, 'INVALID_INPUT', `Invalid referenceId: ${String(sub.referenceId).slice(0, 80)}. A referenceId must start with a letter and contain only letters, numbers and underscores.`);
    }
    if (ids.has(sub.referenceId)) throw ApiError.of(400, 'INVALID_INPUT', `Duplicate referenceId provided in the request: ${sub.referenceId}`);
    ids.add(sub.referenceId);
  }
  const allOrNone = body?.allOrNone === true;
  const snapshot = allOrNone ? state.org.snapshot() : null;
  const refs = new Map<string, unknown>();
  const out: SubResponse[] = [];
  let failedAt = -1;
  for (const [index, sub] of (subs as SubRequest[]).entries()) {
    const referenceId = sub.referenceId as string;
    try {
      const url = resolve(String(sub.url ?? ''), refs) as string;
      if (!url.startsWith('/services/data/')) throw ApiError.of(400, 'INVALID_INPUT', `The composite subrequest URL must start with /services/data/: ${url.slice(0, 100)}`);
      const res = dispatch(state, { method: String(sub.method ?? 'GET'), url, body: resolve(sub.body ?? null, refs), headers: { ...lowerKeys(sub.httpHeaders) }, userId: req.userId });
      refs.set(referenceId, res.body);
      out.push({ body: res.body ?? null, httpHeaders: res.headers ?? {}, httpStatusCode: res.status, referenceId });
    } catch (error) {
      const failure = error instanceof UnresolvedReference
        ? { status: 400, errors: [{ errorCode: 'PROCESSING_HALTED', message: error.message }] }
        : error instanceof ApiError
          ? { status: error.status, errors: error.errors }
          : { status: 500, errors: [{ errorCode: 'UNKNOWN_EXCEPTION', message: String(error) }] };
      out.push({ body: failure.errors, httpHeaders: {}, httpStatusCode: failure.status, referenceId });
      if (allOrNone) {
        failedAt = index;
        break;
      }
    }
  }
  if (failedAt >= 0 && snapshot) {
    state.org.restore(snapshot);
    const halted = (referenceId: string): SubResponse => ({ body: [{ errorCode: 'PROCESSING_HALTED', message: HALTED }], httpHeaders: {}, httpStatusCode: 400, referenceId });
    return {
      compositeResponse: (subs as SubRequest[]).map((sub, i) => (i === failedAt ? out[i]! : halted(sub.referenceId as string))),
    };
  }
  return { compositeResponse: out };
}

type CollectionResult = { id?: string | null; success: boolean; errors: { statusCode: string; message: string; fields: string[] }[]; created?: boolean };

/** One record of an upsert collection: by Id (null creates) or by an external id field's value. */
function upsertOne(state: RestState, req: ApiRequest, key: { type: string; field: string }, raw: Record<string, unknown>, allowSave: boolean): CollectionResult {
  const { attributes: _ignored, ...fields } = raw;
  const options = { userId: req.userId, allowSave };
  const value = fields[key.field] ?? Object.entries(fields).find(([k]) => k.toLowerCase() === key.field.toLowerCase())?.[1];
  if (value === null || value === undefined || value === '') {
    if (key.field.toLowerCase() !== 'id') throw ApiError.of(400, 'MISSING_ARGUMENT', `${key.field} not specified`);
    const { Id: _id, ...rest } = fields;
    return { id: state.org.create(key.type, rest, options).Id, success: true, errors: [], created: true };
  }
  const matches = matchExternalId(state.org, key.type, key.field, String(value));
  if (matches.length > 1) throw ApiError.of(400, 'DUPLICATE_EXTERNAL_ID', `${key.field}: more than one record found for external id field: [${matches.map((m) => m.Id).join(', ')}]`);
  if (matches[0]) {
    state.org.update(key.type, matches[0].Id, fields, options);
    return { id: matches[0].Id, success: true, errors: [], created: false };
  }
  if (key.field.toLowerCase() === 'id') throw ApiError.of(404, 'NOT_FOUND', 'The requested resource does not exist');
  return { id: state.org.create(key.type, fields, options).Id, success: true, errors: [], created: true };
}

/**
 * sObject Collections: POST creates, PATCH updates by Id, UPSERT (`PATCH
 * composite/sobjects/{T}/{field}`) upserts by Id or an external id. Failures are answered per
 * record inside the 200; collection errors always carry `fields`.
 */
export function runCollections(state: RestState, req: ApiRequest, method: 'POST' | 'PATCH' | 'UPSERT' | string, key?: { type: string; field: string }): CollectionResult[] {
  const body = req.body as { allOrNone?: unknown; records?: unknown } | null;
  const records = body?.records;
  if (!Array.isArray(records) || records.length === 0) throw ApiError.of(400, 'JSON_PARSER_ERROR', 'records is required and must be a non-empty array');
  if (records.length > 200) throw ApiError.of(400, 'EXCEEDED_ID_LIMIT', 'record limit reached. cannot submit more than 200 records into this call');
  // An unknown object, or a field that is no external id, refuses the whole request (404), as Salesforce does.
  if (key) matchExternalId(state.org, key.type, key.field, '');
  const allOrNone = body?.allOrNone === true;
  const snapshot = allOrNone ? state.org.snapshot() : null;
  const allowSave = allowSaveOf(req);
  const results: CollectionResult[] = records.map((raw: Record<string, unknown>) => {
    const type = (raw?.attributes as { type?: unknown } | undefined)?.type;
    const id = typeof raw?.Id === 'string' ? raw.Id : undefined;
    try {
      if (typeof type !== 'string') throw ApiError.of(400, 'INVALID_TYPE', 'Must specify a type in the attributes of each record');
      if (key) return upsertOne(state, req, { type, field: key.field }, raw, allowSave);
      if (method === 'POST') {
        if (id) throw ApiError.of(400, 'INVALID_FIELD', 'cannot specify Id in an insert call', ['Id']);
        const { attributes: _ignored, ...fields } = raw;
        return { id: state.org.create(type, fields, { userId: req.userId, allowSave }).Id, success: true, errors: [] };
      }
      if (!id) throw ApiError.of(400, 'MISSING_ARGUMENT', 'Id not specified in an update call', ['Id']);
      const { attributes: _ignored, Id: _id, ...fields } = raw;
      state.org.update(type, id, fields, { userId: req.userId, allowSave });
      return { id, success: true, errors: [] };
    } catch (error) {
      const errors = error instanceof ApiError
        ? error.errors.map((e) => ({ statusCode: e.errorCode, message: e.message, fields: e.fields ?? [], ...(e.duplicateResut ? { duplicateResut: e.duplicateResut } : {}) }))
        : [{ statusCode: 'UNKNOWN_EXCEPTION', message: String(error), fields: [] }];
      return method === 'POST' ? { success: false, errors } : { id: id ?? null, success: false, errors };
    }
  });
  if (snapshot && results.some((r) => !r.success)) {
    state.org.restore(snapshot);
    return results.map((r) =>
      r.success
        ? { ...(method === 'POST' ? {} : { id: r.id }), success: false, errors: [{ statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK', message: 'Record rolled back because not all records were valid and the request was using AllOrNone header', fields: [] }] }
        : r,
    );
  }
  return results;
}

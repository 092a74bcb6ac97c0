/**
 * The REST API under /services/data: versions, resources, describes and layouts (with 304
 * revalidation), record CRUD, query/queryAll with paging, search, composite, sObject
 * Collections and limits. `dispatch` is also what composite uses for its subrequests.
 */
import { createHash } from 'node:crypto';
import { runComposite, runCollections } from './composite';
import { ApiError, notFound } from './errors';
import { normalizeId } from './ids';
import type { Org, SRecord } from './org';
import { attributes, runQuery, type QueryResult } from './soql';
import { runSearch } from './sosl';

export type ApiRequest = {
  method: string;
  /** Path and query, e.g. `/services/data/v62.0/query?q=...` */
  url: string;
  body: unknown;
  headers: Record<string, string | undefined>;
  userId: string;
};
export type ApiResponse = { status: number; body?: unknown; headers?: Record<string, string> };

export type Usage = { used: number; max: number };

/** State the REST layer keeps between requests: query cursors, the org's daily usage, when its metadata changed. */
export class RestState {
  readonly cursors = new Map<string, { records: Record<string, unknown>[]; batch: number }>();
  private cursorSeq = 1;
  /** The org's metadata last changed when the org was made, or when a setting changed it since. */
  lastModified = httpDate(Date.now());

  constructor(readonly org: Org, readonly usage: Usage) {}

  /** A query locator: it can be read again (as Salesforce's can) until many newer ones push it out. */
  cursor(records: Record<string, unknown>[], batch: number): string {
    const id = `01g5g00000${String(this.cursorSeq++).padStart(5, '0')}AAA`;
    this.cursors.set(id, { records, batch });
    if (this.cursors.size > 500) this.cursors.delete(this.cursors.keys().next().value!);
    return id;
  }

  metadataChanged(): void {
    this.lastModified = httpDate(Date.now());
  }
}

/** An HTTP date, to the second (what Last-Modified and If-Modified-Since carry). */
const httpDate = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toUTCString();

/** The keys of a real org's `/limits` (API v62), each `{Max, Remaining}`. */
const LIMIT_KEYS = [
  'ActiveScratchOrgs', 'AnalyticsExternalDataSizeMB', 'ConcurrentAsyncGetReportInstances', 'ConcurrentEinsteinDataInsightsStoryCreation',
  'ConcurrentEinsteinDiscoveryStoryCreation', 'ConcurrentSyncReportRuns', 'DailyAnalyticsDataflowJobExecutions', 'DailyAnalyticsUploadedFilesSizeMB',
  'DailyApiRequests', 'DailyAsyncApexExecutions', 'DailyAsyncApexTests', 'DailyBulkApiBatches', 'DailyBulkV2QueryFileStorageMB', 'DailyBulkV2QueryJobs',
  'DailyDeliveredPlatformEvents', 'DailyDurableGenericStreamingApiEvents', 'DailyDurableStreamingApiEvents', 'DailyEinsteinDataInsightsStoryCreation',
  'DailyEinsteinDiscoveryPredictAPICalls', 'DailyEinsteinDiscoveryPredictionsByCDC', 'DailyEinsteinDiscoveryStoryCreation', 'DailyFunctionsApiCallLimit',
  'DailyGenericStreamingApiEvents', 'DailyScratchOrgs', 'DailyStandardVolumePlatformEvents', 'DailyStreamingApiEvents', 'DailyWorkflowEmails',
  'DataStorageMB', 'DurableStreamingApiConcurrentClients', 'FileStorageMB', 'HourlyAsyncReportRuns', 'HourlyDashboardRefreshes', 'HourlyDashboardResults',
  'HourlyDashboardStatuses', 'HourlyLongTermIdMapping', 'HourlyManagedContentPublicRequests', 'HourlyODataCallout', 'HourlyPublishedPlatformEvents',
  'HourlyPublishedStandardVolumePlatformEvents', 'HourlyShortTermIdMapping', 'HourlySyncReportRuns', 'HourlyTimeBasedWorkflow', 'MassEmail',
  'MonthlyEinsteinDiscoveryStoryCreation', 'MonthlyPlatformEventsUsageEntitlement', 'Package2VersionCreates', 'Package2VersionCreatesWithoutValidation',
  'PermissionSets', 'PrivateConnectOutboundCalloutHourlyLimitMB', 'PublishCallbackUsageInApex', 'SingleEmail', 'StreamingApiConcurrentClients',
];

function limits(usage: Usage): Record<string, { Max: number; Remaining: number }> {
  const out = Object.fromEntries(LIMIT_KEYS.map((k) => [k, { Max: 15000, Remaining: 15000 }]));
  out.DailyApiRequests = { Max: usage.max, Remaining: Math.max(0, usage.max - usage.used) };
  out.DataStorageMB = { Max: 5, Remaining: 4 };
  return out;
}

/** `limits/recordCount`: the objects asked for (all when none) that have records, with their counts. */
function recordCount(org: Org, asked: string | null): { sObjects: { count: number; name: string }[] } {
  const names = asked ? asked.split(',').map((n) => n.trim()).filter((n) => org.metadata.has(n.toLowerCase())) : [...org.records.keys()];
  const sObjects = names.map((n) => org.object(n).name).map((name) => ({ count: [...org.table(name).values()].filter((r) => !r.IsDeleted).length, name }));
  return { sObjects: asked ? sObjects : sObjects.filter((s) => s.count > 0) };
}

/** The keys each entry of the global describe carries, from the object's describe where it has them. */
const GLOBAL_KEYS: [string, unknown][] = [
  ['activateable', false], ['associateEntityType', null], ['associateParentEntity', null], ['createable', true], ['custom', false], ['customSetting', false],
  ['deepCloneable', false], ['deletable', true], ['deprecatedAndHidden', false], ['feedEnabled', false], ['hasSubtypes', false], ['isInterface', false],
  ['isSubtype', false], ['keyPrefix', null], ['label', ''], ['labelPlural', ''], ['layoutable', true], ['mergeable', false], ['mruEnabled', false],
  ['name', ''], ['queryable', true], ['replicateable', true], ['retrieveable', true], ['searchable', true], ['triggerable', true], ['undeletable', false],
  ['updateable', true], ['urls', {}],
];

const VERSIONS = ['58.0', '59.0', '60.0', '61.0', '62.0', '63.0'];
const json = (status: number, body: unknown, headers?: Record<string, string>): ApiResponse => ({ status, body, headers });

function withVersion<T>(body: T, version: string): T {
  return JSON.parse(JSON.stringify(body).replace(/\/services\/data\/v(?:xx|\d+)\.0\//g, `/services/data/v${version}/`));
}

function etagOf(body: unknown): string {
  return `"${createHash('sha1').update(JSON.stringify(body)).digest('hex').slice(0, 20)}--gzip"`;
}

/** Describe-like bodies answer conditional requests with 304, as Salesforce does. */
function cacheable(state: RestState, req: ApiRequest, body: unknown): ApiResponse {
  const etag = etagOf(body);
  const headers = { ETag: etag, 'Last-Modified': state.lastModified };
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  if ((inm && inm.split(',').map((s) => s.trim()).includes(etag)) || (!inm && ims && Date.parse(ims) >= Date.parse(state.lastModified))) {
    return { status: 304, headers };
  }
  return json(200, body, headers);
}

function pageOf(state: RestState, records: Record<string, unknown>[], batch: number, version: string): QueryResult & { nextRecordsUrl?: string } {
  if (records.length <= batch) return { totalSize: records.length, done: true, records };
  const rest = records.slice(batch);
  const cursor = state.cursor(rest, batch);
  return {
    totalSize: records.length,
    done: false,
    nextRecordsUrl: `/services/data/v${version}/query/${cursor}-${batch}`,
    records: records.slice(0, batch),
  };
}

function batchSize(req: ApiRequest): number {
  const m = /batchSize=(\d+)/i.exec(req.headers['sforce-query-options'] ?? '');
  return m ? Math.min(2000, Math.max(200, Number(m[1]))) : 2000;
}

function readRecord(org: Org, type: string, id: string, fields: string | null, version: string): Record<string, unknown> {
  const describe = org.object(type);
  const record = org.get(describe.name, id);
  const names = fields
    ? fields.split(',').map((f) => {
        const field = org.field(describe.name, f.trim());
        if (!field) throw ApiError.of(400, 'INVALID_FIELD', `No such column '${f.trim()}' on entity '${describe.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`);
        return field.name;
      })
    : describe.fields.map((f) => f.name);
  const out: Record<string, unknown> = { attributes: attributes(describe.name, record.Id, version) };
  for (const name of names) out[name] = record[name] ?? null;
  return out;
}

/** Whether the request says to save despite an alerting duplicate rule (Sforce-Duplicate-Rule-Header). */
export function allowSave(req: ApiRequest): boolean {
  return /allowSave\s*=\s*true/i.test(req.headers['sforce-duplicate-rule-header'] ?? '');
}

/** Handles one API request. Throws ApiError for Salesforce errors. */
export function dispatch(state: RestState, req: ApiRequest): ApiResponse {
  const url = new URL(req.url, 'http://emulator');
  const path = url.pathname.replace(/\/+$/, '');
  const { org } = state;
  if (path === '/services/data') {
    return json(200, VERSIONS.map((v) => ({ label: `API ${v}`, url: `/services/data/v${v}`, version: v })));
  }
  const m = /^\/services\/data\/v(\d+\.\d)(?:\/(.*))?$/.exec(path);
  if (!m) throw notFound();
  const version = m[1]!;
  const parts = (m[2] ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  const [resource, a, b, c, d] = parts;
  const method = req.method.toUpperCase();
  const base = `/services/data/v${version}`;

  if (!resource) {
    return json(200, Object.fromEntries(['sobjects', 'query', 'queryAll', 'search', 'composite', 'limits'].map((r) => [r, `${base}/${r}`])));
  }
  if (resource === 'limits' && method === 'GET') {
    if (!a) return json(200, limits(state.usage));
    if (a === 'recordCount' && !b) return json(200, recordCount(org, url.searchParams.get('sObjects')));
    throw notFound();
  }
  if ((resource === 'query' || resource === 'queryAll') && method === 'GET') {
    if (a) {
      const cursorId = a.split('-')[0] ?? '';
      const cursor = state.cursors.get(cursorId);
      if (!cursor) throw ApiError.of(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return json(200, pageOf(state, cursor.records, cursor.batch, version));
    }
    const q = url.searchParams.get('q');
    if (!q) throw ApiError.of(400, 'MALFORMED_QUERY', 'A query string has to be specified');
    const result = runQuery(org, q, { all: resource === 'queryAll', version });
    // COUNT() has a totalSize and no records: nothing to page.
    if (!result.records.length) return json(200, result);
    return json(200, pageOf(state, result.records, batchSize(req), version));
  }
  if (resource === 'search' && method === 'GET') {
    const q = url.searchParams.get('q');
    if (!q) throw ApiError.of(400, 'MALFORMED_SEARCH', 'A search string has to be specified');
    return json(200, runSearch(org, q, version));
  }
  if (resource === 'composite') {
    if (!a && method === 'POST') return json(200, runComposite(state, req, version));
    if (a === 'sobjects' && !b && (method === 'POST' || method === 'PATCH')) return json(200, runCollections(state, req, method));
    if (a === 'sobjects' && b && c && !d && method === 'PATCH') return json(200, runCollections(state, req, 'UPSERT', { type: b, field: c }));
    throw notFound();
  }
  if (resource !== 'sobjects') throw notFound();

  if (!a) {
    if (method !== 'GET') throw ApiError.of(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET`);
    const sobjects = [...org.metadata.values()].map(({ describe }) => {
      const x = describe as unknown as Record<string, unknown>;
      // The global describe leaves out the describe's UI template links.
      const urls = Object.fromEntries(Object.entries((x.urls ?? {}) as Record<string, string>).filter(([k]) => !/^ui[A-Z]|^defaultValues$/.test(k)));
      return Object.fromEntries(GLOBAL_KEYS.map(([k, fallback]) => [k, k === 'urls' ? withVersion(urls, version) : x[k] ?? fallback]));
    });
    return cacheable(state, req, { encoding: 'UTF-8', maxBatchSize: 200, sobjects });
  }
  const meta = org.metadata.get(a.toLowerCase());
  if (!meta) throw notFound();
  const type = meta.describe.name;

  if (b === 'describe') {
    if (method !== 'GET') throw notFound();
    if (!c) return cacheable(state, req, withVersion(meta.describe, version));
    if (c === 'layouts') {
      const layouts = withVersion(meta.layouts, version) as { layouts?: unknown[]; recordTypeMappings?: { recordTypeId: string; layoutId: string }[] };
      if (!d) return cacheable(state, req, layouts);
      const mapping = layouts.recordTypeMappings?.find((r) => r.recordTypeId.slice(0, 15) === d.slice(0, 15));
      const layout = mapping && (layouts.layouts as { id: string }[] | undefined)?.find((l) => l.id === mapping.layoutId);
      if (!layout) throw notFound();
      return cacheable(state, req, layout);
    }
    throw notFound();
  }
  if (!b) {
    if (method === 'GET') {
      const recent = [...org.table(type).values()].filter((r) => !r.IsDeleted).slice(-5).map((r) => ({ attributes: attributes(type, r.Id, version), Id: r.Id, Name: r.Name ?? r.Subject ?? null }));
      return json(200, { objectDescribe: { name: type, label: meta.describe.label, keyPrefix: meta.describe.keyPrefix, urls: withVersion(meta.describe.urls, version) }, recentItems: recent });
    }
    if (method === 'POST') {
      const record = org.create(type, req.body as Record<string, unknown>, { userId: req.userId, allowSave: allowSave(req) });
      return json(201, { id: record.Id, success: true, errors: [] }, { Location: `${base}/sobjects/${type}/${record.Id}` });
    }
    throw ApiError.of(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,HEAD,POST`);
  }
  if (c !== undefined) return byExternalId(state, req, { type, field: b, value: c, version, fields: url.searchParams.get('fields') });
  if (!normalizeId(b)) {
    // Salesforce treats an unknown segment here as an external id field name.
    if (method === 'GET' || method === 'PATCH' || method === 'DELETE') throw ApiError.of(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${b}`);
    throw ApiError.of(400, 'MALFORMED_ID', `${type} ID: id value of incorrect type: ${b}`, ['Id']);
  }
  switch (method) {
    case 'GET':
      return readWithLastModified(org, req, type, b, url.searchParams.get('fields'), version);
    case 'PATCH':
      org.update(type, b, req.body as Record<string, unknown>, { userId: req.userId, allowSave: allowSave(req) });
      return { status: 204 };
    case 'DELETE':
      org.delete(type, b);
      return { status: 204 };
  }
  throw ApiError.of(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,HEAD,PATCH,DELETE`);
}

/** A record GET carries its Last-Modified and answers If-Modified-Since with 304, as Salesforce does. */
function readWithLastModified(org: Org, req: ApiRequest, type: string, id: string, fields: string | null, version: string): ApiResponse {
  const modified = String(org.get(type, id).LastModifiedDate ?? '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const lastModified = Number.isNaN(Date.parse(modified)) ? undefined : httpDate(Date.parse(modified));
  const headers: Record<string, string> = lastModified ? { 'Last-Modified': lastModified } : {};
  const since = req.headers['if-modified-since'];
  if (lastModified && since && Date.parse(since) >= Date.parse(lastModified)) return { status: 304, headers };
  return json(200, readRecord(org, type, id, fields, version), headers);
}

/** The records of `type` whose external id (or idLookup) field equals the value. */
export function matchExternalId(org: Org, type: string, fieldName: string, value: string): SRecord[] {
  const field = org.field(type, fieldName);
  if (!field || !(field.externalId || field.idLookup)) throw ApiError.of(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${fieldName}`);
  if (field.name === 'Id') {
    const found = org.find(value);
    return found && !found.IsDeleted && org.typeOfId(found.Id) === org.object(type).name ? [found] : [];
  }
  return org.lookup(org.object(type).name, field.name, value).filter((r) => !r.IsDeleted);
}

/**
 * `sobjects/{T}/{field}/{value}`: read, upsert or delete by an external id. Upsert creates
 * (201, `created: true`) when nothing matches, updates (200 since v46, 204 before) when one
 * does, and answers 300 with the matching records' URLs when several do.
 */
function byExternalId(state: RestState, req: ApiRequest, target: { type: string; field: string; value: string; version: string; fields: string | null }): ApiResponse {
  const { org } = state;
  const { type, value, version } = target;
  const method = req.method.toUpperCase();
  const matches = matchExternalId(org, type, target.field, value);
  const field = org.field(type, target.field)!.name;
  if (matches.length > 1) return json(300, matches.map((r) => `/services/data/v${version}/sobjects/${type}/${r.Id}`));
  const [match] = matches;
  const options = { userId: req.userId, allowSave: allowSave(req) };
  switch (method) {
    case 'GET':
      if (!match) throw notFound();
      return json(200, readRecord(org, type, match.Id, target.fields, version));
    case 'DELETE':
      if (!match) throw notFound();
      org.delete(type, match.Id);
      return { status: 204 };
    case 'PATCH': {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (match) {
        org.update(type, match.Id, body, options);
        return Number(version) >= 46 ? json(200, { id: match.Id, success: true, errors: [], created: false }) : { status: 204 };
      }
      if (field === 'Id') throw notFound();
      const record = org.create(type, { ...body, [field]: value }, options);
      return json(201, { id: record.Id, success: true, errors: [], ...(Number(version) >= 46 ? { created: true } : {}) }, { Location: `/services/data/v${version}/sobjects/${type}/${record.Id}` });
    }
  }
  throw ApiError.of(405, 'METHOD_NOT_ALLOWED', `HTTP Method '${method}' not allowed. Allowed are GET,HEAD,PATCH,DELETE`);
}

export type { SRecord };

import { Connection } from 'jsforce';
import { API_VERSION } from './version';
import { SessionExpiredError, toSalesforceError } from './errors';
import type { SalesforceSession } from './session';
import { fetchTransport, TIMEOUT_MS, type RequestKind } from './transport';

export type ApiUsage = { used: number; max: number };
export type SubRequest = { method: string; url: string; referenceId: string; body?: unknown; httpHeaders?: Record<string, string> };
export type SubResponse = { referenceId: string; httpStatusCode: number; body: unknown; httpHeaders?: Record<string, string> };
/** Salesforce's limit on subrequests in one composite request. */
export const COMPOSITE_LIMIT = 25;

/**
 * Retries are ours (the outbox, with backoff that survives the worker stopping). jsforce's Node
 * build would retry by itself; its browser build does not. Turn it off so both behave the same.
 * Our transport: every request settles, within a time limit by kind (transport.ts).
 */
const options = (kind: RequestKind, timeouts: Record<RequestKind, number>) => ({ retry: { maxRetries: 0 }, transport: fetchTransport(kind, timeouts) });
// A new object per request: jsforce writes Authorization and Content-Length into the headers it is given.
const jsonHeaders = () => ({ 'content-type': 'application/json' });
const fresh = <R extends { headers?: Record<string, string> }>(request: R): R => ({ ...request, headers: { ...request.headers } });

/** Gets a fresh session when Salesforce says the access token expired (utils/salesforce/auth.ts). */
/** A new session; `stale`: the access token Salesforce refused (another request may have renewed it already). */
export type Refresh = (stale?: string) => Promise<SalesforceSession>;
/** Hears of every request sent, and of the org's daily allowance when an answer names it (the API budget). */
export type Meter = { count: (org: string) => unknown; limit: (org: string, max: number) => unknown };

/** A write is a request that changes the org: its timeout is longer, and no answer means "maybe written". */
type Request = { method: 'GET' | 'POST' | 'PATCH'; url: string; body?: string; headers?: Record<string, string>; kind?: RequestKind };

/**
 * The one Salesforce client. It is rebuilt from the stored session whenever the worker wakes
 * (Chrome stops idle workers), pins the API version and reports failures as named errors. On
 * 401 it refreshes the access token once and repeats the request (nothing ran the first time).
 */
export class SalesforceClient {
  private conn: Connection;

  constructor(public session: SalesforceSession, private readonly refresh?: Refresh, private readonly meter?: Meter, private readonly timeouts: Record<RequestKind, number> = TIMEOUT_MS) {
    this.conn = SalesforceClient.connect(session);
  }

  private static connect(session: SalesforceSession): Connection {
    return new Connection({ instanceUrl: session.instanceUrl, accessToken: session.accessToken, version: API_VERSION });
  }

  /** API usage from the last Sforce-Limit-Info header seen, if any. */
  get usage(): ApiUsage | null {
    const usage = this.conn.limitInfo?.apiUsage;
    return usage ? { used: usage.used, max: usage.limit } : null;
  }

  private async request<T>(request: Request): Promise<T> {
    // After a browser restart storage.session is empty: the first request gets a new access token.
    if (!this.session.accessToken && this.refresh) await this.renew();
    try {
      return await this.send<T>(request);
    } catch (raw) {
      const error = toSalesforceError(raw);
      if (!(error instanceof SessionExpiredError) || !this.refresh) throw error;
    }
    await this.renew();
    try {
      return await this.send<T>(request);
    } catch (raw) {
      throw toSalesforceError(raw);
    }
  }

  private async send<T>(request: Request): Promise<T> {
    const org = this.session.instanceUrl;
    this.meter?.count(org);
    try {
      const { kind, ...rest } = request;
      return await this.conn.request<T>(fresh(rest), options(kind ?? (rest.method === 'GET' ? 'read' : 'write'), this.timeouts) as never);
    } finally {
      const usage = this.usage;
      if (usage?.max) this.meter?.limit(org, usage.max);
    }
  }

  private async renew(): Promise<void> {
    this.session = await this.refresh!(this.session.accessToken || undefined);
    this.conn = SalesforceClient.connect(this.session);
  }

  async get<T>(path: string): Promise<T> {
    return this.request<T>({ method: 'GET', url: path });
  }

  /** Updates one record's fields (PATCH sobjects/Type/Id): one request. */
  async update(type: string, id: string, values: Record<string, unknown>): Promise<void> {
    await this.request({ method: 'PATCH', url: `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(type)}/${encodeURIComponent(id)}`, body: JSON.stringify(values), headers: jsonHeaders() });
  }

  /** Creates one record (POST sobjects/Type): one request; its new id. */
  async create(type: string, values: Record<string, unknown>): Promise<string> {
    const result = await this.request<{ id: string }>({ method: 'POST', url: `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(type)}`, body: JSON.stringify(values), headers: jsonHeaders() });
    return result.id;
  }

  /** One SOSL search (GET search?q=…). */
  async search(sosl: string): Promise<Record<string, unknown>[]> {
    const result = await this.get<{ searchRecords?: Record<string, unknown>[] }>(`/services/data/v${API_VERSION}/search?q=${encodeURIComponent(sosl)}`);
    return result.searchRecords ?? [];
  }

  /**
   * One composite request: the subrequests' answers, failures included. With allOrNone, one
   * failure rolls back everything (writes); without, each stands alone (reads).
   */
  async composite(compositeRequest: SubRequest[], { allOrNone = false } = {}): Promise<SubResponse[]> {
    // Reads batched in a composite are reads: only a subrequest that is not a GET makes it a write.
    const kind = compositeRequest.some((r) => r.method !== 'GET') ? 'write' : 'read';
    const result = await this.request<{ compositeResponse: SubResponse[] }>({ method: 'POST', url: `/services/data/v${API_VERSION}/composite`, body: JSON.stringify({ allOrNone, compositeRequest }), headers: jsonHeaders(), kind });
    return result.compositeResponse;
  }

  /**
   * Independent groups of reads (one chat's each) in as few composite requests as the limit
   * allows, sent together: each group's answers under the referenceIds it gave them, or the error
   * of the request that carried it. A group is never split across requests.
   */
  async compositeGroups(groups: SubRequest[][]): Promise<(SubResponse[] | Error)[]> {
    const batches: number[][] = [];
    let size = COMPOSITE_LIMIT;
    groups.forEach((group, i) => {
      if (!group.length) return;
      if (size + group.length > COMPOSITE_LIMIT) (batches.push([]), (size = 0));
      batches.at(-1)!.push(i);
      size += group.length;
    });
    const answers: (SubResponse[] | Error)[] = groups.map(() => []);
    const tag = (g: number) => `g${g}_`;
    await Promise.all(batches.map(async (batch) => {
      try {
        const responses = await this.composite(batch.flatMap((g) => groups[g]!.map((r) => ({ ...r, referenceId: `${tag(g)}${r.referenceId}` }))));
        for (const g of batch) answers[g] = responses.filter((r) => r.referenceId.startsWith(tag(g))).map((r) => ({ ...r, referenceId: r.referenceId.slice(tag(g).length) }));
      } catch (error) {
        for (const g of batch) answers[g] = toSalesforceError(error);
      }
    }));
    return answers;
  }

  /** The org's daily API allowance, read from /limits (one request). */
  async dailyApiUsage(): Promise<ApiUsage> {
    const limits = await this.get<{ DailyApiRequests?: { Max: number; Remaining: number } }>(
      `/services/data/v${API_VERSION}/limits`,
    );
    const daily = limits.DailyApiRequests;
    if (!daily) return this.usage ?? { used: 0, max: 0 };
    return { used: daily.Max - daily.Remaining, max: daily.Max };
  }
}

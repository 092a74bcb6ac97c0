import { Connection } from 'jsforce';
import { API_VERSION } from './version';
import { toSalesforceError } from './errors';
import type { SalesforceSession } from './session';

export type ApiUsage = { used: number; max: number };
export type SubRequest = { method: string; url: string; referenceId: string; body?: unknown; httpHeaders?: Record<string, string> };
export type SubResponse = { referenceId: string; httpStatusCode: number; body: unknown; httpHeaders?: Record<string, string> };

/**
 * Retries are ours (the outbox, with backoff that survives the worker stopping). jsforce's Node
 * build would retry by itself; its browser build does not. Turn it off so both behave the same.
 */
const NO_RETRY = { retry: { maxRetries: 0 } };

/**
 * The one Salesforce client. It is rebuilt from the stored session whenever the worker wakes
 * (Chrome stops idle workers), pins the API version and reports failures as named errors.
 */
export class SalesforceClient {
  private readonly conn: Connection;

  constructor(readonly session: SalesforceSession) {
    this.conn = new Connection({
      instanceUrl: session.instanceUrl,
      accessToken: session.accessToken,
      version: API_VERSION,
    });
  }

  /** API usage from the last Sforce-Limit-Info header seen, if any. */
  get usage(): ApiUsage | null {
    const usage = this.conn.limitInfo?.apiUsage;
    return usage ? { used: usage.used, max: usage.limit } : null;
  }

  async get<T>(path: string): Promise<T> {
    try {
      return await this.conn.request<T>({ method: 'GET', url: path }, NO_RETRY);
    } catch (error) {
      throw toSalesforceError(error);
    }
  }

  /** Updates one record's fields (PATCH sobjects/Type/Id): one request. */
  async update(type: string, id: string, values: Record<string, unknown>): Promise<void> {
    try {
      await this.conn.request(
        { method: 'PATCH', url: `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(type)}/${encodeURIComponent(id)}`, body: JSON.stringify(values), headers: { 'content-type': 'application/json' } },
        NO_RETRY,
      );
    } catch (error) {
      throw toSalesforceError(error);
    }
  }

  /** Creates one record (POST sobjects/Type): one request; its new id. */
  async create(type: string, values: Record<string, unknown>): Promise<string> {
    try {
      const result = await this.conn.request<{ id: string }>(
        { method: 'POST', url: `/services/data/v${API_VERSION}/sobjects/${encodeURIComponent(type)}`, body: JSON.stringify(values), headers: { 'content-type': 'application/json' } },
        NO_RETRY,
      );
      return result.id;
    } catch (error) {
      throw toSalesforceError(error);
    }
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
    try {
      const result = await this.conn.request<{ compositeResponse: SubResponse[] }>(
        { method: 'POST', url: `/services/data/v${API_VERSION}/composite`, body: JSON.stringify({ allOrNone, compositeRequest }), headers: { 'content-type': 'application/json' } },
        NO_RETRY,
      );
      return result.compositeResponse;
    } catch (error) {
      throw toSalesforceError(error);
    }
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

import { PassThrough } from 'stream';
import { UnreachableError } from './errors';

/**
 * Every request to Salesforce settles: an answer, or a named error within a time limit. jsforce's
 * browser transport does not: when fetch itself fails (connection refused or reset before an
 * answer) its promise never settles, and every write queued behind it waits for good. So all of
 * our requests go through `exchange`, and jsforce is given `fetchTransport`, which uses it.
 */

/** What kind of request it is decides how long we wait: a write's answer may be slow to come. */
export type RequestKind = 'read' | 'write' | 'token';
export const TIMEOUT_MS: Record<RequestKind, number> = { read: 30_000, write: 120_000, token: 20_000 };

export type HttpRequest = { method: string; url: string; headers?: Record<string, string>; body?: string | URLSearchParams };
export type HttpResponse = { status: number; headers: Record<string, string>; body: string };

/** Headers fetch sets itself (and refuses or miscounts when given): jsforce adds them under Node. */
const OWN_HEADERS = new Set(['content-length', 'host', 'connection']);

/**
 * One request and its whole body, within `timeoutMs`: a stalled body counts as no answer too.
 * No answer (network, reset, timeout) is an UnreachableError: code NETWORK or TIMEOUT.
 */
export async function exchange(request: HttpRequest, timeoutMs: number): Promise<HttpResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const headers = Object.fromEntries(Object.entries(request.headers ?? {}).filter(([name]) => !OWN_HEADERS.has(name.toLowerCase())));
  try {
    const response = await fetch(request.url, { method: request.method, headers, body: request.body, signal: controller.signal });
    const body = await response.text();
    const names: Record<string, string> = {};
    response.headers.forEach((value, name) => (names[name.toLowerCase()] = value));
    return { status: response.status, headers: names, body };
  } catch (error) {
    const host = safeHost(request.url);
    if (timedOut) throw new UnreachableError('TIMEOUT', `${host} did not answer within ${Math.round(timeoutMs / 1000)} s`);
    // The browser's own words ("Failed to fetch") say nothing to an agent: the host does.
    throw new UnreachableError('NETWORK', `no connection to ${host}`);
  } finally {
    clearTimeout(timer);
  }
}

const safeHost = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return 'Salesforce';
  }
};

/** jsforce's request shape, and the answer it expects (statusCode, lowercased headers, text body). */
type JsforceRequest = { method: string; url: string; headers?: Record<string, string>; body?: string };
type JsforceResponse = { statusCode: number; headers: Record<string, string>; body: string };

/**
 * A transport for jsforce (`conn.request(req, { transport })`) that uses `exchange`. jsforce reads
 * the answer from the promise; the stream it asks for is only piped through, so an empty one does.
 */
export function fetchTransport(kind: RequestKind, timeouts: Record<RequestKind, number> = TIMEOUT_MS) {
  return {
    httpRequest(request: JsforceRequest): Promise<JsforceResponse> & { stream: () => PassThrough } {
      const answer = exchange(request, timeouts[kind]).then((r) => ({ statusCode: r.status, headers: r.headers, body: r.body }));
      return Object.assign(answer, { stream: () => new PassThrough() });
    },
  };
}

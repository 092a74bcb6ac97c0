/**
 * A real network fault between the browser and the emulator, which the emulator's own faults
 * cannot give: a port that refuses connections, a connection reset before any answer on a fresh
 * socket, an answer cut after Salesforce committed with some of it already received (Chrome does
 * not send such a request again by itself), and an answer held back while the test stops the
 * worker. Point the extension's instance URL at `proxy.url`.
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * refuse: nothing listens (connection refused). reset: the connection is reset as the request
 * arrives. cut: the request goes through, the answer's headers and half its body come back,
 * then a reset.
 * hold: the request goes through; the answer waits for `release()` or `cut()`.
 */
export type ProxyMode = 'pass' | 'refuse' | 'reset' | 'cut' | 'hold';
type Rule = { mode: Exclude<ProxyMode, 'pass' | 'refuse'>; method?: string; path?: string; writes?: boolean; count: number };
type Held = { res: ServerResponse; status: number; headers: IncomingMessage['headers']; body: Buffer };

export class FaultProxy {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private rules: Rule[] = [];
  private held: Held[] = [];
  private waiters: (() => void)[] = [];
  /** Every request that reached the proxy: method, path, whether it writes, and what it did with it. */
  readonly log: { method: string; path: string; write: boolean; fate: ProxyMode }[] = [];
  port = 0;

  constructor(private readonly upstream: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => void this.handle(req, res));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  /** Stops listening and drops every open connection: from now on connections are refused. */
  async refuse(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  /** Listens again on the same port (after `refuse`). */
  async restore(): Promise<void> {
    if (!this.server) await this.start();
  }

  /** The next `count` requests matching method and path (and, with `writes`, only writes) meet the fault. */
  fault(mode: Rule['mode'], { method, path, writes, count = 1 }: { method?: string; path?: string; writes?: boolean; count?: number } = {}): void {
    this.rules.push({ mode, method, path, writes, count });
  }

  /** Forgets the faults not met yet. */
  clearFaults(): void {
    this.rules = [];
  }

  /** Resolves once `n` answers are held. */
  async heldCount(n: number): Promise<void> {
    while (this.held.length < n) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Sends every held answer on. */
  release(): void {
    for (const h of this.held.splice(0)) {
      h.res.writeHead(h.status, h.headers);
      h.res.end(h.body);
    }
  }

  /** Cuts every held answer: the headers and half the body, then a reset. */
  cut(): void {
    for (const h of this.held.splice(0)) cutAnswer(h.res, h);
  }

  async close(): Promise<void> {
    this.held = [];
    await this.refuse();
  }

  private take(method: string, path: string, write: boolean): Rule['mode'] | 'pass' {
    const rule = this.rules.find((r) => (!r.method || r.method === method) && (!r.path || path.includes(r.path)) && (!r.writes || write));
    if (!rule) return 'pass';
    if (--rule.count <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
    return rule.mode;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const write = isWrite(method, path, body);
    const fate = this.take(method, path, write);
    this.log.push({ method, path, write, fate });
    if (fate === 'reset') {
      req.socket.resetAndDestroy();
      return;
    }
    let answer: { status: number; headers: IncomingMessage['headers']; body: Buffer };
    try {
      answer = await forward(this.upstream, method, path, req.headers, body);
    } catch {
      req.socket.resetAndDestroy();
      return;
    }
    if (fate === 'cut') return cutAnswer(res, answer);
    if (fate === 'hold') {
      this.held.push({ res, ...answer });
      for (const wake of this.waiters.splice(0)) wake();
      return;
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }
}

/** A request that changes the org: not a GET, and not a composite of GETs only (identification). */
function isWrite(method: string, path: string, body: Buffer): boolean {
  if (method === 'GET') return false;
  if (!path.includes('/composite')) return !path.includes('/oauth2/');
  try {
    const subrequests = (JSON.parse(body.toString()) as { compositeRequest?: { method?: string }[] }).compositeRequest ?? [];
    return subrequests.some((r) => r.method !== 'GET');
  } catch {
    return true;
  }
}

/**
 * The answer's headers and half its body reach the browser, then the connection resets: with the
 * headers received, Chrome reports the failure instead of sending the request again by itself.
 */
function cutAnswer(res: ServerResponse, answer: { status: number; headers: IncomingMessage['headers']; body: Buffer }): void {
  const socket = res.socket;
  if (!socket) return;
  const { 'transfer-encoding': _chunked, ...headers } = answer.headers;
  res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
  res.flushHeaders();
  res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => socket.resetAndDestroy());
}

function forward(upstream: string, method: string, path: string, headers: IncomingMessage['headers'], body: Buffer) {
  const target = new URL(path, upstream);
  return new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
    const out = httpRequest(target, { method, headers: { ...headers, host: target.host } }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: Buffer.concat(chunks) }));
      answer.on('error', reject);
    });
    out.on('error', reject);
    out.end(body);
  });
}

export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  return new FaultProxy(upstream).start();
}

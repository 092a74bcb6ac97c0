/**
 * The emulator's HTTP server: Salesforce's REST and OAuth endpoints under /services and /id,
 * and a control API under /__emulator (reset, latency, API limit, faults, request log, record
 * dump, test tokens). Every API response carries Sforce-Limit-Info.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { ApiError } from './errors';
import { defaultMetadata, loadMetadataDir } from './metadata';
import { withOrgSettings, type OrgSettings } from './metadata/org-settings';
import { Org, ORG_ID, STANDARD_DUPLICATE_RULES, type DuplicateRule, type SRecord, type ValidationRule } from './org';
import { Auth, approvePage } from './oauth';
import { dispatch, RestState, type ApiResponse } from './rest';
import { seedOrg } from './seed';

export type FaultKind = '500' | '503' | 'reset-before' | 'reset-after' | '401' | '403-limit';
export type Fault = { kind: FaultKind; count: number; method?: string; path?: string };
export type LogEntry = { method: string; path: string; status: number; ms: number; at: number; api: boolean };

export type EmulatorOptions = {
  port?: number;
  seed?: number;
  /** 'full' (default): the realistic org; 'scenarios': only the hard cases; 'empty': users only. */
  data?: 'full' | 'scenarios' | 'empty';
  metadataDir?: string;
  autoApprove?: boolean;
  tokenTtlSeconds?: number;
  dailyLimit?: number;
  latencyMs?: number;
  jitterMs?: number;
  maxBodyBytes?: number;
  /** Org settings applied at every reset (until a reset names others). */
  org?: OrgSettings;
};

const JSON_TYPE = 'application/json;charset=UTF-8';
const FAULT_KINDS: FaultKind[] = ['500', '503', 'reset-before', 'reset-after', '401', '403-limit'];

export class Emulator {
  org!: Org;
  rest!: RestState;
  users: string[] = [];
  readonly auth = new Auth();
  readonly usage = { used: 0, max: 15000 };
  latency = { rttMs: 0, jitterMs: 0 };
  faults: Fault[] = [];
  log: LogEntry[] = [];
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  url = '';

  constructor(readonly options: EmulatorOptions = {}) {
    this.auth.autoApprove = options.autoApprove ?? true;
    if (options.tokenTtlSeconds) this.auth.tokenTtlMs = options.tokenTtlSeconds * 1000;
    this.usage.max = options.dailyLimit ?? 15000;
    this.latency = { rttMs: options.latencyMs ?? 0, jitterMs: options.jitterMs ?? 0 };
    this.reset();
  }

  /**
   * A fresh org: data reseeded, usage, faults and log cleared. Tokens stay valid. Org settings
   * given here are this org's only; without them, the options' settings apply.
   */
  reset({ seed = this.options.seed ?? 1, data = this.options.data ?? 'full', org }: { seed?: number; data?: EmulatorOptions['data']; org?: OrgSettings } = {}): void {
    const base = this.options.metadataDir ? loadMetadataDir(this.options.metadataDir) : defaultMetadata();
    this.org = new Org(withOrgSettings(base, org ?? this.options.org));
    this.users = data === 'empty' ? [] : seedOrg(this.org, seed, { size: data === 'scenarios' ? 'scenarios' : 'full' });
    if (data === 'empty') {
      this.users = [this.org.insert('User', { FirstName: 'Integration', LastName: 'User', Email: 'integration@example.com', Username: 'integration@example.com.emulator', Alias: 'integ', IsActive: true }).Id];
    }
    this.usage.used = 0;
    this.usage.max = this.options.dailyLimit ?? 15000;
    this.latency = { rttMs: this.options.latencyMs ?? 0, jitterMs: this.options.jitterMs ?? 0 };
    this.rest = new RestState(this.org, this.usage);
    this.faults = [];
    this.log = [];
  }

  /** An access token for a user (by email; default the integration user), as if OAuth had run. */
  issueToken(email?: string) {
    const userId = this.userByEmail(email) ?? this.users[0]!;
    const tokens = this.auth.issueTokens(userId, 'emulator-test', this.url);
    return { accessToken: tokens.access_token, refreshToken: tokens.refresh_token!, instanceUrl: this.url, userId };
  }

  userByEmail(email?: string | null): string | undefined {
    if (!email) return undefined;
    return [...this.org.table('User').values()].find((u) => String(u.Email).toLowerCase() === email.toLowerCase())?.Id;
  }

  records(type: string, { includeDeleted = false } = {}): SRecord[] {
    return [...this.org.table(type).values()].filter((r) => includeDeleted || !r.IsDeleted);
  }

  /** API requests in the log (what the org's daily limit counts), optionally since a time. */
  apiCalls(since = 0): LogEntry[] {
    return this.log.filter((e) => e.api && e.at >= since);
  }

  addFault(fault: Fault): void {
    if (!FAULT_KINDS.includes(fault.kind)) throw new Error(`unknown fault kind ${String(fault.kind)}`);
    this.faults.push({ ...fault, count: Math.max(1, fault.count || 1) });
  }

  async listen(port = this.options.port ?? 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 30_000;
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', resolve);
    });
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
    return this.url;
  }

  /** From now on the org names `url` as its address (tokens, identity): a proxy in front of it. */
  serveAs(url: string): void {
    this.url = url;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || path.includes(f.path)));
    if (fault && --fault.count <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
    return fault;
  }

  private async readBody(req: IncomingMessage): Promise<Buffer | null> {
    if (!req.headers['content-length'] && !req.headers['transfer-encoding']) return Buffer.alloc(0);
    const max = this.options.maxBodyBytes ?? 6 * 1024 * 1024;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > max) return null;
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const url = new URL(req.url ?? '/', this.url || 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname;
    const isApi = path.startsWith('/services/data') || path.startsWith('/id/') || path === '/services/oauth2/userinfo';
    const isSalesforce = path.startsWith('/services/') || path.startsWith('/id/');
    const entry: LogEntry = { method, path: `${path}${url.search}`, status: 0, ms: 0, at: started, api: false };
    const finish = (status: number) => {
      entry.status = status;
      entry.ms = Date.now() - started;
    };
    try {
      const body = await this.readBody(req);
      if (isSalesforce) {
        this.log.push(entry);
        const { rttMs, jitterMs } = this.latency;
        const delay = rttMs + (jitterMs ? Math.random() * jitterMs : 0);
        if (delay > 0) await new Promise((r) => setTimeout(r, delay));
        const fault = this.takeFault(method, path);
        if (fault?.kind === 'reset-before') {
          finish(-1);
          req.socket.destroy();
          return;
        }
        if (fault && fault.kind !== 'reset-after') return this.faultResponse(res, fault.kind, finish);
        if (body === null) {
          // The rest of the body is never read: close the connection so it cannot be reused.
          const socket = req.socket;
          res.on('finish', () => socket?.destroy());
          return this.send(res, 413, [{ message: 'Request body too large', errorCode: 'REQUEST_ENTITY_TOO_LARGE' }], finish, { Connection: 'close' });
        }
        const answer = path.startsWith('/services/oauth2/') && path !== '/services/oauth2/userinfo' ? this.oauth(req, url, body) : this.api(req, url, body, entry);
        if (fault?.kind === 'reset-after') {
          // The change is committed; the client never hears about it.
          finish(-2);
          req.socket.destroy();
          return;
        }
        return this.send(res, answer.status, answer.body, finish, answer.headers);
      }
      if (path.startsWith('/__emulator/')) return this.control(res, method, url, body ?? Buffer.alloc(0), finish);
      return this.send(res, 404, { error: 'not found' }, finish);
    } catch (error) {
      return this.send(res, 500, [{ message: String(error), errorCode: 'UNKNOWN_EXCEPTION' }], finish);
    }
  }

  private faultResponse(res: ServerResponse, kind: FaultKind, finish: (s: number) => void) {
    switch (kind) {
      case '500': return this.send(res, 500, [{ message: 'An unexpected error occurred. Please include this ErrorId if you contact support: 1836172389-12345 (-1104731612)', errorCode: 'UNKNOWN_EXCEPTION' }], finish);
      case '503': return this.send(res, 503, [{ message: 'Server temporarily unavailable', errorCode: 'SERVER_UNAVAILABLE' }], finish);
      case '401': return this.send(res, 401, [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }], finish);
      default: return this.send(res, 403, [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }], finish);
    }
  }

  private api(req: IncomingMessage, url: URL, raw: Buffer, entry: LogEntry): ApiResponse {
    const versionsList = /^\/services\/data\/?$/.test(url.pathname);
    const userId = this.auth.userOf(/^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim());
    if (!versionsList && !userId) return { status: 401, body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }] };
    if (!versionsList) {
      entry.api = true;
      if (this.usage.used >= this.usage.max) return { status: 403, body: [{ message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' }] };
      this.usage.used++;
    }
    if (url.pathname.startsWith('/id/') || url.pathname === '/services/oauth2/userinfo') return { status: 200, body: this.identity(userId!) };
    let body: unknown = null;
    if (raw.length) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        return { status: 400, body: [{ message: `Unexpected character: ${String(error).slice(0, 120)}`, errorCode: 'JSON_PARSER_ERROR' }] };
      }
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(',') : v]));
    try {
      return dispatch(this.rest, { method: req.method ?? 'GET', url: `${url.pathname}${url.search}`, body, headers, userId: userId ?? this.users[0]! });
    } catch (error) {
      if (error instanceof ApiError) return { status: error.status, body: error.errors };
      throw error;
    }
  }

  private identity(userId: string) {
    const user = this.org.find(userId)!;
    return {
      id: `${this.url}/id/${ORG_ID}/${userId}`, sub: `${this.url}/id/${ORG_ID}/${userId}`, user_id: userId, organization_id: ORG_ID,
      username: user.Username, preferred_username: user.Username, display_name: user.Name, name: user.Name, nickname: user.Alias,
      email: user.Email, email_verified: true, active: true, user_type: 'STANDARD', language: 'en_US', locale: 'en_US', utcOffset: -28800000,
      urls: { rest: `${this.url}/services/data/v{version}/`, sobjects: `${this.url}/services/data/v{version}/sobjects/` },
      organization_name: 'Emulated Org',
    };
  }

  private oauth(req: IncomingMessage, url: URL, raw: Buffer): ApiResponse {
    const form = new URLSearchParams(raw.toString('utf8'));
    const params = req.method === 'POST' ? form : url.searchParams;
    switch (url.pathname) {
      case '/services/oauth2/authorize': {
        const redirect = params.get('redirect_uri');
        if (params.get('response_type') !== 'code' || !params.get('client_id') || !redirect) {
          return { status: 400, body: { error: 'invalid_request', error_description: 'response_type=code, client_id and redirect_uri are required' } };
        }
        const back = new URL(redirect);
        if (req.method === 'POST' && params.get('decision') !== 'allow') {
          back.searchParams.set('error', 'access_denied');
          back.searchParams.set('error_description', 'end-user denied authorization');
        } else if (req.method === 'POST' || this.auth.autoApprove) {
          const userId = this.userByEmail(params.get('login_hint')) ?? this.users[0]!;
          const method = params.get('code_challenge_method') ?? 'S256';
          back.searchParams.set('code', this.auth.issueCode({ clientId: params.get('client_id')!, redirectUri: redirect, challenge: params.get('code_challenge') ?? undefined, method, userId }));
        } else {
          const user = this.org.find(this.userByEmail(params.get('login_hint')) ?? this.users[0]!);
          return { status: 200, body: approvePage(params, String(user?.Name ?? 'User')), headers: { 'content-type': 'text/html; charset=utf-8' } };
        }
        if (params.get('state')) back.searchParams.set('state', params.get('state')!);
        return { status: 302, headers: { Location: back.toString() } };
      }
      case '/services/oauth2/token': {
        const [status, body] = this.auth.token(form, this.url);
        return { status, body };
      }
      case '/services/oauth2/revoke': {
        const token = params.get('token') ?? '';
        return this.auth.revoke(token) ? { status: 200 } : { status: 400, body: { error: 'unsupported_token_type', error_description: 'this token type is not supported' } };
      }
    }
    return { status: 404, body: [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }] };
  }

  private control(res: ServerResponse, method: string, url: URL, raw: Buffer, finish: (s: number) => void) {
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
    const ok = (data: unknown = { ok: true }) => this.send(res, 200, data, finish);
    const route = `${method} ${url.pathname.replace(/^\/__emulator/, '')}`;
    switch (route) {
      case 'POST /reset':
        try {
          this.reset({ seed: body.seed as number | undefined, data: body.data as EmulatorOptions['data'], org: body.org as OrgSettings | undefined });
        } catch (error) {
          return this.send(res, 400, { error: error instanceof Error ? error.message : String(error) }, finish);
        }
        return ok();
      case 'POST /latency':
        this.latency = { rttMs: Number(body.rttMs ?? 0), jitterMs: Number(body.jitterMs ?? 0) };
        return ok();
      case 'POST /limit':
        this.usage.max = Number(body.max ?? this.usage.max);
        if (body.used !== undefined) this.usage.used = Number(body.used);
        return ok(this.usage);
      case 'POST /faults':
        this.addFault(body as unknown as Fault);
        return ok(this.faults);
      case 'DELETE /faults':
        this.faults = [];
        return ok();
      case 'GET /log':
        return ok(this.log);
      case 'DELETE /log':
        this.log = [];
        return ok();
      case 'GET /records':
        return ok(this.records(url.searchParams.get('type') ?? 'Contact', { includeDeleted: url.searchParams.has('includeDeleted') }));
      case 'POST /token':
        return ok(this.issueToken(body.email as string | undefined));
      case 'POST /tokens/expire':
        this.auth.expireAll();
        return ok();
      case 'POST /tokens/revoke':
        this.auth.revokeAll();
        return ok();
      case 'POST /validation-rules':
        this.org.validationRules.push(body as unknown as ValidationRule);
        return ok(this.org.validationRules);
      case 'POST /settings':
        if (typeof body.autoApprove === 'boolean') this.auth.autoApprove = body.autoApprove;
        if (typeof body.tokenTtlSeconds === 'number') this.auth.tokenTtlMs = body.tokenTtlSeconds * 1000;
        if (typeof body.duplicateRules === 'boolean') this.org.duplicateRules = body.duplicateRules ? structuredClone(STANDARD_DUPLICATE_RULES) : [];
        else if (Array.isArray(body.duplicateRules)) this.org.duplicateRules = body.duplicateRules as DuplicateRule[];
        return ok();
    }
    return this.send(res, 404, { error: `unknown control route ${route}` }, finish);
  }

  private send(res: ServerResponse, status: number, body: unknown, finish: (s: number) => void, headers: Record<string, string> = {}) {
    finish(status);
    const isHtml = Object.keys(headers).some((k) => k.toLowerCase() === 'content-type');
    const payload = body === undefined || status === 204 || status === 304 ? '' : isHtml ? String(body) : JSON.stringify(body);
    res.writeHead(status, {
      ...(payload && !isHtml ? { 'Content-Type': JSON_TYPE } : {}),
      'Sforce-Limit-Info': `api-usage=${this.usage.used}/${this.usage.max}`,
      // Salesforce's own clock, as its answers carry it (the org's, which a test may set apart from this machine's).
      Date: new Date(this.org.now()).toUTCString(),
      ...headers,
    });
    res.end(payload);
  }
}

/** Starts an emulator on 127.0.0.1 (a free port unless one is given). */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new Emulator(options);
  await emulator.listen();
  return emulator;
}

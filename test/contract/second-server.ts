/**
 * A second, minimal CXone server written from docs/api.md alone (never from src/sandbox/),
 * legal but different wherever the contract allows: default page size 25, `nextUri` absent on the
 * last page, lists ordered by id, opaque server-side cursors, short-lived tokens, scripted 429/503,
 * extra fields and headers, different error messages, propagation lag. Test-only, plain node:http.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { detailsRows, distributionRows, resolveTime } from './second-analytics.js';
import { SecondTenant, type Json } from './second-tenant.js';

export const CLIENT_ID = 'contract-client';
export const CLIENT_SECRET = 'contract-secret-value';
const SCOPES = ['routing:queues:write', 'routing:queues:read', 'analytics:queues:read', 'analytics:conversations:read', 'audit:read', 'health:read'];

/** Scripted faults, by the number of the (non-token) request, 1-based. */
export interface Faults {
  /** These requests are answered 429 with `Retry-After: 0`. */
  throttle0?: number[];
  /** These requests are answered 429 with `Retry-After: 2`. */
  throttle2?: number[];
  /** These requests are answered 503. */
  unavailable?: number[];
  /** Before these requests, every token issued so far is revoked (a mid-run 401). */
  revokeTokens?: number[];
}

export interface SecondServerOptions { tokenTtlS?: number; lagMs?: number; faults?: Faults }

/** `n` is the number of the latest non-token request when this one was answered. */
export interface LoggedRequest { method: string; path: string; status: number; n: number }

export class SecondServer {
  readonly tenant: SecondTenant;
  readonly log: LoggedRequest[] = [];
  private readonly tokens = new Map<string, number>();
  private readonly cursors = new Map<string, { kind: 'audit' | 'data'; rows: unknown[]; offset: number; pageSize: number }>();
  private readonly server: Server;
  private counter = 0;
  baseUrl = '';

  constructor(private readonly options: SecondServerOptions = {}) {
    this.tenant = new SecondTenant(() => Date.now(), options.lagMs ?? 300);
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** An out-of-band change by a person in the CXone UI: a full write with `patch` applied. */
  edit(id: string, patch: Json): Json {
    const current = this.tenant.truth(id);
    if (!current) throw new Error(`no queue ${id}`);
    return this.tenant.write(id, { ...current, ...patch }, { id: 'jane.doe@example.com', name: 'Jane Doe' });
  }

  /** Requests whose path starts with `prefix` and whose method is `method`. */
  count(method: string, prefix: string): number {
    return this.log.filter((r) => r.method === method && r.path.startsWith(prefix)).length;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      this.log.push({ method, path: `${url.pathname}${url.search}`, status, n: this.counter });
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-second-server': '1', 'x-request-id': randomBytes(6).toString('hex'), 'cache-control': 'no-store', ...headers });
      res.end(JSON.stringify(body));
    };
    const fail = (status: number, code: string, message: string, extra: Json = {}, headers: Record<string, string> = {}): void =>
      send(status, { status, code, message: `[second] ${message}`, ...extra }, headers);

    if (method === 'POST' && url.pathname === '/api/v2/oauth/token') return this.token(raw, send, fail);
    const n = ++this.counter;
    const f = this.options.faults ?? {};
    if (f.revokeTokens?.includes(n)) this.tokens.clear();
    const auth = /^Bearer (\S+)$/.exec(req.headers['authorization'] ?? '')?.[1];
    const expires = auth === undefined ? undefined : this.tokens.get(auth);
    if (expires === undefined || Date.now() >= expires) return fail(401, 'unauthorized', 'bearer credential rejected');
    if (f.throttle0?.includes(n)) return fail(429, 'too.many.requests', 'slow down', {}, { 'retry-after': '0' });
    if (f.throttle2?.includes(n)) return fail(429, 'too.many.requests', 'slow down a lot', {}, { 'retry-after': '2' });
    if (f.unavailable?.includes(n)) return fail(503, 'server.error', 'temporarily unavailable');

    let body: Json = {};
    if (raw !== '') {
      try { body = JSON.parse(raw) as Json; } catch { return fail(400, 'bad.request', 'body is not JSON', { errors: [{ field: 'body', message: 'not JSON' }] }); }
    }
    const route = `${method} ${url.pathname}`;
    const queueId = /^\/api\/v2\/routing\/queues\/([^/]+)$/.exec(url.pathname)?.[1];
    if (route === 'GET /api/v2/health') return send(200, { status: 'Degraded', components: [{ name: 'routing', status: 'Healthy' }, { name: 'analytics', status: 'Degraded', reason: 'lagging' }], checkedAt: new Date().toISOString() });
    if (route === 'GET /api/v2/routing/queues') return this.page(url, this.tenant.ids().map((id) => this.tenant.read(id)), send, fail);
    if (route === 'GET /api/v2/routing/skills') return this.page(url, this.tenant.skills, send, fail);
    if (method === 'GET' && queueId !== undefined) {
      const q = this.tenant.read(decodeURIComponent(queueId));
      return q ? send(200, q, { etag: `"${String(q['version'])}"` }) : fail(404, 'not.found', 'queue unknown here');
    }
    if (method === 'PUT' && queueId !== undefined) return this.put(decodeURIComponent(queueId), req, body, send, fail);
    if (route === 'GET /api/v2/audit') return this.audit(url, send, fail);
    if (route === 'POST /api/v2/analytics/queues/details/query') return send(200, { selectors: body['selectors'], metrics: detailsRows(body), generatedBy: 'second' });
    if (route === 'POST /api/v2/analytics/queues/data/query') return this.data(url, body, send, fail);
    return fail(404, 'not.found', `no route ${route}`);
  }

  private token(raw: string, send: Send, fail: Fail): void {
    const form = new URLSearchParams(raw);
    if (form.get('grant_type') !== 'client_credentials') return fail(400, 'invalid_request', 'grant type unsupported');
    if (form.get('client_id') !== CLIENT_ID || form.get('client_secret') !== CLIENT_SECRET) return fail(401, 'invalid_client', 'who are you?');
    const asked = (form.get('scope') ?? '').split(/[ +]/).filter((s) => s !== '');
    if (asked.some((s) => !SCOPES.includes(s))) return fail(400, 'invalid_scope', 'scope not known here');
    const ttl = this.options.tokenTtlS ?? 5;
    const token = `sst_${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, Date.now() + ttl * 1000);
    send(200, { token_type: 'Bearer', scope: (asked.length > 0 ? asked : SCOPES).join(' '), expires_in: ttl, access_token: token });
  }

  /** pageNumber/pageSize lists: default 25, `total` always, `nextUri` absent on the last page. */
  private page(url: URL, items: unknown[], send: Send, fail: Fail): void {
    const size = Number(url.searchParams.get('pageSize') ?? '25');
    const number = Number(url.searchParams.get('pageNumber') ?? '1');
    if (!Number.isInteger(size) || size < 1 || size > 500) return fail(400, 'bad.request', 'bad page size', { errors: [{ field: 'pageSize', message: '1..500' }] });
    if (!Number.isInteger(number) || number < 1) return fail(400, 'bad.request', 'bad page number', { errors: [{ field: 'pageNumber', message: '>= 1' }] });
    const results = items.slice((number - 1) * size, number * size);
    const last = number * size >= items.length;
    send(200, { total: items.length, pageNumber: number, pageSize: size, results, ...(last ? {} : { nextUri: `${url.pathname}?pageNumber=${number + 1}&pageSize=${size}` }) });
  }

  private put(id: string, req: IncomingMessage, body: Json, send: Send, fail: Fail): void {
    const current = this.tenant.truth(id);
    if (!current) return fail(404, 'not.found', 'queue unknown here');
    const ifMatch = req.headers['if-match'];
    if (ifMatch === undefined || ifMatch === '') return fail(412, 'precondition.required', 'send If-Match with the version you read');
    const version = Number(current['version']);
    if (Number(ifMatch.replace(/^W\//, '').replace(/"/g, '')) !== version || body['version'] !== version) {
      return fail(409, 'conflict', `queue is at version ${version}`);
    }
    const problems = this.tenant.validate(id, body);
    if (problems.length > 0) return fail(400, 'bad.request', 'queue rejected', { errors: problems });
    send(200, this.tenant.write(id, body, { id: CLIENT_ID, name: 'contract API client' }));
  }

  private audit(url: URL, send: Send, fail: Fail): void {
    const cursor = url.searchParams.get('cursor');
    if (cursor !== null) return this.follow(cursor, 'audit', send, fail);
    const q = url.searchParams;
    const from = resolveTime(q.get('startTime') ?? 'now-30d');
    const to = resolveTime(q.get('endTime') ?? 'now');
    const size = Number(q.get('pageSize') ?? '100');
    if (from === undefined || to === undefined) return fail(400, 'bad.request', 'bad time', { errors: [{ field: 'startTime', message: 'ISO-8601 or now-Nd' }] });
    const rows = this.tenant.audit
      .filter((e) => (q.get('resourceId') ?? e.resourceId) === e.resourceId)
      .filter((e) => (q.get('resourceType') ?? 'Queue') === e.resourceType && (q.get('action') ?? 'Update') === e.action)
      .filter((e) => Date.parse(e.timestamp) >= from && Date.parse(e.timestamp) <= to)
      .sort((a, b) => b.timestamp.localeCompare(a.timestamp));
    this.serveCursor('audit', rows, size, url.pathname, send);
  }

  private data(url: URL, body: Json, send: Send, fail: Fail): void {
    const cursor = url.searchParams.get('cursor');
    if (cursor !== null) return this.follow(cursor, 'data', send, fail);
    const size = body['pageSize'] === undefined ? 50 : Number(body['pageSize']);
    if (!Number.isInteger(size) || size < 1 || size > 500) return fail(400, 'bad.request', 'bad page size', { errors: [{ field: 'pageSize', message: '1..500' }] });
    this.serveCursor('data', distributionRows(body), size, url.pathname, send);
  }

  private serveCursor(kind: 'audit' | 'data', rows: unknown[], pageSize: number, path: string, send: Send, offset = 0): void {
    const results = rows.slice(offset, offset + pageSize);
    const more = offset + pageSize < rows.length;
    let nextUri: string | undefined;
    if (more) {
      const id = randomBytes(9).toString('base64url');
      this.cursors.set(id, { kind, rows, offset: offset + pageSize, pageSize });
      nextUri = `${path}?cursor=${id}`;
    }
    send(200, { results, ...(nextUri === undefined ? {} : { nextUri }), cursorKind: kind });
  }

  private follow(cursor: string, kind: 'audit' | 'data', send: Send, fail: Fail): void {
    const c = this.cursors.get(cursor);
    if (!c || c.kind !== kind) return fail(400, 'bad.request', 'cursor unknown or expired', { errors: [{ field: 'cursor', message: 'unknown' }] });
    this.serveCursor(kind, c.rows, c.pageSize, kind === 'audit' ? '/api/v2/audit' : '/api/v2/analytics/queues/data/query', send, c.offset);
  }
}

type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;
type Fail = (status: number, code: string, message: string, extra?: Json, headers?: Record<string, string>) => void;

/**
 * A second CXone Admin API server written from the graded public description alone (now
 * docs/admin-api.md; never from src/sandbox/admin/), legal but different wherever the document
 * allows; each difference is listed
 * in test/contract/README.md ("Admin API"). Test-only, plain node:http on 127.0.0.1:0. One origin
 * serves the token endpoint, discovery and the API (`/inContactAPI/services/v33.0` and `v30.0`).
 * Time comes from an injectable clock so tests drive token expiry, rate limiting and read lag
 * without sleeping.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENT_KEY, CONSOLE_KEY, TENANT_ID, Tokens, discovery, type AccessKey, type KeyName } from './admin-auth.js';
import type { Json } from './admin-fields.js';
import { fail, type Reply } from './admin-http.js';
import { API_VERSIONS, route } from './admin-router.js';
import type { Agent } from './admin-seed.js';
import { AdminState, type WriteRecord } from './admin-state.js';

export interface SecondAdminOptions {
  /** The clock, in ms (default `Date.now`). */
  now?: () => number;
  /** Token life in seconds, answered as `expires_in` (default 5). */
  tokenTtlS?: number;
  /** Token bucket for the client key: burst 1, refilled at this many requests per second (default: no limit). */
  rateLimitPerS?: number;
  /** For this long after a write, reads show what was visible before it (default 0: off). */
  readLagMs?: number;
  /** Skills whose writes by the client key answer 200 with a failure inside and change nothing. */
  failSkillIds?: number[];
  /** Generated phone skills added to the six seeded ones (for paging). */
  extraSkills?: number;
}

/** One request as it arrived; `key` is whose token it carried (or presented, for the token call). */
export interface LoggedRequest { method: string; path: string; at: number; key: KeyName | undefined; status: number }

export interface AssignmentView { agentId: number; userName: string; proficiency: number; isActive: boolean; lastUpdateTime: string }

export interface SecondAdminServer {
  /** The origin: token host (`CXONE_AUTH_URL`), discovery host and API host. */
  url: string;
  /** `url` + `/inContactAPI/services/v33.0`. */
  apiBase: string;
  tenantId: string;
  accessKey: AccessKey;
  /** A second key; its writes are out-of-band edits (no rate limit, no injected failures). */
  consoleKey: AccessKey;
  requests: LoggedRequest[];
  writes: WriteRecord[];
  agents: Agent[];
  /** The true current skill, GET shape (reads may lag behind it). */
  getSkill(id: number): Json | undefined;
  skillIdByName(name: string): number | undefined;
  /** A console edit without HTTP, one field in its GET spelling (subject to the read lag). */
  setSkillField(id: number, field: string, value: unknown): void;
  /** The true current assignments of a skill, joined with user names. */
  assignments(skillId: number): AssignmentView[];
  /** Ends every read lag now. */
  settle(): void;
  /** Environment for the real CLI against this server with the client key (API host given: no discovery). */
  env(): Record<string, string>;
  close(): Promise<void>;
}

const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-second-admin': '1', 'cache-control': 'no-cache' };

export async function startSecondAdminServer(options: SecondAdminOptions = {}): Promise<SecondAdminServer> {
  const now = options.now ?? Date.now;
  const state = new AdminState(now, options.readLagMs ?? 0, options.extraSkills ?? 0);
  const tokens = new Tokens(now, options.tokenTtlS ?? 5);
  const bucket = new Bucket(now, options.rateLimitPerS);
  const failSkillIds = new Set(options.failSkillIds ?? []);
  const requests: LoggedRequest[] = [];
  let origin = '';

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const at = now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    const method = req.method ?? 'GET';
    const log: LoggedRequest = { method, path: `${url.pathname}${url.search}`, at, key: undefined, status: 0 };
    requests.push(log);
    const send = (r: Reply, contentType?: string): void => {
      log.status = r.status;
      res.writeHead(r.status, contentType === undefined ? HEADERS : { ...HEADERS, 'content-type': contentType });
      res.end(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
    };
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: Json | undefined;
    try {
      body = raw === '' ? undefined : (JSON.parse(raw) as Json);
    } catch {
      return send(fail(400, 'InvalidRequest', 'the body is not JSON'));
    }
    if (method === 'POST' && url.pathname === '/authentication/v1/token/access-key') {
      log.key = Tokens.keyOf(body?.['accessKeyId']);
      return send(tokens.issue(body, origin));
    }
    if (method === 'GET' && url.pathname === '/.well-known/cxone-configuration') return send(discovery(url.searchParams, origin));
    const api = /^\/inContactAPI\/services\/(v\d+\.0)(\/.*)?$/.exec(url.pathname);
    if (api === null || !API_VERSIONS.includes(api[1] ?? '')) return send(fail(404, 'NotFound', `nothing served at ${url.pathname}`));
    const accept = String(req.headers['accept'] ?? '').toLowerCase();
    if (!accept.split(',').some((t) => t.trim().startsWith('application/json'))) {
      return send({ status: 406, body: 'No known way to render data' }, 'text/plain; charset=utf-8');
    }
    const key = tokens.check(req.headers['authorization']);
    log.key = key;
    if (key === undefined) return send(fail(401, 'invalid_token', 'the bearer token is missing, unknown or expired'));
    // No Retry-After, ever: the document says 429s do not reliably carry one.
    if (key === 'client' && !bucket.take()) return send(fail(429, 'TooManyRequests', 'rate limit exceeded'));
    const base = `${origin}/inContactAPI/services/${api[1] ?? ''}`;
    send(route({ method, path: api[2] ?? '/', query: url.searchParams, body, by: key, base, now: now(), state, failSkillIds }));
  };

  // A client that hangs up mid-body must not become an unhandled rejection in the test run.
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin, apiBase: `${origin}/inContactAPI/services/v33.0`, tenantId: TENANT_ID,
    accessKey: { ...CLIENT_KEY }, consoleKey: { ...CONSOLE_KEY }, requests, writes: state.writes, agents: state.agents,
    getSkill: (id) => state.skill(id),
    skillIdByName: (name) => state.skillIdByName(name),
    setSkillField: (id, field, value) => state.setSkillField(id, field, value),
    assignments: (skillId) => state.assignments(skillId).map((a) => ({
      ...a, userName: state.agents.find((g) => g.agentId === a.agentId)?.userName ?? '?',
    })),
    settle: () => state.settle(),
    env: () => ({
      CXONE_PROVIDER: 'admin', CXONE_AUTH_URL: origin, CXONE_API_BASE_URL: origin, CXONE_API_VERSION: 'v33.0',
      CXONE_ACCESS_KEY_ID: CLIENT_KEY.id, CXONE_ACCESS_KEY_SECRET: CLIENT_KEY.secret,
    }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A token bucket of capacity 1: one request, then one per 1/rate seconds. */
class Bucket {
  private tokens = 1;
  private last: number;

  constructor(private readonly now: () => number, private readonly ratePerS: number | undefined) {
    this.last = now();
  }

  take(): boolean {
    if (this.ratePerS === undefined) return true;
    const t = this.now();
    this.tokens = Math.min(1, this.tokens + ((t - this.last) / 1000) * this.ratePerS);
    this.last = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

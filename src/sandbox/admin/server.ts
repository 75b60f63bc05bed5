/**
 * `startAdminSandbox`: a real HTTP server on 127.0.0.1 speaking the admin dialect of
 * docs/admin-api.md, through the same pipeline, limiter and faults as the v2 sandbox.
 * docs/sandbox.md ("Admin dialect") describes behaviour and every reading where that contract is
 * silent.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { silentLogger, type Logger } from '../../log.js';
import { FaultInjector, RateLimiter, type RateLimitMode } from '../limits.js';
import { Pipeline, type SandboxStats } from '../pipeline.js';
import { AdminTokens, CONSOLE_KEY } from './auth.js';
import type { AdminSettings } from './context.js';
import { RequestLog, type RequestRecord } from './request-log.js';
import { adminDialect, API_PREFIX, type VersionRange } from './routes.js';
import { loadSkillSeed } from './seed-dir.js';
import { seedAdmin } from './seed.js';
import type { ReadOnlyPolicy } from './skill-shape.js';
import type { PutOmitted } from './skills.js';
import { AdminState } from './state.js';

export { AdminState } from './state.js';
export type { RequestRecord } from './request-log.js';

/** The API version the printed API base uses. */
export const DEFAULT_API_VERSION = 'v33.0';
/** The tenant id of every admin sandbox unless `tenantId` is given. */
export const DEFAULT_TENANT_ID = '11e5a1b2-0000-4000-8000-00000000c0de';

/** How to start an admin sandbox. Every field is optional; see docs/sandbox.md. */
export interface AdminSandboxOptions {
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Include the sample tenant (13 skills, 13 agents). Default true. */
  sample?: boolean;
  /**
   * A directory of `kind: Skill` definitions (resolved against `cwd`) whose declared values are
   * applied over the sample tenant, creating missing skills and agents: the sandbox starts in sync
   * with them. Invalid definitions reject with the loader's error. Default none.
   */
  seedDir?: string | null;
  /** Resolves a relative `seedDir`. Default `process.cwd()`. */
  cwd?: string;
  /** Extra generated skills (`Generated Skill 00001`…), with ceil(N/4) generated agents. Default 0. */
  skills?: number;
  /** The cxq access key; default 'sandbox' / 'sandbox'. The console key `console`/`console` always works too. */
  accessKeyId?: string;
  accessKeySecret?: string;
  tenantId?: string;
  /** Token lifetime (`expires_in`), seconds. Default 3600. */
  tokenTtlSeconds?: number;
  /** Accepted versions v{min}.0..v{max}.0. Default 20..33. */
  versions?: VersionRange;
  /** What a skill PUT does with omitted writable fields. Default 'reset'. */
  putOmitted?: PutOmitted;
  /** Read-only fields (skillId, mediaTypeName, …) in a PUT: 400 ('reject', default) or dropped ('ignore'). */
  readOnlyInPut?: ReadOnlyPolicy;
  /** `GET /skills/{id}` answers `{ skills: [skill] }` instead of the bare skill. Default false. */
  wrapSkillGet?: boolean;
  /** Largest `top` of entity lists; larger values are clamped. Default 100. */
  maxTop?: number;
  /** Send Retry-After on 429. Default false (admin-api.md: not reliable). */
  retryAfter?: boolean;
  /** 0..1 share of skill writes answered 200 with a failure body, not applied (seeded). */
  writeFailureRate?: number;
  latencyMs?: number;
  /** Requests/s per access key; 0 = unlimited. Shape as for v2: bucket (burst = the rate unless `rateLimitBurst`), window, sliding. */
  rateLimit?: number;
  rateLimitBurst?: number;
  rateLimitMode?: RateLimitMode;
  faultRate?: number;
  resetRate?: number;
  /** 0..1 share of successful writes applied, then answered by a destroyed connection. */
  lostResponseRate?: number;
  /** PRNG seed for faults, failures and generated data. Default 42. */
  seed?: number;
  /** Clock for token expiry, timestamps and analytics. Default real time. */
  now?: () => Date;
  logger?: Logger;
}

/** Settings that can change while the sandbox runs. */
export type AdminSandboxFaults = Partial<
  Pick<
    AdminSandboxOptions,
    | 'faultRate'
    | 'resetRate'
    | 'lostResponseRate'
    | 'latencyMs'
    | 'rateLimit'
    | 'writeFailureRate'
    | 'retryAfter'
    | 'putOmitted'
    | 'readOnlyInPut'
    | 'wrapSkillGet'
  >
>;

/** A running admin sandbox. */
export interface AdminSandboxHandle {
  /** `http://127.0.0.1:PORT`: the auth host and the API host (`CXONE_AUTH_URL`, `CXONE_API_BASE_URL`). */
  baseUrl: string;
  /** Same as `baseUrl`. */
  url: string;
  /** `{baseUrl}/inContactAPI/services/v33.0`. */
  apiBase: string;
  tenantId: string;
  /** The cxq access key and the console key. */
  accessKey: { accessKeyId: string; accessKeySecret: string };
  consoleKey: { accessKeyId: string; accessKeySecret: string };
  state: AdminState;
  stats: SandboxStats;
  /** Every request received, oldest first (the last 100,000). */
  requests: readonly RequestRecord[];
  /** Calls `fn` synchronously as each request arrives, before it is handled; returns an unsubscribe. */
  onRequest(fn: (r: RequestRecord) => void): () => void;
  setFaults(f: AdminSandboxFaults): void;
  /** Revokes every token: the next request with one gets 401. */
  expireTokens(): void;
  close(): Promise<void>;
}

function checkOptions(o: AdminSandboxOptions): void {
  for (const key of ['faultRate', 'resetRate', 'lostResponseRate', 'writeFailureRate'] as const) {
    const v = o[key];
    if (v !== undefined && !(v >= 0 && v <= 1)) throw new RangeError(`admin sandbox option ${key} must be within 0..1, got ${v}`);
  }
  for (const key of ['latencyMs', 'rateLimit', 'port', 'skills', 'tokenTtlSeconds'] as const) {
    const v = o[key];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && Number.isFinite(v))) {
      throw new RangeError(`admin sandbox option ${key} must be a finite number >= 0, got ${String(v)}`);
    }
  }
  if (o.maxTop !== undefined && !(Number.isInteger(o.maxTop) && o.maxTop >= 1)) {
    throw new RangeError('admin sandbox option maxTop must be an integer >= 1');
  }
  const v = o.versions;
  if (v !== undefined && !(Number.isInteger(v.min) && Number.isInteger(v.max) && v.min >= 1 && v.min <= v.max)) {
    throw new RangeError('admin sandbox option versions must be integers with 1 <= min <= max');
  }
  if (o.accessKeyId === CONSOLE_KEY.accessKeyId) throw new RangeError('admin sandbox option accessKeyId must not be the console key id');
}

/**
 * Starts an admin sandbox; resolves once it listens on 127.0.0.1. Rejects with RangeError for an
 * option out of range, FileError / DefinitionError for a bad `seedDir`, or with the listen error
 * (e.g. `EADDRINUSE`).
 */
export async function startAdminSandbox(options: AdminSandboxOptions = {}): Promise<AdminSandboxHandle> {
  checkOptions(options);
  const definitions = options.seedDir ? await loadSkillSeed(options.seedDir, options.cwd ?? process.cwd()) : [];
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? silentLogger();
  const seed = options.seed ?? 42;
  const state = new AdminState(now, seed);
  state.writeFailureRate = options.writeFailureRate ?? 0;
  seedAdmin(state, { sample: options.sample ?? true, skills: options.skills ?? 0, seed, definitions });
  const accessKey = { accessKeyId: options.accessKeyId ?? 'sandbox', accessKeySecret: options.accessKeySecret ?? 'sandbox' };
  const tenantId = options.tenantId ?? DEFAULT_TENANT_ID;
  const settings: AdminSettings = {
    putOmitted: options.putOmitted ?? 'reset',
    readOnlyInPut: options.readOnlyInPut ?? 'reject',
    wrapSkillGet: options.wrapSkillGet ?? false,
    maxTop: options.maxTop ?? 100,
    retryAfter: options.retryAfter ?? false,
    baseUrl: '',
  };
  const tokens = new AdminTokens({
    keys: new Map([
      [accessKey.accessKeyId, accessKey.accessKeySecret],
      [CONSOLE_KEY.accessKeyId, CONSOLE_KEY.accessKeySecret],
    ]),
    tenantId,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    now,
    baseUrl: () => settings.baseUrl,
  });
  const limiter = new RateLimiter(options.rateLimit ?? 0, undefined, {
    ...(options.rateLimitBurst === undefined ? {} : { burst: options.rateLimitBurst }),
    ...(options.rateLimitMode === undefined ? {} : { mode: options.rateLimitMode }),
  });
  const faults = new FaultInjector(seed, {
    faultRate: options.faultRate ?? 0,
    resetRate: options.resetRate ?? 0,
    lostResponseRate: options.lostResponseRate ?? 0,
  });
  const log = new RequestLog(now);
  const dialect = adminDialect(state, tokens, settings, options.versions ?? { min: 20, max: 33 });
  const pipeline = new Pipeline({ dialect, limiter, faults, logger, onReceive: (r) => log.receive(r) });
  pipeline.latencyMs = options.latencyMs ?? 0;

  const server = createServer((req, res) => void pipeline.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  settings.baseUrl = baseUrl;
  logger.info({ baseUrl, skills: state.skills.size }, 'admin sandbox listening');
  let closed = false;

  return {
    baseUrl,
    url: baseUrl,
    apiBase: `${baseUrl}${API_PREFIX}/${DEFAULT_API_VERSION}`,
    tenantId,
    accessKey,
    consoleKey: { ...CONSOLE_KEY },
    state,
    stats: pipeline.stats,
    requests: log.records,
    onRequest: (fn) => log.subscribe(fn),
    setFaults(f) {
      checkOptions(f);
      if (f.faultRate !== undefined) faults.rates.faultRate = f.faultRate;
      if (f.resetRate !== undefined) faults.rates.resetRate = f.resetRate;
      if (f.lostResponseRate !== undefined) faults.rates.lostResponseRate = f.lostResponseRate;
      if (f.latencyMs !== undefined) pipeline.latencyMs = f.latencyMs;
      if (f.rateLimit !== undefined) limiter.setRate(f.rateLimit);
      if (f.writeFailureRate !== undefined) state.writeFailureRate = f.writeFailureRate;
      if (f.retryAfter !== undefined) settings.retryAfter = f.retryAfter;
      if (f.putOmitted !== undefined) settings.putOmitted = f.putOmitted;
      if (f.readOnlyInPut !== undefined) settings.readOnlyInPut = f.readOnlyInPut;
      if (f.wrapSkillGet !== undefined) settings.wrapSkillGet = f.wrapSkillGet;
    },
    expireTokens: () => tokens.expireAll(),
    async close() {
      if (closed) return;
      closed = true;
      pipeline.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

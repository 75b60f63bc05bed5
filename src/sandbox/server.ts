/**
 * `startSandbox`: a real HTTP server on 127.0.0.1 that obeys the v2 contract (docs/api.md), for tests,
 * benches, the demo and `cxq sandbox`. The request pipeline is in pipeline.ts; docs/sandbox.md
 * describes behaviour and every reading of the contract.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HealthStatus } from '../model/tenant.js';
import { ALL_SCOPES } from '../providers/v2/types.js';
import { silentLogger, type Logger } from '../log.js';
import { CONSOLE_CLIENT, TokenStore, type ExtraClient } from './auth.js';
import { BackgroundLoad } from './background.js';
import { FaultInjector, RATE_LIMIT_MODES, RateLimiter, type RateLimitMode } from './limits.js';
import { Pipeline, type RequestRecord, type SandboxStats } from './pipeline.js';
import { v2Dialect } from './routes.js';
import { seedSandbox } from './seed.js';
import { SandboxState } from './state.js';

export { SandboxState } from './state.js';
export type { RequestRecord, SandboxStats } from './pipeline.js';
export type { RateLimitMode } from './limits.js';
export { CONSOLE_CLIENT, type ExtraClient } from './auth.js';

/** How to start a sandbox. Every field is optional; see docs/sandbox.md. */
export interface SandboxOptions {
  /** Port to bind on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  host?: '127.0.0.1';
  /** Directory of queue definitions to seed from (resolved against `cwd`); null/undefined = none. */
  seedDir?: string | null;
  /** Directory `seedDir` is resolved against and definition paths are reported relative to. Default process.cwd(). */
  cwd?: string;
  /** Extra generated queues (deterministic for a given `seed`). Default 0. */
  queues?: number;
  /** Default 'sandbox' / 'sandbox'. */
  clientId?: string;
  clientSecret?: string;
  /** Further OAuth clients, each acting as its own user. Default: the built-in `console` client. */
  extraClients?: readonly ExtraClient[];
  /** Scopes a token may be granted (default: every scope of the contract). For 403 tests. */
  grantScopes?: readonly string[];
  /** Token lifetime (`expires_in`). Default 3600. */
  tokenTtlSeconds?: number;
  /** Delay added before every answer, in ms (timers, no busy wait). Default 0. */
  latencyMs?: number;
  /** Requests/s per client (token bucket, burst max(1, rate)); 0/undefined = unlimited. */
  rateLimit?: number;
  /** Token bucket capacity (default max(1, rateLimit)). */
  rateLimitBurst?: number;
  /** `bucket` (default), `window` (fixed one-second windows) or `sliding` (any trailing second). */
  rateLimitMode?: RateLimitMode;
  /** Whether 429s carry `Retry-After` (default true). */
  retryAfter?: boolean;
  /** Another client spending this many requests/s of the same per-client budget (default 0). */
  backgroundLoad?: number;
  /** 0..1 share of non-token requests answered 503 (seeded PRNG). */
  faultRate?: number;
  /** 0..1 share of non-token requests whose connection is destroyed before they are handled. */
  resetRate?: number;
  /** 0..1 share of successful PUTs that are applied, then answered by a destroyed connection. */
  lostResponseRate?: number;
  /** After a write, GET and list show the previous version for this many ms (on `now`). Default 0. */
  propagationMs?: number;
  /** PRNG seed for faults and generated data. Default 42. */
  seed?: number;
  /** Initial health status. Default 'Healthy'. */
  health?: HealthStatus;
  /** Clock for timestamps, token expiry and propagation. Default real time. */
  now?: () => Date;
  logger?: Logger;
}

/** Fault settings that can change while the sandbox runs. */
export type SandboxFaults = Partial<
  Pick<
    SandboxOptions,
    'faultRate' | 'resetRate' | 'lostResponseRate' | 'latencyMs' | 'rateLimit' | 'propagationMs' | 'rateLimitBurst' | 'rateLimitMode' | 'retryAfter' | 'backgroundLoad'
  >
>;

/** A running sandbox. */
export interface SandboxHandle {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  baseUrl: string;
  /** The authoritative store: inspect or edit it out of band in tests. */
  state: SandboxState;
  stats: SandboxStats;
  /** Every request received, in arrival order: method, path, client, arrival and answer time, status. */
  requests: readonly RequestRecord[];
  /** What the background client (`backgroundLoad`) sent and what the limiter let through. */
  background: { sent: number; accepted: number };
  /** Changes fault settings from now on (omitted keys keep their value). */
  setFaults(f: SandboxFaults): void;
  /** Invalidates every issued token: the next request with one gets 401. */
  expireTokens(): void;
  /** Stops listening, drops open connections and pending delayed answers. Idempotent. */
  close(): Promise<void>;
}

/** Throws RangeError for an option outside its domain (a programming error of the caller). */
function checkOptions(o: SandboxOptions | SandboxFaults): void {
  for (const key of ['faultRate', 'resetRate', 'lostResponseRate'] as const) {
    const v = o[key];
    if (v !== undefined && !(v >= 0 && v <= 1)) throw new RangeError(`sandbox option ${key} must be within 0..1, got ${v}`);
  }
  if (o.rateLimitMode !== undefined && !RATE_LIMIT_MODES.includes(o.rateLimitMode)) {
    throw new RangeError(`sandbox option rateLimitMode must be one of ${RATE_LIMIT_MODES.join(', ')}, got ${String(o.rateLimitMode)}`);
  }
  if (o.rateLimitBurst !== undefined && !(Number.isFinite(o.rateLimitBurst) && o.rateLimitBurst >= 1)) {
    throw new RangeError(`sandbox option rateLimitBurst must be a finite number >= 1, got ${String(o.rateLimitBurst)}`);
  }
  for (const key of ['latencyMs', 'rateLimit', 'propagationMs', 'port', 'queues', 'tokenTtlSeconds', 'backgroundLoad'] as const) {
    const v = (o as Record<string, unknown>)[key];
    if (v !== undefined && !(typeof v === 'number' && v >= 0 && Number.isFinite(v))) {
      throw new RangeError(`sandbox option ${key} must be a finite number >= 0, got ${String(v)}`);
    }
  }
}

/**
 * Starts a sandbox and resolves once it listens on 127.0.0.1. Rejects with RangeError for an
 * option out of range, when seeding fails (invalid definitions: `DefinitionError`; missing or
 * unreadable directory: `FileError`), or when the port cannot be bound (the listen error, e.g.
 * `EADDRINUSE`).
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxHandle> {
  checkOptions(options);
  const now = options.now ?? (() => new Date());
  const logger = options.logger ?? silentLogger();
  const seed = options.seed ?? 42;
  const state = new SandboxState(now);
  state.propagationMs = options.propagationMs ?? 0;
  if (options.health) state.setHealth(options.health);
  await seedSandbox(state, {
    seedDir: options.seedDir ?? null,
    cwd: options.cwd ?? process.cwd(),
    queues: options.queues ?? 0,
    seed,
  });
  const clientId = options.clientId ?? 'sandbox';
  const tokens = new TokenStore({
    clientId,
    clientSecret: options.clientSecret ?? 'sandbox',
    extraClients: options.extraClients ?? [CONSOLE_CLIENT],
    grantScopes: options.grantScopes ?? ALL_SCOPES,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    now,
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
  const pipeline = new Pipeline({ dialect: v2Dialect(state, tokens), limiter, faults, logger });
  pipeline.latencyMs = options.latencyMs ?? 0;
  pipeline.retryAfter = options.retryAfter ?? true;
  const background = new BackgroundLoad(limiter, clientId);
  background.set(options.backgroundLoad ?? 0);
  let closed = false;

  const server = createServer((req, res) => void pipeline.handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `http://127.0.0.1:${port}`;
  logger.info({ baseUrl, queues: state.queueCount, skills: state.skills().length }, 'sandbox listening');

  return {
    baseUrl,
    state,
    stats: pipeline.stats,
    requests: pipeline.record,
    background: background.counts,
    setFaults(f) {
      checkOptions(f);
      if (f.faultRate !== undefined) faults.rates.faultRate = f.faultRate;
      if (f.resetRate !== undefined) faults.rates.resetRate = f.resetRate;
      if (f.lostResponseRate !== undefined) faults.rates.lostResponseRate = f.lostResponseRate;
      if (f.latencyMs !== undefined) pipeline.latencyMs = f.latencyMs;
      if (f.rateLimit !== undefined) limiter.setRate(f.rateLimit);
      if (f.rateLimitBurst !== undefined || f.rateLimitMode !== undefined) {
        limiter.setShape({
          ...(f.rateLimitBurst === undefined ? {} : { burst: f.rateLimitBurst }),
          ...(f.rateLimitMode === undefined ? {} : { mode: f.rateLimitMode }),
        });
      }
      if (f.retryAfter !== undefined) pipeline.retryAfter = f.retryAfter;
      if (f.backgroundLoad !== undefined) background.set(f.backgroundLoad);
      if (f.propagationMs !== undefined) state.propagationMs = f.propagationMs;
    },
    expireTokens: () => tokens.expireAll(),
    async close() {
      if (closed) return;
      closed = true;
      background.set(0);
      pipeline.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

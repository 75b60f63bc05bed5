/**
 * `startSandbox`: a real HTTP server on 127.0.0.1 that obeys shared/cxone-api.md, for tests,
 * benches, the demo and `cxq sandbox`. The request pipeline is in pipeline.ts; docs/sandbox.md
 * describes behaviour and every reading of the contract.
 */
import { createServer } from 'node:http';
import { ALL_SCOPES } from '../cxone/types.js';
import { silentLogger } from '../log.js';
import { TokenStore } from './auth.js';
import { FaultInjector, RateLimiter } from './limits.js';
import { Pipeline } from './pipeline.js';
import { seedSandbox } from './seed.js';
import { SandboxState } from './state.js';
export { SandboxState } from './state.js';
/** Throws RangeError for an option outside its domain (a programming error of the caller). */
function checkOptions(o) {
    for (const key of ['faultRate', 'resetRate', 'lostResponseRate']) {
        const v = o[key];
        if (v !== undefined && !(v >= 0 && v <= 1))
            throw new RangeError(`sandbox option ${key} must be within 0..1, got ${v}`);
    }
    for (const key of ['latencyMs', 'rateLimit', 'propagationMs', 'port', 'queues', 'tokenTtlSeconds']) {
        const v = o[key];
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
export async function startSandbox(options = {}) {
    checkOptions(options);
    const now = options.now ?? (() => new Date());
    const logger = options.logger ?? silentLogger();
    const seed = options.seed ?? 42;
    const state = new SandboxState(now);
    state.propagationMs = options.propagationMs ?? 0;
    if (options.health)
        state.setHealth(options.health);
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
        grantScopes: options.grantScopes ?? ALL_SCOPES,
        tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
        now,
    });
    const limiter = new RateLimiter(options.rateLimit ?? 0);
    const faults = new FaultInjector(seed, {
        faultRate: options.faultRate ?? 0,
        resetRate: options.resetRate ?? 0,
        lostResponseRate: options.lostResponseRate ?? 0,
    });
    const pipeline = new Pipeline({ state, tokens, limiter, faults, logger });
    pipeline.latencyMs = options.latencyMs ?? 0;
    let closed = false;
    const server = createServer((req, res) => void pipeline.handle(req, res));
    await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port ?? 0, '127.0.0.1', () => {
            server.off('error', reject);
            resolve();
        });
    });
    const port = server.address().port;
    const baseUrl = `http://127.0.0.1:${port}`;
    logger.info({ baseUrl, queues: state.queueCount, skills: state.skills().length }, 'sandbox listening');
    return {
        baseUrl,
        state,
        stats: pipeline.stats,
        setFaults(f) {
            checkOptions(f);
            if (f.faultRate !== undefined)
                faults.rates.faultRate = f.faultRate;
            if (f.resetRate !== undefined)
                faults.rates.resetRate = f.resetRate;
            if (f.lostResponseRate !== undefined)
                faults.rates.lostResponseRate = f.lostResponseRate;
            if (f.latencyMs !== undefined)
                pipeline.latencyMs = f.latencyMs;
            if (f.rateLimit !== undefined)
                limiter.setRate(f.rateLimit);
            if (f.propagationMs !== undefined)
                state.propagationMs = f.propagationMs;
        },
        expireTokens: () => tokens.expireAll(),
        async close() {
            if (closed)
                return;
            closed = true;
            pipeline.close();
            await new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            });
        },
    };
}
//# sourceMappingURL=server.js.map
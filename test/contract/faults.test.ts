/**
 * apply through the second server's scripted trouble: 429 with `Retry-After: 0` and `2`, a 503
 * burst, every token revoked mid-run and 2-second tokens. Each changed queue is still written once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';
import type { SecondServer } from './second-server.js';
import { startSeeded, tempRepo, unknownFieldsFor } from './seed.js';

const TIER2 = '7a2d4e90-1b3c-4d5e-8f60-a1b2c3d4e5f6';
const SALES = '9d8c7b6a-5f4e-4d3c-8b2a-190817263544';

const repo = tempRepo();
let server: SecondServer;
let env: Record<string, string>;
beforeAll(async () => {
  ({ server, env } = await startSeeded(repo.dir, {
    tokenTtlS: 2,
    // 6 and 7 are the two PUTs (after health, list and three skill pages): by then the pacer has
    // enough answers to measure a rate, so the 429s do not slow the rest of the run to a crawl.
    faults: { throttle2: [6], throttle0: [7], unavailable: [9, 10], revokeTokens: [12] },
  }));
});
afterAll(async () => {
  await server.stop();
  repo.cleanup();
});

function edit(file: string, from: string, to: string): void {
  const path = join(repo.dir, file);
  writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}

it('apply --dir converges through 429s, a 503 burst, short tokens and a revoked token, with one accepted PUT per queue', async () => {
  edit('support/tier2.yaml', 'maxWaitTime: 600', 'maxWaitTime: 660');
  edit('sales.yaml', 'maxWaitTime: 180', 'maxWaitTime: 200');
  const r = await runCaptured(['apply', '--yes', '--dir', 'queues', '--report', 'r.json'], { env, cwd: repo.cwd });
  expect(r.stdout).toContain('2 applied, 0 failed');
  expect(r.code).toBe(0);
  const statuses = server.log.map((l) => l.status);
  expect(statuses.filter((s) => s === 429)).toHaveLength(2);
  expect(statuses.filter((s) => s === 503)).toHaveLength(2);
  // The 2 s Retry-After outlives the 2 s token: a token taken before the wait would be refused.
  // Only the revocation at request 12 may cause a 401.
  const refused = server.log.filter((l) => l.status === 401);
  expect(refused.every((l) => l.n >= 12)).toBe(true);
  expect(server.tenant.putsById).toEqual(new Map([[TIER2, 1], [SALES, 1]]));
  expect(server.tenant.truth(TIER2)).toMatchObject({ ...unknownFieldsFor('Support Tier 2'), maxWaitTime: 660 });
  expect(server.tenant.truth(SALES)).toMatchObject({ ...unknownFieldsFor('Sales Inbound'), maxWaitTime: 200 });
  const plan = await runCaptured(['plan', '--detailed-exitcode'], { env, cwd: repo.cwd });
  expect(plan.code).toBe(0);
});

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planChecksum } from '../../src/plan/saved.js';
import type { SavedPlan } from '../../src/plan/types.js';
import { onPutReceived, queueId, startTenant, type Tenant } from '../apply/tenant.js';

let t: Tenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function savedPlan(): Promise<{ t: Tenant; plan: SavedPlan; write: (p: unknown) => void }> {
  const tenant = await startTenant(4);
  tenant.declare({ 0: 600, 1: 700 });
  expect((await tenant.run(['plan', '--out', 'plan.json'])).code).toBe(0);
  const file = join(tenant.cwd, 'plan.json');
  return {
    t: tenant,
    plan: JSON.parse(readFileSync(file, 'utf8')) as SavedPlan,
    write: (p) => writeFileSync(file, typeof p === 'string' ? p : `${JSON.stringify(p, null, 2)}\n`),
  };
}

/** Refused before anything is written: exit 1, the message, no PUT, no report. */
async function expectRefused(tenant: Tenant, message: string): Promise<void> {
  const r = await tenant.run(['apply', '--plan', 'plan.json', '--report', 'r.json']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(message);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(tenant.sb.stats.puts).toBe(0);
  expect(r.stdout).not.toContain('Report:');
  expect(existsSync(join(tenant.cwd, 'r.json'))).toBe(false);
}

/** What an attacker does: edit the plan, then recompute the (unkeyed) sha256 checksum. */
function resign(plan: SavedPlan): SavedPlan {
  const { checksum: _old, ...rest } = plan;
  return { ...rest, checksum: planChecksum(rest) };
}

describe('apply --plan refuses a plan it cannot trust, writing nothing', () => {
  it('a plan edited by hand to change a desired value (checksum mismatch)', async () => {
    const s = await savedPlan();
    t = s.t;
    s.plan.changes[0]!.desired.maxWaitTime = 7200;
    s.write(s.plan);
    await expectRefused(t, 'plan.json: checksum mismatch, the plan was modified after `cxq plan --out` wrote it');
  });

  it('a plan edited by hand to add a queue (checksum mismatch)', async () => {
    const s = await savedPlan();
    t = s.t;
    s.plan.changes.push({ ...s.plan.changes[0]!, id: queueId(3), name: 'Queue 3', version: 1 });
    s.write(s.plan);
    await expectRefused(t, 'checksum mismatch');
  });

  it('a truncated plan (invalid JSON)', async () => {
    const s = await savedPlan();
    t = s.t;
    s.write(JSON.stringify(s.plan).slice(0, 200));
    await expectRefused(t, 'plan.json is not a cxq plan: invalid JSON');
  });

  it('a plan from another formatVersion, even with a valid checksum', async () => {
    const s = await savedPlan();
    t = s.t;
    const old = { ...s.plan, formatVersion: 0 } as unknown as SavedPlan;
    s.write({ ...old, checksum: planChecksum(old) });
    await expectRefused(t, 'plan.json has plan formatVersion 0; this cxq reads formatVersion 1');
  });

  it('a plan made for another tenant (baseUrl), even with a valid checksum', async () => {
    const s = await savedPlan();
    t = s.t;
    const other = { ...s.plan, baseUrl: 'https://us-1.api.cxm.nice.incontact.com' };
    s.write({ ...other, checksum: planChecksum(other) });
    await expectRefused(t, 'plan.json was planned against https://us-1.api.cxm.nice.incontact.com, not http://127.0.0.1:');
  });

  it('a plan whose queue was deleted live before the apply (stale: deleted)', async () => {
    const s = await savedPlan();
    t = s.t;
    t.sb.state.deleteOutOfBand(queueId(1));
    await expectRefused(t, `Saved plan is stale: 1 planned queue(s) changed since it was made: Queue 1 (${queueId(1)}) deleted`);
  });
});

describe('apply --plan refuses a crafted plan with a recomputed checksum, before any write', () => {
  it('(a) a field the queue schema does not declare', async () => {
    const s = await savedPlan();
    t = s.t;
    (s.plan.changes[0]!.desired as Record<string, unknown>)['routingPriority'] = 99;
    s.write(resign(s.plan));
    await expectRefused(t, `plan.json writes what no definition can declare: Queue 0 (${queueId(0)}) routingPriority: is not a field the queue schema declares`);
  });

  it('(a) the read-only id, which would move the write to another queue', async () => {
    const s = await savedPlan();
    t = s.t;
    (s.plan.changes[0]!.desired as Record<string, unknown>)['id'] = queueId(3);
    s.write(resign(s.plan));
    await expectRefused(t, `Queue 0 (${queueId(0)}) id: is not a field the queue schema declares`);
  });

  it('(a) a schema field that no definition declares (the report would list only the declared one)', async () => {
    const s = await savedPlan();
    t = s.t;
    s.plan.changes[0]!.desired.description = 'written by a pull request';
    s.write(resign(s.plan));
    await expectRefused(t, `plan.json does not match the definitions in queues: Queue 0 (${queueId(0)}) description: the plan writes "written by a pull request", but no definition declares this field`);
  });

  it('(a) a value the schema refuses', async () => {
    const s = await savedPlan();
    t = s.t;
    s.plan.changes[0]!.desired.maxWaitTime = 1_000_000;
    s.write(resign(s.plan));
    await expectRefused(t, `Queue 0 (${queueId(0)}) maxWaitTime: is refused by the queue schema`);
  });

  it('(b) a value that differs from the definitions (and from the reviewed diff)', async () => {
    const s = await savedPlan();
    t = s.t;
    s.plan.changes[0]!.desired.maxWaitTime = 7200;
    s.write(resign(s.plan));
    await expectRefused(t, `Queue 0 (${queueId(0)}) maxWaitTime: the plan writes 7200, the definitions say 600`);
  });

  it('(c) a summary that lies to pass the 30% threshold: the threshold counts the changes', async () => {
    t = await startTenant(10);
    t.declare({ 0: 600, 1: 600, 2: 600, 3: 600 });
    expect((await t.run(['plan', '--out', 'plan.json'])).code).toBe(0);
    const file = join(t.cwd, 'plan.json');
    const plan = JSON.parse(readFileSync(file, 'utf8')) as SavedPlan;
    plan.summary = { managed: 100, update: 4, noop: 96, unmanaged: 0 };
    writeFileSync(file, JSON.stringify(resign(plan)));
    await expectRefused(t, 'refusing to update 4 of 10 managed queues (40% > 30%)');
    const forced = await t.run(['apply', '--plan', 'plan.json', '--force', '--report', 'f.json']);
    expect(forced.code).toBe(0);
    expect(t.sb.stats.puts).toBe(4);
  });

  it('(d) a change the definitions hold that the plan omits', async () => {
    const s = await savedPlan();
    t = s.t;
    s.plan.changes = s.plan.changes.filter((c) => c.id !== queueId(1));
    s.write(resign(s.plan));
    await expectRefused(t, `Queue 1 (${queueId(1)}) maxWaitTime: differs from the live queue in the definitions, but the plan omits it`);
  });

  it('(d) a change the definitions hold that the plan marks unchanged', async () => {
    const s = await savedPlan();
    t = s.t;
    const c = s.plan.changes.find((x) => x.id === queueId(1))!;
    Object.assign(c, { action: 'noop', fields: [], patch: [] });
    s.write(resign(s.plan));
    await expectRefused(t, `Queue 1 (${queueId(1)}) maxWaitTime: differs from the live queue in the definitions, but the plan marks it unchanged`);
  });

  it('a definition changed after the plan was made (the plan is checked against --dir now)', async () => {
    const s = await savedPlan();
    t = s.t;
    t.declare({ 0: 900, 1: 700 });
    await expectRefused(t, `Queue 0 (${queueId(0)}) maxWaitTime: the plan writes 600, the definitions say 900`);
  });

  it('a planned queue that no definition in --dir manages', async () => {
    const s = await savedPlan();
    t = s.t;
    t.declare({ 0: 600, 1: 700 }, { omit: [3] });
    await expectRefused(t, `Queue 3 (${queueId(3)}) *: is in the plan but no definition manages this queue`);
  });
});

describe('apply --plan when a queue vanishes during the run', () => {
  it('fails that queue only (404, the server reason) and applies the others', async () => {
    const s = await savedPlan();
    t = s.t;
    onPutReceived(t.sb, (n) => {
      if (n === 1) t!.sb.state.deleteOutOfBand(queueId(1));
    });
    const r = await t.run(['apply', '--plan', 'plan.json', '--concurrency', '1', '--report', 'r.json']);
    expect(r.code).toBe(1);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
    expect(r.stdout).toContain(`failed: Queue 1 (${queueId(1)}): HTTP 404 not.found`);
    const report = JSON.parse(readFileSync(join(t.cwd, 'r.json'), 'utf8'));
    expect(report.summary).toEqual({ applied: 1, failed: 1, skipped: 0, noop: 2 });
    expect(report.entries[1]).toMatchObject({ outcome: 'failed', attempts: 1, error: { status: 404, code: 'not.found' } });
    expect(readFileSync(join(t.cwd, 'r.md'), 'utf8')).toContain('## Failed: Queue 1\n\nHTTP 404 `not.found`');
  });
});

import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queueId, startTenant, type Tenant } from './tenant.js';

/**
 * Tests run as root here, and chmod does not stop root, so the refusals a CI runner meets
 * (the image's uid 1000 writing into a checkout owned by uid 1001, or a read-only mount) are
 * injected into node:fs for paths below `cxq-reports`, exactly as Node reports them.
 */
const deny = vi.hoisted(() => ({ mkdir: '' as string, write: '' as string }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const refuse = (code: string, syscall: string, path: unknown): Error =>
    Object.assign(new Error(`${code}: ${code === 'EROFS' ? 'read-only file system' : 'permission denied'}, ${syscall} '${String(path)}'`), { code, syscall, path: String(path) });
  const mkdirSync = ((path: Parameters<typeof fs.mkdirSync>[0], options?: Parameters<typeof fs.mkdirSync>[1]) => {
    if (deny.mkdir !== '' && String(path).endsWith('cxq-reports')) throw refuse(deny.mkdir, 'mkdir', path);
    return fs.mkdirSync(path, options);
  }) as typeof fs.mkdirSync;
  const writeFileSync = ((file: Parameters<typeof fs.writeFileSync>[0], ...rest: [never, never?]) => {
    if (deny.write !== '' && /cxq-reports.*\.tmp$/.test(String(file))) throw refuse(deny.write, 'open', file);
    return fs.writeFileSync(file, ...rest);
  }) as typeof fs.writeFileSync;
  return { ...fs, default: { ...fs, mkdirSync, writeFileSync }, mkdirSync, writeFileSync };
});

const RUN_AS_USER = '--user "$(id -u):$(id -g)"';

let t: Tenant | undefined;
afterEach(async () => {
  deny.mkdir = '';
  deny.write = '';
  await t?.close();
  t = undefined;
});

describe('cxq apply into a report directory it may not write', () => {
  it.each(['EACCES', 'EPERM', 'EROFS'])('%s on mkdir cxq-reports: exit 1, nothing sent, the hint gives --user and --report', async (code) => {
    t = await startTenant(2);
    t.declare({ 0: 600 });
    deny.mkdir = code;
    const r = await t.run(['apply', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: cannot open the apply journal ${t.cwd}/cxq-reports/`);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain(RUN_AS_USER);
    expect(r.stderr).toContain('--report FILE');
    expect(r.stderr).toContain('Nothing was sent to the tenant');
    expect(t.sb.stats.puts).toBe(0);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(300);
  });

  it('a report that cannot be written after the writes names the journal and gives the same fix', async () => {
    t = await startTenant(2);
    t.declare({ 0: 600 });
    deny.write = 'EACCES';
    const r = await t.run(['apply', '--yes', '--report', 'cxq-reports/run.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`error: cannot write ${t.cwd}/cxq-reports/run.json: EACCES`);
    expect(r.stderr).toContain(RUN_AS_USER);
    expect(r.stderr).toContain('the journal next to it still holds the record');
    expect(existsSync(`${t.cwd}/cxq-reports/run.journal.jsonl`)).toBe(true);
    expect(t.sb.state.getQueue(queueId(0))!.maxWaitTime).toBe(600);
  });

  it('a path that is simply wrong (a file where a directory should be) gets no --user advice', async () => {
    t = await startTenant(2);
    t.declare({ 0: 600 });
    const r = await t.run(['apply', '--yes', '--report', 'queues/q000.yaml/run.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('EEXIST'); // mkdir -p meets the file
    expect(r.stderr).toContain('--report FILE');
    expect(r.stderr).not.toContain('--user');
    expect(t.sb.stats.puts).toBe(0);
  });
});

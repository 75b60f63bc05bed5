import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planExport, writeExport } from '../../src/export/files.js';
import { liveQueue } from '../plan/fixtures.js';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'cxq-export-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

const live = [liveQueue({ id: 'q1', name: 'Alpha' }), liveQueue({ id: 'q2', name: 'Beta' })];

function plan(force = false, declared = new Map<string, string>()) {
  return planExport({ cwd, outDir: join(cwd, 'queues'), live, selected: live, declared, force });
}

describe('planExport / writeExport', () => {
  it('creates missing files with a modeline relative to the repo schemas dir', async () => {
    await mkdir(join(cwd, 'schemas'));
    await writeFile(join(cwd, 'schemas', 'queue.schema.json'), '{}');
    const files = await plan();
    expect(files.map((f) => [f.path, f.action])).toEqual([
      ['queues/alpha.yaml', 'create'],
      ['queues/beta.yaml', 'create'],
    ]);
    await writeExport(cwd, files);
    const text = await readFile(join(cwd, 'queues', 'alpha.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schemas/queue.schema.json');
  });

  it('points the modeline where the repo schema belongs even when it is missing (never into the install)', async () => {
    const files = await planExport({ cwd, outDir: join(cwd, 'a', 'b'), live, selected: live, declared: new Map(), force: false });
    expect(files[0]?.content.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/queue.schema.json');
  });

  it('leaves identical files alone and refuses to clobber a file that differs unless forced', async () => {
    await writeExport(cwd, await plan());
    await writeFile(join(cwd, 'queues', 'beta.yaml'), '# hand-edited\nid: q2\n');
    expect((await plan()).map((f) => f.action)).toEqual(['unchanged', 'conflict']);
    const forced = await plan(true);
    expect(forced.map((f) => f.action)).toEqual(['unchanged', 'update']);
    await writeExport(cwd, forced);
    expect(await readFile(join(cwd, 'queues', 'beta.yaml'), 'utf8')).toBe(forced[1]?.content);
  });

  it('skips a queue already declared in another file of the out dir', async () => {
    const files = await plan(false, new Map([['q1', 'queues/team/alpha-queue.yaml']]));
    expect(files[0]).toMatchObject({ action: 'skip', declaredIn: 'queues/team/alpha-queue.yaml' });
  });
});

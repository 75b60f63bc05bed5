import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ValidationResult } from '../../src/definitions/types.js';
import { listDefinitionFiles } from '../../src/definitions/files.js';
import { loadFiles } from '../../src/definitions/load.js';
import { loadFilesParallel } from '../../src/definitions/parallel.js';

// The worker script exists only in compiled form, so this test drives the built loader in dist/
// (`npm test` builds first through `pretest`): real worker threads, not the fallback path.
const BUILT = fileURLToPath(new URL('../../dist/definitions/validate.js', import.meta.url));

describe('validateDirectory on worker threads (built code)', () => {
  it('parses a large directory on several threads with exactly the single-thread result', async () => {
    expect(existsSync(BUILT), 'dist/ is missing: run `npm run build` (npm test does)').toBe(true);
    const { validateDirectory } = (await import(BUILT)) as {
      validateDirectory: (dir: string, o: { cwd: string; parallelism?: number }) => Promise<ValidationResult>;
    };
    const root = mkdtempSync(join(tmpdir(), 'cxq-parallel-'));
    mkdirSync(join(root, 'q'));
    for (let f = 0; f < 240; f++) {
      const docs = [`name: Queue ${f}\nmaxWaitTime: ${f * 40}\n`, `id: id-${f % 200}\nskills:\n  - { id: s${f % 3}, level: basic }\n`];
      writeFileSync(join(root, 'q', `${String(f).padStart(3, '0')}.yaml`), docs.join('---\n'));
    }
    const one = await validateDirectory('q', { cwd: root, parallelism: 1 });
    const two = await validateDirectory('q', { cwd: root, parallelism: 2 });
    expect(two).toEqual(one);
    // 240 files × 2 documents; maxWaitTime out of range (< 10 or > 7200) and duplicate ids are problems.
    expect(one.problems.some((p) => p.field === 'maxWaitTime')).toBe(true);
    expect(one.problems.some((p) => p.message.includes('duplicate id'))).toBe(true);
    expect(one.definitions.length).toBeGreaterThan(200);
  });
});

describe('a file that is not UTF-8 on the worker-thread path (issue 12 §6)', () => {
  it('is the same located problem on 2 threads as on 1, never a U+FFFD in a name', async () => {
    const { validateDirectory } = (await import(BUILT)) as {
      validateDirectory: (dir: string, o: { cwd: string; parallelism?: number }) => Promise<ValidationResult>;
    };
    const root = mkdtempSync(join(tmpdir(), 'cxq-parallel-'));
    mkdirSync(join(root, 'q'));
    for (let f = 0; f < 240; f++) {
      const name = f === 230 ? Buffer.from('name: Facturación\n', 'latin1') : Buffer.from(`name: Queue ${f}\n`);
      writeFileSync(join(root, 'q', `${String(f).padStart(3, '0')}.yaml`), name);
    }
    const one = await validateDirectory('q', { cwd: root, parallelism: 1 });
    const two = await validateDirectory('q', { cwd: root, parallelism: 2 });
    expect(two).toEqual(one);
    expect(two.problems).toEqual([
      { file: 'q/230.yaml', line: 1, column: 16, field: '(encoding)', message: 'invalid UTF-8 byte 0xF3; save the file as UTF-8' },
    ]);
    expect(JSON.stringify(two.definitions)).not.toContain('\uFFFD');
    rmSync(root, { recursive: true, force: true });
  });
});

describe('loadFilesParallel when no worker can start', () => {
  it('loads every file on the calling thread, with the sequential result', async () => {
    // Run from TypeScript sources there is no parse-worker.js: every worker fails to start.
    const root = mkdtempSync(join(tmpdir(), 'cxq-parallel-'));
    for (let f = 0; f < 40; f++) writeFileSync(join(root, `${String(f).padStart(2, '0')}.yaml`), `name: Q${f}\nmaxWaitTime: ${f}\n`);
    const files = await listDefinitionFiles(root, root);
    const results = await loadFilesParallel(files, 3);
    expect(results).toEqual(loadFiles(files));
    expect(results.map((r) => r.documents[0]?.definition.name)).toEqual(files.map((_, f) => `Q${f}`));
    rmSync(root, { recursive: true, force: true });
  });
});

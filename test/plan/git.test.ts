import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gitCommit } from '../../src/util/git.js';

describe('gitCommit', () => {
  it('returns the HEAD commit inside a repository', async () => {
    expect(await gitCommit(fileURLToPath(new URL('../..', import.meta.url)))).toMatch(/^[0-9a-f]{40}$/);
  });

  it('returns null outside a repository, and for a missing directory, without throwing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cxq-nogit-'));
    try {
      expect(await gitCommit(dir)).toBeNull();
      expect(await gitCommit(join(dir, 'missing'))).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DefinitionError, FileError } from '../../src/errors.js';
import { uuidFromName } from '../../src/sandbox/prng.js';
import { generateQueues, SEEDED_EXTRAS, STANDARD_SKILLS } from '../../src/sandbox/seed.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { call, getToken, put } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('sandbox seeded from queues/', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    sb = await startSandbox({ seedDir: 'queues', cwd: root, queues: 4 });
  });
  afterAll(() => sb.close());

  it('holds the 8 example queues plus the generated ones', () => {
    const names = sb.state.listQueues().map((q) => q.name);
    expect(names).toHaveLength(12);
    for (const n of ['Sales Inbound', 'VIP Concierge', 'Billing', 'Billing Spanish', 'Collections', 'Support Overflow Pool', 'Support Tier 1', 'Support Tier 2']) {
      expect(names).toContain(n);
    }
    expect(names.filter((n) => n.startsWith('Generated Queue '))).toHaveLength(4);
  });

  it('keeps declared fields and ids, fills the rest, and adds fields outside the contract', () => {
    const tier1 = sb.state.getQueue('3f6c1a52-9d0e-4f57-b0b8-2f0c3a9e7d11')!;
    expect(tier1).toMatchObject({
      name: 'Support Tier 1',
      maxWaitTime: 300,
      overflowThreshold: 85,
      overflowTargets: [
        { id: '7a2d4e90-1b3c-4d5e-8f60-a1b2c3d4e5f6', threshold: 120 },
        { id: 'c0ffee00-2bad-4b1d-9e2f-0a1b2c3d4e5f', threshold: 300 },
      ],
      version: 1,
      modifiedBy: { id: 'user-7f3a-admin', name: expect.any(String) },
      ...SEEDED_EXTRAS,
    });
    const sales = sb.state.getQueue('9d8c7b6a-5f4e-4d3c-8b2a-190817263544')!;
    expect(sales).toMatchObject({ overflowThreshold: 80, overflowTargets: [] });
  });

  it('gives the name-only Collections a stable UUID-shaped id derived from its name', () => {
    const collections = sb.state.listQueues().find((q) => q.name === 'Collections')!;
    expect(collections.id).toMatch(UUID);
    expect(collections.id).toBe(uuidFromName('queue:Collections'));
    expect(collections).toMatchObject({ maxWaitTime: 900, description: '', mediaType: 'voice' });
  });

  it('offers the standard skills plus every skill the definitions use', () => {
    const ids = sb.state.skills().map((s) => s.id);
    for (const s of STANDARD_SKILLS) expect(ids).toContain(s.id);
    for (const s of ['skill_vip', 'skill_spanish', 'skill_tier2']) expect(ids).toContain(s);
  });

  it('serves the seeded extras over HTTP and a full PUT keeps them', async () => {
    const token = await getToken(sb);
    const r = await call(sb, token, 'GET', '/api/v2/routing/queues/5b8e2c14-6a7f-4e09-b3d1-9c8d7e6f5a40');
    const updated = await put(sb, token, { ...r.body, maxWaitTime: 480 });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ ...SEEDED_EXTRAS, maxWaitTime: 480, version: 2 });
  });
});

describe('generated queues', () => {
  it('are deterministic for a seed, valid, and overflow only to earlier generated queues', () => {
    const a = generateQueues(50, 42);
    expect(generateQueues(50, 42)).toEqual(a);
    expect(generateQueues(50, 43).map((q) => q.id)).not.toEqual(a.map((q) => q.id));
    expect(a[0]!.name).toBe('Generated Queue 00001');
    expect(a[49]!.name).toBe('Generated Queue 00050');
    const ids = new Set<string>();
    for (const q of a) {
      expect(q.id).toMatch(UUID);
      expect(q.version).toBe(1);
      const skills = q.skills!.map((s) => s.id);
      expect(new Set(skills).size).toBe(skills.length);
      for (const t of q.overflowTargets!) expect(ids.has(t.id)).toBe(true);
      ids.add(q.id);
    }
    expect(a.filter((q) => q.overflowTargets!.length > 0).length).toBeGreaterThan(5);
  });

  it('all pass the server\'s own field rules (a no-change PUT of each succeeds)', async () => {
    const sb = await startSandbox({ queues: 30 });
    try {
      const token = await getToken(sb);
      for (const q of sb.state.listQueues()) expect((await put(sb, token, q)).status).toBe(200);
    } finally {
      await sb.close();
    }
  });
});

describe('seeding from an invalid directory', () => {
  it('refuses to start with every problem, and names a missing directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cxq-sandbox-seed-'));
    try {
      await writeFile(join(dir, 'bad.yaml'), 'name: Broken\nmaxWaitTime: 5\n');
      const err = await startSandbox({ seedDir: dir, cwd: dir }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DefinitionError);
      expect((err as DefinitionError).problems.map((p) => p.field)).toContain('maxWaitTime');
      await expect(startSandbox({ seedDir: 'missing', cwd: dir })).rejects.toBeInstanceOf(FileError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

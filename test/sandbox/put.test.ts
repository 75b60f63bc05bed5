import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queue } from '../../src/model/queue.js';
import { startSandbox, type SandboxHandle } from '../../src/sandbox/server.js';
import { call, getToken, put } from './helpers.js';

describe('sandbox PUT /api/v2/routing/queues/{id}', () => {
  let sb: SandboxHandle;
  let token: string;
  let ids: string[];
  beforeAll(async () => {
    sb = await startSandbox({ queues: 6 });
    token = await getToken(sb);
    ids = sb.state.listQueues().map((q) => q.id);
  });
  afterAll(() => sb.close());

  const live = (i = 0): Queue => sb.state.getQueue(ids[i]!)!;

  it('applies a full PUT: version + 1, dateModified, modifiedBy = client, one audit entry, writeCount 1', async () => {
    const before = live(0);
    const r = await put(sb, token, { ...before, maxWaitTime: 777 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: before.id, maxWaitTime: 777, version: before.version + 1 });
    expect(r.body.modifiedBy).toEqual({ id: 'sandbox', name: 'API client sandbox' });
    expect(r.body.dateModified).not.toBe(before.dateModified);
    expect(sb.state.getQueue(before.id)).toEqual(r.body);
    expect(sb.state.writeCount(before.id)).toBe(1);
    const entries = sb.state.auditEntries().filter((e) => e.resourceId === before.id);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'Update',
        resourceType: 'Queue',
        user: { id: 'sandbox', name: 'API client sandbox' },
        changes: [{ field: 'maxWaitTime', oldValue: before.maxWaitTime, newValue: 777 }],
      }),
    ]);
  });

  it('keeps fields it does not know and resets omitted ones to their defaults', async () => {
    const before = live(1);
    expect(before['acwTimeout']).not.toBe(0);
    const { acwTimeout: _a, description: _d, skills: _s, ...partial } = before;
    const r = await put(sb, token, { ...partial, customField: { nested: [1, 2] } });
    expect(r.status).toBe(200);
    expect(r.body.customField).toEqual({ nested: [1, 2] });
    expect(r.body.mediaType).toBe(before['mediaType']);
    expect(r.body.tags).toEqual(before['tags']);
    expect(r.body.acwTimeout).toBe(0);
    expect(r.body.description).toBe('');
    expect(r.body.skills).toEqual([]);
    const again = await put(sb, token, r.body);
    expect(again.body.customField).toEqual({ nested: [1, 2] });
  });

  it('ignores read-only fields in the body', async () => {
    const before = live(2);
    const r = await put(sb, token, {
      ...before,
      dateModified: '1999-01-01T00:00:00Z',
      modifiedBy: { id: 'mallory' },
      selfUri: '/elsewhere',
    });
    expect(r.status).toBe(200);
    expect(r.body.modifiedBy.id).toBe('sandbox');
    expect(r.body.selfUri).toBe(`/api/v2/routing/queues/${before.id}`);
    expect(r.body.dateModified).not.toBe('1999-01-01T00:00:00Z');
  });

  it('answers 412 precondition.required without If-Match, and writes nothing', async () => {
    const before = live(3);
    const r = await put(sb, token, before, null);
    expect(r.status).toBe(412);
    expect(r.body).toEqual({ status: 412, code: 'precondition.required', message: expect.stringContaining('If-Match') });
    expect(sb.state.writeCount(before.id)).toBe(0);
  });

  it('answers 409 conflict when If-Match or the body version is not the current version', async () => {
    const before = live(3);
    const stale = await put(sb, token, { ...before, version: before.version - 1 }, String(before.version - 1));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    const mixed = await put(sb, token, { ...before, version: before.version + 5 }, String(before.version));
    expect(mixed.status).toBe(409);
    expect((await put(sb, token, before, `"${before.version}"`)).status).toBe(200);
    expect(sb.state.writeCount(before.id)).toBe(1);
  });

  it('answers 404 for a queue that is gone, 400 for a body that is not JSON', async () => {
    const r = await put(sb, token, { id: 'no-such-queue', name: 'x', version: 1 });
    expect(r.status).toBe(404);
    const bad = await call(sb, token, 'PUT', `/api/v2/routing/queues/${ids[4]}`, { body: '{oops', headers: { 'if-match': '1' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ field: 'body', message: 'is not valid JSON' }]);
  });

  it('sees an out-of-band edit: version bumped, audit by the console user, then a stale PUT 409s', async () => {
    const before = live(4);
    const edited = sb.state.editOutOfBand(before.id, { maxWaitTime: 1234 });
    expect(edited).toMatchObject({ maxWaitTime: 1234, version: before.version + 1, name: before.name });
    expect(edited['acwTimeout']).toBe(before['acwTimeout']);
    expect(sb.state.auditEntries().at(-1)!.user.id).toBe('user-7f3a-admin');
    expect((await put(sb, token, before)).status).toBe(409);
    expect(() => sb.state.editOutOfBand(before.id, { maxWaitTime: 5 })).toThrow(/maxWaitTime/);
  });

  it('answers 404 after deleteOutOfBand', async () => {
    const q = live(5);
    expect(sb.state.deleteOutOfBand(q.id)).toBe(true);
    expect((await put(sb, token, q)).status).toBe(404);
    expect((await call(sb, token, 'GET', `/api/v2/routing/queues/${q.id}`)).status).toBe(404);
  });
});

describe('sandbox PUT field rules (400 with errors[])', () => {
  let sb: SandboxHandle;
  let token: string;
  let target: Queue;
  let other: Queue;
  beforeAll(async () => {
    sb = await startSandbox({ queues: 3 });
    token = await getToken(sb);
    [target, other] = sb.state.listQueues() as [Queue, Queue];
  });
  afterAll(() => sb.close());

  const attempt = (changes: Record<string, unknown>) => put(sb, token, { ...sb.state.getQueue(target.id)!, ...changes });
  const x = (n: number): string => 'x'.repeat(n);

  // [label, valid at the limit, invalid past it, field named in errors[]]
  const cases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
    ['name length', { name: x(120) }, { name: x(121) }, 'name'],
    ['name empty', { name: 'a' }, { name: '' }, 'name'],
    ['description length', { description: x(1000) }, { description: x(1001) }, 'description'],
    ['routingStrategy enum', { routingStrategy: 'firstAvailableAgent' }, { routingStrategy: 'roundRobin' }, 'routingStrategy'],
    ['maxWaitTime low', { maxWaitTime: 10 }, { maxWaitTime: 9 }, 'maxWaitTime'],
    ['maxWaitTime high', { maxWaitTime: 7200 }, { maxWaitTime: 7201 }, 'maxWaitTime'],
    ['maxWaitTime integer', { maxWaitTime: 30 }, { maxWaitTime: 30.5 }, 'maxWaitTime'],
    ['waitMusic.url scheme', { waitMusic: { playMusic: true, url: 'http://a.example/x.mp3' } }, { waitMusic: { playMusic: true, url: 'ftp://a.example/x.mp3' } }, 'waitMusic.url'],
    ['waitMusic.playMusic type', { waitMusic: { playMusic: false } }, { waitMusic: { playMusic: 'yes' } }, 'waitMusic.playMusic'],
    ['skill exists', { skills: [{ id: 'skill_sales', level: 'basic' }] }, { skills: [{ id: 'skill_nope', level: 'basic' }] }, 'skills[0].id'],
    ['skill level', { skills: [{ id: 'skill_sales', level: 'expert' }] }, { skills: [{ id: 'skill_sales', level: 'guru' }] }, 'skills[0].level'],
    ['skill twice', { skills: [{ id: 'skill_sales', level: 'basic' }, { id: 'skill_chat', level: 'basic' }] }, { skills: [{ id: 'skill_sales', level: 'basic' }, { id: 'skill_sales', level: 'expert' }] }, 'skills[1].id'],
    ['skillRoutingType', { skillRoutingType: 'all' }, { skillRoutingType: 'some' }, 'skillRoutingType'],
    ['enableOverflow type', { enableOverflow: true }, { enableOverflow: 'true' }, 'enableOverflow'],
    ['overflowThreshold low', { overflowThreshold: 0 }, { overflowThreshold: -1 }, 'overflowThreshold'],
    ['overflowThreshold high', { overflowThreshold: 100 }, { overflowThreshold: 101 }, 'overflowThreshold'],
    ['overflow target threshold', { overflowTargets: [{ id: 'OTHER', threshold: 7200 }] }, { overflowTargets: [{ id: 'OTHER', threshold: 7201 }] }, 'overflowTargets[0].threshold'],
    ['overflow target exists', { overflowTargets: [{ id: 'OTHER', threshold: 0 }] }, { overflowTargets: [{ id: 'nope', threshold: 0 }] }, 'overflowTargets[0].id'],
    ['overflow target not self', { overflowTargets: [{ id: 'OTHER', threshold: 0 }] }, { overflowTargets: [{ id: 'SELF', threshold: 0 }] }, 'overflowTargets[0].id'],
  ];

  const resolveIds = (v: Record<string, unknown>): Record<string, unknown> =>
    JSON.parse(JSON.stringify(v).replaceAll('"OTHER"', JSON.stringify(other.id)).replaceAll('"SELF"', JSON.stringify(target.id)));

  it.each(cases)('%s: the limit passes, past it is a 400 naming the field', async (_label, ok, bad, field) => {
    const passed = await attempt(resolveIds(ok));
    expect(passed.status).toBe(200);
    const before = sb.state.writeCount(target.id);
    const failed = await attempt(resolveIds(bad));
    expect(failed.status).toBe(400);
    expect(failed.body.code).toBe('bad.request');
    expect(failed.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    expect(sb.state.writeCount(target.id)).toBe(before);
  });

  it('names every failing field at once', async () => {
    const r = await attempt({ maxWaitTime: 5, routingStrategy: 'x', overflowThreshold: 500, skills: [{ id: 'skill_sales' }] });
    expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'routingStrategy',
      'maxWaitTime',
      'skills[0].level',
      'overflowThreshold',
    ]);
    expect(r.body.errors[1].message).toBe('must be an integer between 10 and 7200');
  });

  it('requires a name and refuses one another queue holds', async () => {
    const { name: _n, ...nameless } = sb.state.getQueue(target.id)!;
    expect((await put(sb, token, nameless)).body.errors).toEqual([{ field: 'name', message: 'is required' }]);
    const clash = await attempt({ name: other.name });
    expect(clash.body.errors[0]).toMatchObject({ field: 'name', message: expect.stringContaining('unique') });
  });
});

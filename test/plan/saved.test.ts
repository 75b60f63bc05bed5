import { describe, expect, it } from 'vitest';
import { buildPlan } from '../../src/plan/build.js';
import { parseSavedPlan, toSavedPlan } from '../../src/plan/saved.js';
import { canonicalJson } from '../../src/util/canonical-json.js';
import { PlanError } from '../../src/errors.js';
import { definitionOf, loaded, SKILLS, tenant } from './fixtures.js';

function saved() {
  const live = tenant();
  const { plan } = buildPlan({
    definitions: [loaded({ ...definitionOf(live[0]!), maxWaitTime: 420 })],
    live,
    skills: SKILLS,
    now: new Date('2026-12-01T08:00:00.000Z'),
  });
  return toSavedPlan(plan, { baseUrl: 'http://127.0.0.1:1', gitCommit: 'a'.repeat(40) });
}

describe('saved plans', () => {
  it('carries version, desired fields, baseUrl and commit, but not the local source path', () => {
    const s = saved();
    expect(Object.keys(s)).toEqual(['formatVersion', 'kind', 'generatedAt', 'baseUrl', 'gitCommit', 'checksum', 'summary', 'changes', 'unmanaged']);
    expect(s.checksum).toMatch(/^[0-9a-f]{64}$/);
    const change = s.changes.find((c) => c.action === 'update');
    expect(change).toMatchObject({ id: 'q-tier1', version: 7, desired: { maxWaitTime: 420 } });
    expect(change).not.toHaveProperty('source');
  });

  it('round-trips through JSON and checks the checksum over canonical JSON', () => {
    const s = saved();
    expect(parseSavedPlan(JSON.stringify(s, null, 2), 'p.json')).toEqual(s);
    // key order is irrelevant: canonical JSON re-sorts keys
    expect(parseSavedPlan(canonicalJson(s), 'p.json')).toEqual(s);
  });

  it('refuses a tampered plan', () => {
    const s = saved();
    const change = s.changes[0]!;
    (change.desired as Record<string, unknown>)['maxWaitTime'] = 7200;
    expect(() => parseSavedPlan(JSON.stringify(s), 'p.json')).toThrowError(
      'p.json: checksum mismatch, the plan was modified after `cxq plan --out` wrote it',
    );
  });

  it.each([
    ['not JSON', '{"kind":', /p\.json is not a cxq plan: invalid JSON/],
    ['another kind', JSON.stringify({ kind: 'tfplan' }), /p\.json is not a cxq plan \(kind is not "cxq-plan"\)/],
    ['another version', JSON.stringify({ kind: 'cxq-plan', formatVersion: 2 }), /formatVersion 2; this cxq reads formatVersion 1/],
    ['a broken change', JSON.stringify({ ...saved(), changes: [{ id: 'x' }] }), /changes\[0\] lacks id or name/],
    ['no checksum', JSON.stringify({ ...saved(), checksum: undefined }), /checksum mismatch/],
  ])('refuses %s with a PlanError', (_label, text, message) => {
    expect(() => parseSavedPlan(text, 'p.json')).toThrowError(message);
    expect(() => parseSavedPlan(text, 'p.json')).toThrowError(PlanError);
  });
});

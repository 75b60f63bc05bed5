import { describe, expect, it } from 'vitest';
import {
  checkChangeThreshold,
  checkHealth,
  MAX_CHANGE_PERCENT,
  MIN_MANAGED_FOR_THRESHOLD,
} from '../../src/apply/safety.js';

describe('checkChangeThreshold', () => {
  it('uses the octoDNS defaults', () => {
    expect(MAX_CHANGE_PERCENT).toBe(30);
    expect(MIN_MANAGED_FOR_THRESHOLD).toBe(10);
  });

  it('passes exactly 30% of 10 managed queues', () => {
    expect(checkChangeThreshold({ managed: 10, update: 3 })).toEqual({ ok: true });
  });

  it('refuses 4 of 10 with the numbers and --force in the message', () => {
    expect(checkChangeThreshold({ managed: 10, update: 4 })).toEqual({
      ok: false,
      message:
        'refusing to update 4 of 10 managed queues (40% > 30%); review the plan and re-run with --force, or raise --max-change-percent',
    });
  });

  it('refuses just over the limit on a large tenant (301 of 1000)', () => {
    expect(checkChangeThreshold({ managed: 1000, update: 300 }).ok).toBe(true);
    const r = checkChangeThreshold({ managed: 1000, update: 301 });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain('301 of 1000 managed queues (30.1% > 30%)');
  });

  it('never refuses below 10 managed queues', () => {
    expect(checkChangeThreshold({ managed: 9, update: 9 })).toEqual({ ok: true });
  });

  it('passes with --force', () => {
    expect(checkChangeThreshold({ managed: 10, update: 10 }, { force: true })).toEqual({ ok: true });
  });

  it('honours --max-change-percent on both sides of the limit', () => {
    expect(checkChangeThreshold({ managed: 20, update: 10 }, { maxChangePercent: 50 })).toEqual({ ok: true });
    const r = checkChangeThreshold({ managed: 20, update: 11 }, { maxChangePercent: 50 });
    expect(!r.ok && r.message).toContain('11 of 20 managed queues (55% > 50%)');
    expect(checkChangeThreshold({ managed: 10, update: 1 }, { maxChangePercent: 0 }).ok).toBe(false);
  });
});

describe('checkHealth', () => {
  const health = (status: 'Healthy' | 'Degraded' | 'Unhealthy') => ({
    status,
    components: [{ name: 'routing', status }, { name: 'audit', status: 'Healthy' as const }],
  });

  it('passes Healthy silently', () => {
    expect(checkHealth(health('Healthy'))).toEqual({ ok: true });
  });

  it('warns on Degraded and names the component', () => {
    const r = checkHealth(health('Degraded'));
    expect(r.ok).toBe(true);
    expect(r.ok && r.warning).toContain('Degraded (routing Degraded)');
  });

  it('refuses Unhealthy and says --force', () => {
    const r = checkHealth(health('Unhealthy'));
    expect(r).toEqual({
      ok: false,
      message: 'refusing to apply: the CXone platform reports Unhealthy (routing Unhealthy); wait for it to recover or re-run with --force',
    });
  });

  it('lets --force through Unhealthy with a warning', () => {
    const r = checkHealth(health('Unhealthy'), true);
    expect(r.ok).toBe(true);
    expect(r.ok && r.warning).toContain('--force');
  });
});

import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseSla, parseTarget } from '../../src/insight/options.js';
import { parseSince, resolveInstant, windowSeconds } from '../../src/insight/range.js';

describe('parseSince', () => {
  it('accepts 30m, 24h, 7d and now-Nd as relative starts', () => {
    expect(parseSince('30m')).toBe('now-30m');
    expect(parseSince('24h')).toBe('now-24h');
    expect(parseSince('7d')).toBe('now-7d');
    expect(parseSince('now-2d')).toBe('now-2d');
  });
  it('accepts an ISO date (midnight UTC) or date-time, normalised to UTC', () => {
    expect(parseSince('2026-11-01')).toBe('2026-11-01T00:00:00.000Z');
    expect(parseSince('2026-11-01T10:00:00+02:00')).toBe('2026-11-01T08:00:00.000Z');
  });
  it('rejects anything else with a UsageError naming the flag', () => {
    for (const bad of ['7', '7w', 'yesterday', '', '2026-13-45', 'now', '-7d']) {
      expect(() => parseSince(bad)).toThrow(UsageError);
    }
    expect(() => parseSince('7w')).toThrow('--since "7w" is not a duration or a date');
    expect(() => parseSince('0d')).toThrow('--since "0d" selects an empty range');
  });
});

describe('windowSeconds', () => {
  const now = new Date('2026-11-20T10:00:00Z');
  it('now-5m → 300 s; ISO ranges by difference', () => {
    expect(windowSeconds({ startDate: 'now-5m', endDate: 'now' }, now)).toBe(300);
    expect(windowSeconds({ startDate: 'now-1h', endDate: 'now' }, now)).toBe(3600);
    expect(windowSeconds({ startDate: '2026-11-20T09:59:00Z', endDate: 'now' }, now)).toBe(60);
  });
  it('falls back to 300 s for an unreadable or empty range', () => {
    expect(windowSeconds({ startDate: 'garbage', endDate: 'now' }, now)).toBe(300);
    expect(windowSeconds({ startDate: 'now', endDate: 'now' }, now)).toBe(300);
  });
  it('resolveInstant reads days', () => {
    expect(resolveInstant('now-1d', now)).toBe(now.getTime() - 86_400_000);
  });
});

describe('--sla and --target', () => {
  it('accept the boundaries and reject past them', () => {
    expect(parseSla('86400')).toBe(86_400);
    expect(() => parseSla('86401')).toThrow('--sla "86401" must be a number of seconds > 0 and <= 86400');
    expect(() => parseSla('0')).toThrow(UsageError);
    expect(() => parseSla('abc')).toThrow(UsageError);
    expect(parseTarget('100')).toBe(1);
    expect(parseTarget('80%')).toBe(0.8);
    expect(() => parseTarget('100.1')).toThrow('--target "100.1" must be a percentage > 1 and <= 100');
    expect(parseTarget('1.5')).toBe(0.015);
  });

  it('refuses a --target that looks like a fraction, suggesting the percentage it meant', () => {
    expect(() => parseTarget('0.9')).toThrow('--target "0.9" is a percentage, not a fraction: did you mean 90%?');
    expect(() => parseTarget('0.95%')).toThrow('did you mean 95%?');
    expect(() => parseTarget('0.805')).toThrow('did you mean 80.5%?');
    expect(() => parseTarget('1')).toThrow('did you mean 100%?');
    expect(() => parseTarget('0.07')).toThrow('did you mean 7%?');
    expect(() => parseTarget('0')).toThrow(UsageError);
  });
});

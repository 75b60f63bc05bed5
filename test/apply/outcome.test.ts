import { describe, expect, it } from 'vitest';
import { decideUnknownOutcome, unprovenAnswer } from '../../src/apply/outcome.js';
import { liveQueue } from './fake-api.js';

const decide = (version: number, holdsDesired: boolean, modifiedBy?: string) =>
  decideUnknownOutcome({
    sentVersion: 7,
    reread: liveQueue('q1', { version, modifiedBy: modifiedBy === undefined ? undefined : { id: modifiedBy } }),
    holdsDesired,
    clientId: 'cxq-client',
  });

describe('decideUnknownOutcome (the decision table)', () => {
  it('version + 1 and desired values: our write landed', () => {
    expect(decide(8, true, 'anyone')).toBe('applied');
  });
  it('version moved further, desired values, modified by us: applied', () => {
    expect(decide(10, true, 'cxq-client')).toBe('applied');
  });
  it('version moved further, desired values, modified by someone else: noop', () => {
    expect(decide(10, true, 'colleague')).toBe('noop');
    expect(decide(10, true)).toBe('noop');
  });
  it('version unchanged and not desired: resend (If-Match makes it safe)', () => {
    expect(decide(7, false)).toBe('resend');
    expect(decide(6, false)).toBe('resend');
  });
  it('version unchanged but already desired: noop', () => {
    expect(decide(7, true)).toBe('noop');
  });
  it('version moved and not desired: someone else wrote, conflict', () => {
    expect(decide(8, false, 'colleague')).toBe('conflict');
    expect(decide(9, false, 'cxq-client')).toBe('conflict');
  });
});

describe('unprovenAnswer', () => {
  const q = (id: string, version: number) => ({ id, name: 'n', version });
  it('believes only the same queue at exactly the version sent + 1', () => {
    expect(unprovenAnswer(q('a', 8), 'a', 7)).toBeUndefined();
    expect(unprovenAnswer(q('a', 7), 'a', 7)).toBe('the answer showed version 7, not 8 (one above the version sent)');
    expect(unprovenAnswer(q('a', 3), 'a', 7)).toContain('version 3');
    expect(unprovenAnswer(q('a', 9), 'a', 7)).toContain('version 9');
    expect(unprovenAnswer(q('b', 8), 'a', 7)).toBe('the answer was another queue ("b")');
  });
});

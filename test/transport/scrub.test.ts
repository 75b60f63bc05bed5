import { describe, expect, it } from 'vitest';
import { scrubSecrets, secretForms } from '../../src/transport/scrub.js';

describe('scrubSecrets', () => {
  it('removes the literal, URL-encoded, form-encoded and JSON-escaped forms', () => {
    const secret = 'a b/c+"d"\\e';
    const scrub = scrubSecrets([secret]);
    const text = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret)].join(' | ');
    const out = scrub(text);
    expect(out).toBe('[redacted] | [redacted] | [redacted] | "[redacted]"');
    for (const form of secretForms(secret)) expect(out).not.toContain(form);
  });

  it('replaces a longer secret before a shorter one inside it, and ignores very short ones', () => {
    const scrub = scrubSecrets(['abcd', 'xxabcdxx', 'ab']);
    expect(scrub('xxabcdxx abcd ab')).toBe('[redacted] [redacted] ab');
  });
});

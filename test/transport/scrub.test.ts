import { describe, expect, it } from 'vitest';
import { REDACTED, makeScrubber, secretForms } from '../../src/transport/scrub.js';

const SECRET = 'S3cr3t+canary/value=42 ü*';

describe('makeScrubber', () => {
  it('removes the literal, URL-encoded, form-encoded and JSON-escaped forms of each secret', () => {
    const scrub = makeScrubber([SECRET, 'tok-123456']);
    const echoed = [
      SECRET,
      encodeURIComponent(SECRET),
      encodeURIComponent(SECRET).toLowerCase().replace(/s3cr3t/, 'S3cr3t'),
      new URLSearchParams({ client_secret: SECRET }).toString(),
      JSON.stringify({ secret: SECRET }),
      JSON.stringify(SECRET).replace(/\//g, '\\/').replace('ü', '\\u00fc'),
      'Bearer tok-123456',
    ];
    for (const text of echoed) {
      const out = scrub(text);
      expect(out, text).toContain(REDACTED);
      expect(out, text).not.toMatch(/canary|tok-123456/);
    }
  });

  it('leaves other text alone and ignores secrets too short to be told from words', () => {
    expect(makeScrubber(['abc'])('abc def')).toBe('abc def');
    expect(makeScrubber([])('anything')).toBe('anything');
    expect(makeScrubber(['secret-1'])('no secret here')).toBe('no secret here');
  });

  it('lists each form once', () => {
    expect(secretForms('plain-value')).toEqual(['plain-value']);
    expect(secretForms('a+b c')).toEqual(['a+b c', 'a%2Bb%20c', 'a%2bb%20c', 'a%2Bb+c', 'a%2bb+c']);
  });
});


describe('makeScrubber, mixed forms', () => {
  it('removes the literal, URL-encoded, form-encoded and JSON-escaped forms', () => {
    const secret = 'a b/c+"d"\\e';
    const scrub = makeScrubber([secret]);
    const text = [secret, encodeURIComponent(secret), new URLSearchParams({ s: secret }).toString().slice(2), JSON.stringify(secret)].join(' | ');
    const out = scrub(text);
    expect(out).toBe('[redacted] | [redacted] | [redacted] | "[redacted]"');
    for (const form of secretForms(secret)) expect(out).not.toContain(form);
  });

  it('replaces a longer secret before a shorter one inside it, and ignores very short ones', () => {
    const scrub = makeScrubber(['abcd', 'xxabcdxx', 'ab']);
    expect(scrub('xxabcdxx abcd ab')).toBe('[redacted] [redacted] ab');
  });
});

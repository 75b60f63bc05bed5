import { describe, expect, it } from 'vitest';
import { describeFinding, escapeSuspicious, findSuspicious } from '../../src/util/unicode.js';

describe('findSuspicious', () => {
  it('finds a zero-width space with its position and code point', () => {
    expect(findSuspicious('Support\u200b Tier 1')).toEqual([{ kind: 'zero-width', position: 8, codePoint: 'U+200B' }]);
  });

  it('finds every zero-width and bidi control of the lists', () => {
    for (const cp of [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]) {
      expect(findSuspicious(`a${String.fromCodePoint(cp)}b`)[0]?.kind).toBe('zero-width');
    }
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      expect(findSuspicious(`a${String.fromCodePoint(cp)}b`)[0]?.kind).toBe('bidi');
    }
  });

  it('reports other control and format characters but not tab, LF or CR', () => {
    expect(findSuspicious('a\u0007b\u00adc').map((f) => [f.kind, f.codePoint])).toEqual([
      ['control', 'U+0007'],
      ['control', 'U+00AD'],
    ]);
    expect(findSuspicious('line one\nline\ttwo\r\n')).toEqual([]);
  });

  it('flags a Latin word holding a Cyrillic or Greek letter, not whole words of one script', () => {
    const [f] = findSuspicious('Billing Sеrvice');
    expect(f).toMatchObject({ kind: 'mixed-script', position: 9, codePoint: 'U+0435', word: 'Sеrvice' });
    expect(findSuspicious('Pοrtal')[0]?.kind).toBe('mixed-script');
    expect(findSuspicious('Поддержка Support Ω-rated Façade')).toEqual([]);
  });

  it('describes a finding for a warning message', () => {
    expect(describeFinding(findSuspicious('Sеrvice')[0]!)).toContain('"S\\u0435rvice"');
    expect(describeFinding(findSuspicious('a\u202eb')[0]!)).toMatch(/bidirectional control character U\+202E at character 2/);
  });
});

describe('escapeSuspicious', () => {
  it('writes invisible characters as \\u escapes so a change is visible', () => {
    expect(escapeSuspicious('Support\u200b Tier 1')).toBe('Support\\u200b Tier 1');
    expect(escapeSuspicious('Invoice \u202Efdp.exe')).toBe('Invoice \\u202efdp.exe');
    expect(escapeSuspicious('\ufeffx')).toBe('\\ufeffx');
  });

  it('escapes only the Cyrillic or Greek letters of a mixed-script word', () => {
    expect(escapeSuspicious('Billing Sеrvice')).toBe('Billing S\\u0435rvice');
    expect(escapeSuspicious('Поддержка Façade')).toBe('Поддержка Façade');
  });

  it('leaves ordinary text alone', () => {
    expect(escapeSuspicious('Support | Tier 1 — café')).toBe('Support | Tier 1 — café');
  });
});

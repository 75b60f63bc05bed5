/**
 * Invisible and confusable characters, pure: what `cxq validate` warns about and what the plan and
 * drift renderers escape, so that a change that looks like none (a rename adding a zero-width
 * space, a Cyrillic "е" in a Latin word, a bidi override) is visible to a reviewer.
 *
 * - zero-width: U+200B–U+200D, U+2060, U+FEFF;
 * - bidi controls: U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C;
 * - other format or control characters (General_Category Cf or Cc), tab, LF and CR excepted;
 * - mixed-script words: one word holding Latin letters together with Cyrillic or Greek ones.
 */

/** What kind of suspicious character a finding is. */
export type UnicodeKind = 'zero-width' | 'bidi' | 'control' | 'mixed-script';

/** One suspicious character (or word, for `mixed-script`) in a string. */
export interface UnicodeFinding {
  kind: UnicodeKind;
  /** 1-based position of the character (or of the word's first character), in code points. */
  position: number;
  /** `U+200B`; for a mixed-script word, the first Cyrillic or Greek letter in it. */
  codePoint: string;
  /** The offending word (mixed-script only). */
  word?: string;
}

const ZERO_WIDTH = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]);
/** Whitespace controls that are ordinary in text (a description may span lines). */
const ORDINARY_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

/** Cheap pre-check: most strings hold none of this, and are done with one regex test. */
const MAYBE = /[\p{Cc}\p{Cf}\p{Script=Cyrillic}\p{Script=Greek}]/u;
const FORMAT_OR_CONTROL = /^[\p{Cc}\p{Cf}]$/u;
const WORD = /[\p{L}\p{M}]+/gu;
const LATIN = /\p{Script=Latin}/u;
const CONFUSABLE_SCRIPT = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** `U+200B`. */
export function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

function kindOf(cp: number): Exclude<UnicodeKind, 'mixed-script'> | undefined {
  if (ZERO_WIDTH.has(cp)) return 'zero-width';
  if (BIDI.has(cp)) return 'bidi';
  if (ORDINARY_CONTROLS.has(cp)) return undefined;
  return FORMAT_OR_CONTROL.test(String.fromCodePoint(cp)) ? 'control' : undefined;
}

/** Whether a word mixes Latin letters with Cyrillic or Greek ones. */
function mixedScript(word: string): boolean {
  return LATIN.test(word) && CONFUSABLE_SCRIPT.test(word);
}

/**
 * Every invisible character and mixed-script word in `text`, in order. A leading U+FEFF counts
 * too: inside a value it is never a byte-order mark. Pure; never throws.
 */
export function findSuspicious(text: string): UnicodeFinding[] {
  if (!MAYBE.test(text)) return [];
  const out: UnicodeFinding[] = [];
  let position = 0;
  for (const ch of text) {
    position += 1;
    const cp = ch.codePointAt(0)!;
    const kind = kindOf(cp);
    if (kind !== undefined) out.push({ kind, position, codePoint: codePointLabel(cp) });
  }
  for (const m of text.matchAll(WORD)) {
    if (!mixedScript(m[0])) continue;
    const first = [...m[0]].find((c) => CONFUSABLE_SCRIPT.test(c))!;
    out.push({
      kind: 'mixed-script',
      position: [...text.slice(0, m.index)].length + 1,
      codePoint: codePointLabel(first.codePointAt(0)!),
      word: m[0],
    });
  }
  return out.sort((a, b) => a.position - b.position);
}

/** Whether `text` holds anything {@link findSuspicious} reports. */
export function hasSuspicious(text: string): boolean {
  return findSuspicious(text).length > 0;
}

/**
 * `text` with every invisible character written as `\u200b` (lower-case hex, as JSON would), and
 * in a mixed-script word the Cyrillic and Greek letters escaped the same way, so `Supроrt` shows
 * as `Sup\u0440\u043ert`. Everything else, including ordinary non-Latin words, is unchanged.
 * Pure; never throws.
 */
export function escapeSuspicious(text: string): string {
  if (!MAYBE.test(text)) return text;
  const escape = (ch: string): string => {
    const cp = ch.codePointAt(0)!;
    return cp > 0xffff ? `\\u{${cp.toString(16)}}` : `\\u${cp.toString(16).padStart(4, '0')}`;
  };
  let out = '';
  for (const ch of text) out += kindOf(ch.codePointAt(0)!) === undefined ? ch : escape(ch);
  return out.replace(WORD, (word) =>
    mixedScript(word) ? [...word].map((c) => (CONFUSABLE_SCRIPT.test(c) ? escape(c) : c)).join('') : word,
  );
}

/** A short human description of a finding: `a zero-width character U+200B at character 8`. */
export function describeFinding(f: UnicodeFinding): string {
  switch (f.kind) {
    case 'zero-width':
      return `an invisible zero-width character ${f.codePoint} at character ${f.position}`;
    case 'bidi':
      return `a bidirectional control character ${f.codePoint} at character ${f.position} (it reorders how text displays)`;
    case 'control':
      return `an invisible control or format character ${f.codePoint} at character ${f.position}`;
    default:
      return `the word "${escapeSuspicious(f.word ?? '')}" at character ${f.position}, which mixes Latin with Cyrillic or Greek letters (${f.codePoint} looks like a Latin letter)`;
  }
}

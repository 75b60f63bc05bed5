/**
 * Warnings of `cxq validate` (pure): things that are valid but that a reviewer should see. Today:
 * invisible and confusable characters in any string of a definition (src/util/unicode.ts), since a
 * rename that adds a zero-width space or swaps a Latin "e" for a Cyrillic "е" looks like no change
 * at all in a pull request. A warning never makes validation fail.
 */
import type { Problem } from '../errors.js';
import { describeFinding, findSuspicious } from '../util/unicode.js';
import { sortProblems } from './order.js';
import { fieldName } from './positions.js';
import type { AnyLoadedDefinition } from './types.js';

/** Findings named in one warning; the rest are counted. */
const MAX_FINDINGS_SHOWN = 3;

/**
 * One warning per string value holding invisible characters (zero-width, bidi controls, other
 * control or format characters) or a mixed-script word, at the value's file:line:column, field in
 * the problems' notation (`skills[0].id`). Sorted like problems. Walks values of any shape (also
 * of definitions that failed the schema). Never throws.
 */
export function unicodeWarnings(definitions: readonly AnyLoadedDefinition[]): Problem[] {
  const out: Problem[] = [];
  for (const loaded of definitions) {
    walk(loaded.definition, [], (segments, text) => {
      const findings = findSuspicious(text);
      if (findings.length === 0) return;
      const shown = findings.slice(0, MAX_FINDINGS_SHOWN).map(describeFinding);
      if (findings.length > MAX_FINDINGS_SHOWN) shown.push(`${findings.length - MAX_FINDINGS_SHOWN} more`);
      const pointer = segments.length === 0 ? '' : `/${segments.map((s) => s.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
      const at = loaded.fieldLocations.at(pointer) ?? loaded.location;
      out.push({
        file: at.file,
        line: at.line,
        column: at.column,
        field: fieldName(segments),
        message: `contains ${shown.join('; ')}: it reads as ordinary text in a review; remove it unless it is meant (cxq plan shows it escaped)`,
      });
    });
  }
  return sortProblems(out);
}

function walk(value: unknown, segments: string[], visit: (segments: string[], text: string) => void): void {
  if (typeof value === 'string') {
    visit(segments, value);
  } else if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => walk(item, [...segments, String(i)], visit));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) walk(item, [...segments, key], visit);
  }
}

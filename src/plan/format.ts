/** Small formatting helpers shared by the plan and drift renderers (text and markdown). */
import { escapeSuspicious } from '../util/unicode.js';

/** A field pointer as users read it: `/waitMusic/url` → `waitMusic.url`. */
export function fieldLabel(path: string): string {
  return path.replace(/^\//, '').split('/').join('.');
}

/**
 * A value as users read it: strings quoted (as JSON, so a newline shows as `\n`), numbers and
 * booleans bare, lists and objects as compact JSON, and an absent value (`null`) as `(unset)`.
 * Invisible characters and confusable letters are escaped (`\u200b`, see src/util/unicode.ts),
 * so a change that would look like none is visible.
 */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '(unset)';
  return escapeSuspicious(JSON.stringify(value));
}

/** A name or id as shown in a heading: invisible characters and confusable letters escaped. */
export function displayText(text: string): string {
  return escapeSuspicious(text);
}

/** The short form of a queue id shown next to its name: the first 8 characters and `…`. */
export function shortId(id: string): string {
  return id.length > 8 ? `${id.slice(0, 8)}…` : id;
}

/** Cuts `text` to at most `max` characters, marking the cut with `…`. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Wraps text in ANSI colour when `enabled`; plain text otherwise. */
export function paint(enabled: boolean, colour: 'red' | 'green' | 'yellow' | 'bold' | 'dim', text: string): string {
  if (!enabled) return text;
  const codes = { red: 31, green: 32, yellow: 33, bold: 1, dim: 2 } as const;
  return `\u001b[${codes[colour]}m${text}\u001b[0m`;
}

/** `1 queue` / `3 queues`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

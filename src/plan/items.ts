/**
 * Item-level diffs of the two list fields, for the readable formats (text and Markdown of plan and
 * drift), pure. A reviewer reads what changed inside the list instead of two whole JSON arrays:
 *
 * - `skills` is a set keyed by id (sorted by id): `+ skill_billing (basic)`,
 *   `~ skill_tier1: advanced → expert`, `- skill_x`;
 * - `overflowTargets` is ordered, compared by position (0-based, as in `overflowTargets[1].id`):
 *   `~ [1] threshold 120 → 90`, `~ [0] id q-a → q-b`, `+ [2] q-c, threshold 60`,
 *   `- [2] q-c, threshold 60`. A target whose queue name is known shows as
 *   `Support Overflow Pool (c0ffee00…)`: a reviewer does not recognise a UUID.
 *
 * Ids are shown with invisible and confusable characters escaped (src/util/unicode.ts).
 */
import { isRecord } from '../util/canonical-json.js';
import { escapeSuspicious } from '../util/unicode.js';
import { fieldLabel, paint, shortId } from './format.js';
import { codeSpan } from './markdown.js';

/** One changed item of a list field. */
export interface ItemChange {
  mark: '+' | '-' | '~';
  /** `skill_tier1`, `[1]`: which item. */
  item: string;
  /** The item (or the changed part of it) before, `null` when it was added. */
  old: string | null;
  /** The item (or the changed part of it) after, `null` when it was removed. */
  new: string | null;
  /** The line a reviewer reads: `~ skill_tier1: advanced → expert`. */
  line: string;
}

/** The list fields that get item-level diffs. */
export const ITEM_FIELDS = new Set(['/skills', '/overflowTargets']);

/**
 * The item changes turning `from` into `to` for a list field path (`/skills`,
 * `/overflowTargets`), or `undefined` for any other path or when either side is not a list of
 * objects (then the caller shows the whole values). Never throws.
 */
export function itemChanges(
  path: string,
  from: unknown,
  to: unknown,
  queueNames: ReadonlyMap<string, string> = new Map(),
): ItemChange[] | undefined {
  const a = asList(from);
  const b = asList(to);
  if (a === undefined || b === undefined) return undefined;
  if (path === '/skills') return skillChanges(a, b);
  if (path === '/overflowTargets') return targetChanges(a, b, queueNames);
  return undefined;
}

/** Queue id → name of every queue a plan knows (managed and unmanaged), to name overflow targets. */
export function queueNamesOf(...lists: readonly (readonly { id: string; name: string }[])[]): Map<string, string> {
  return new Map(lists.flatMap((l) => l.map((q) => [q.id, q.name] as const)));
}

function asList(value: unknown): Record<string, unknown>[] | undefined {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value) || !value.every(isRecord)) return undefined;
  return value;
}

const text = (v: unknown): string => escapeSuspicious(typeof v === 'string' ? v : JSON.stringify(v) ?? 'null');

function skillChanges(from: Record<string, unknown>[], to: Record<string, unknown>[]): ItemChange[] {
  const before = new Map(from.map((s) => [text(s['id']), text(s['level'])]));
  const after = new Map(to.map((s) => [text(s['id']), text(s['level'])]));
  const ids = [...new Set([...before.keys(), ...after.keys()])].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const out: ItemChange[] = [];
  for (const id of ids) {
    const was = before.get(id);
    const now = after.get(id);
    if (was === undefined && now !== undefined) {
      out.push({ mark: '+', item: id, old: null, new: `${id} (${now})`, line: `+ ${id} (${now})` });
    } else if (was !== undefined && now === undefined) {
      out.push({ mark: '-', item: id, old: `${id} (${was})`, new: null, line: `- ${id}` });
    } else if (was !== now) {
      out.push({ mark: '~', item: id, old: `${id}: ${was}`, new: `${id}: ${now}`, line: `~ ${id}: ${was} → ${now}` });
    }
  }
  return out;
}

function targetChanges(from: Record<string, unknown>[], to: Record<string, unknown>[], names: ReadonlyMap<string, string>): ItemChange[] {
  const out: ItemChange[] = [];
  const queue = (id: unknown): string => {
    const name = typeof id === 'string' ? names.get(id) : undefined;
    return name === undefined ? text(id) : `${escapeSuspicious(name)} (${shortId(text(id))})`;
  };
  for (let i = 0; i < Math.max(from.length, to.length); i++) {
    const was = from[i];
    const now = to[i];
    const at = `[${i}]`;
    const whole = (t: Record<string, unknown>): string => `${queue(t['id'])}, threshold ${text(t['threshold'])}`;
    if (was === undefined && now !== undefined) {
      out.push({ mark: '+', item: at, old: null, new: whole(now), line: `+ ${at} ${whole(now)}` });
    } else if (was !== undefined && now === undefined) {
      out.push({ mark: '-', item: at, old: whole(was), new: null, line: `- ${at} ${whole(was)}` });
    } else if (was !== undefined && now !== undefined) {
      const parts: [string, string, string][] = [];
      if (text(was['id']) !== text(now['id'])) parts.push(['id', queue(was['id']), queue(now['id'])]);
      if (text(was['threshold']) !== text(now['threshold'])) parts.push(['threshold', text(was['threshold']), text(now['threshold'])]);
      if (parts.length === 0) continue;
      out.push({
        mark: '~',
        item: at,
        old: parts.map(([k, x]) => `${k} ${x}`).join(', '),
        new: parts.map(([k, , y]) => `${k} ${y}`).join(', '),
        line: `~ ${at} ${parts.map(([k, x, y]) => `${k} ${x} → ${y}`).join(', ')}`,
      });
    }
  }
  return out;
}

/** One item line of a list field, coloured by its mark. */
export function paintItem(color: boolean, item: ItemChange): string {
  const colour = item.mark === '+' ? 'green' : item.mark === '-' ? 'red' : 'yellow';
  return paint(color, colour, item.line);
}

/** The table cell of one side of an item change: the item in a code span, or `(none)`. */
export function itemCell(side: string | null): string {
  return side === null ? '(none)' : codeSpan(side);
}

/** The field cell of an item row: `skills`, or `overflowTargets[1]` for a positional item. */
export function itemField(path: string, item: ItemChange): string {
  return codeSpan(item.item.startsWith('[') ? `${fieldLabel(path)}${item.item}` : fieldLabel(path));
}

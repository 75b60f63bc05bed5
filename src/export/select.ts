import type { Queue } from '../model/queue.js';

/**
 * A glob on a whole queue name as a RegExp: `*` any run of characters, `?` one character,
 * everything else literal (case-sensitive, as names are matched elsewhere).
 */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob]
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/**
 * The queues to export: all of them when neither `ids` nor `glob` is given; otherwise the union of
 * the queues whose id is in `ids` and those whose name matches `glob`. `unknownIds` lists requested
 * ids that are not live (the caller refuses them). Order follows `live`. Pure.
 */
export function selectQueues<T extends { id: string; name: string } = Queue>(
  live: readonly T[],
  filter: { ids?: readonly string[]; glob?: string },
): { selected: T[]; unknownIds: string[] } {
  const ids = new Set(filter.ids ?? []);
  const pattern = filter.glob !== undefined ? globToRegExp(filter.glob) : undefined;
  if (ids.size === 0 && pattern === undefined) return { selected: [...live], unknownIds: [] };
  const liveIds = new Set(live.map((q) => q.id));
  const selected = live.filter((q) => ids.has(q.id) || (pattern !== undefined && pattern.test(q.name)));
  return { selected, unknownIds: [...ids].filter((id) => !liveIds.has(id)) };
}

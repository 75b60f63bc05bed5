import type { Queue } from '../model/queue.js';
import { normaliseField } from '../plan/normalise.js';
import type { DesiredFields } from '../plan/types.js';
import { isRecord, jsonEqual } from '../util/canonical-json.js';

/**
 * The body of a PUT: the live queue exactly as read — every field, unknown ones included, nested
 * unknown fields of `waitMusic` too — with only the declared fields replaced. `waitMusic` is
 * merged per declared leaf, so declaring `url` alone leaves `playMusic` as it is live.
 *
 * Pure: `live` and `desired` are never mutated, the result shares no object with either (a later
 * edit of the body cannot leak into the plan or the live snapshot). `id` is never taken from
 * `desired`; read-only fields (`version`, `dateModified`, ...) are carried as read, the server
 * ignores them. A field declared as `undefined` counts as not declared.
 *
 * A declared field that already holds the desired value in meaning (skills in another order, a
 * missing description vs `""`) keeps its live bytes, so the write changes nothing it need not and
 * the platform's audit log shows only real changes. List entries (`skills`, `overflowTargets`)
 * keep their unknown nested fields when an entry with the same id stays.
 */
export function mergeDesired(live: Queue, desired: DesiredFields): Queue {
  const body = structuredClone(live);
  for (const [key, value] of Object.entries(desired)) {
    if (value === undefined || key === 'id') continue;
    if (key === 'waitMusic') {
      body.waitMusic = mergeWaitMusic(body.waitMusic, value as DesiredFields['waitMusic']);
    } else if (jsonEqual(normaliseField(key, live[key]), normaliseField(key, value))) {
      continue;
    } else if (key === 'skills' || key === 'overflowTargets') {
      (body as Record<string, unknown>)[key] = mergeListById(live[key], value as { id: string }[]);
    } else {
      body[key] = structuredClone(value);
    }
  }
  return body;
}

/** Declared leaves replace live ones; live leaves (known or not) that are not declared stay. */
function mergeWaitMusic(
  live: Queue['waitMusic'],
  desired: DesiredFields['waitMusic'],
): Queue['waitMusic'] {
  const merged: Record<string, unknown> = isRecord(live) ? { ...live } : {};
  for (const [leaf, value] of Object.entries(desired ?? {})) {
    if (value !== undefined) merged[leaf] = value;
  }
  return merged as unknown as Queue['waitMusic'];
}

/**
 * The desired entries in the desired order, each laid over the live entry with the same id (first
 * unused match), so fields the API added to an entry survive while its declared leaves change.
 */
function mergeListById(live: unknown, desired: readonly { id: string }[]): unknown[] {
  const pool = Array.isArray(live) ? live.filter(isRecord) : [];
  return desired.map((entry) => {
    const at = pool.findIndex((candidate) => candidate['id'] === entry.id);
    const base = at >= 0 ? pool.splice(at, 1)[0] : undefined;
    return structuredClone({ ...base, ...entry });
  });
}

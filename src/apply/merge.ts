import type { Queue } from '../cxone/types.js';
import type { DesiredFields } from '../plan/types.js';

/**
 * The body of a PUT: the live queue exactly as read — every field, unknown ones included, nested
 * unknown fields of `waitMusic` too — with only the declared fields replaced. `waitMusic` is
 * merged per declared leaf, so declaring `url` alone leaves `playMusic` as it is live.
 *
 * Pure: `live` and `desired` are never mutated, the result shares no object with either (a later
 * edit of the body cannot leak into the plan or the live snapshot). `id` is never taken from
 * `desired`; read-only fields (`version`, `dateModified`, ...) are carried as read, the server
 * ignores them. A field declared as `undefined` counts as not declared.
 */
export function mergeDesired(live: Queue, desired: DesiredFields): Queue {
  const body = structuredClone(live);
  for (const [key, value] of Object.entries(desired)) {
    if (value === undefined || key === 'id') continue;
    if (key === 'waitMusic') {
      body.waitMusic = mergeWaitMusic(body.waitMusic, value as DesiredFields['waitMusic']);
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

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

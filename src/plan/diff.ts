import jsonPatch, { type Operation } from 'fast-json-patch';
import type { Queue } from '../model/queue.js';
import { DEFINITION_FIELDS } from '../definitions/types.js';
import { isRecord, jsonEqual } from '../util/canonical-json.js';
import { normaliseField, WAIT_MUSIC_LEAVES } from './normalise.js';
import type { DesiredFields, FieldChange } from './types.js';

/**
 * Compares one live queue with the fields its definition declares.
 *
 * - Only declared fields are compared; read-only (`version`, `dateModified`, ...) and undeclared or
 *   unknown live fields are ignored and never appear in `fields` or `patch`.
 * - Values are normalised first (src/plan/normalise.ts): skills as a set, overflowTargets in order,
 *   waitMusic per declared leaf, numbers as numbers, absent description = `""`, absent lists = `[]`.
 * - `fields` lists each differing field in canonical field order as `{path, old, new}`: `path` is a
 *   JSON pointer (`/maxWaitTime`, `/waitMusic/url`; `/skills` and `/overflowTargets` hold the whole
 *   normalised list); `old` is `null` when the live queue lacks the field.
 * - `patch` is the RFC 6902 patch (fast-json-patch `compare`) from the live managed projection to
 *   the desired one. Both projections are normalised, so skill indexes refer to the list sorted by
 *   id. It is empty exactly when `fields` is, and comes in the same field order as `fields`
 *   (compared field by field; `compare` alone walks keys last to first).
 *
 * Pure; never throws; does not mutate its arguments.
 */
export function diffQueue(live: Queue, desired: DesiredFields): { fields: FieldChange[]; patch: Operation[] } {
  const from: Record<string, unknown> = {};
  const to: Record<string, unknown> = {};
  const fields: FieldChange[] = [];
  const want = desired as Record<string, unknown>;
  for (const field of DEFINITION_FIELDS) {
    if (field === 'id' || want[field] === undefined) continue;
    if (field === 'waitMusic') {
      diffWaitMusic(live, desired.waitMusic ?? {}, from, to, fields);
      continue;
    }
    const oldValue = normaliseField(field, live[field]);
    const newValue = normaliseField(field, want[field]);
    if (oldValue !== undefined) from[field] = oldValue;
    to[field] = newValue;
    if (!jsonEqual(oldValue, newValue)) fields.push({ path: `/${field}`, old: oldValue ?? null, new: newValue });
  }
  return { fields, patch: fields.length === 0 ? [] : patchInFieldOrder(from, to) };
}

/** The RFC 6902 patch from `from` to `to`, one top-level field at a time, in `to`'s key order. */
function patchInFieldOrder(from: Record<string, unknown>, to: Record<string, unknown>): Operation[] {
  const ops: Operation[] = [];
  for (const field of Object.keys(to)) {
    const a = field in from ? { [field]: from[field] } : {};
    for (const op of jsonPatch.compare(a, { [field]: to[field] })) ops.push(op);
  }
  return ops;
}

function diffWaitMusic(
  live: Queue,
  declared: NonNullable<DesiredFields['waitMusic']>,
  from: Record<string, unknown>,
  to: Record<string, unknown>,
  fields: FieldChange[],
): void {
  const raw: unknown = live.waitMusic;
  const liveMusic = isRecord(raw) ? raw : undefined;
  const fromMusic: Record<string, unknown> = {};
  const toMusic: Record<string, unknown> = {};
  for (const leaf of WAIT_MUSIC_LEAVES) {
    const newValue = declared[leaf];
    if (newValue === undefined) continue;
    const oldValue = liveMusic?.[leaf];
    if (oldValue !== undefined) fromMusic[leaf] = oldValue;
    toMusic[leaf] = newValue;
    if (!jsonEqual(oldValue, newValue)) fields.push({ path: `/waitMusic/${leaf}`, old: oldValue ?? null, new: newValue });
  }
  if (liveMusic !== undefined) from['waitMusic'] = fromMusic;
  to['waitMusic'] = toMusic;
}

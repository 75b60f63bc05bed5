import { createHash } from 'node:crypto';
import type { Actor, Queue } from '../model/queue.js';
import type { AuditEntry } from '../model/tenant.js';
import type { Plan } from '../plan/types.js';
import { canonicalJson, compareStrings } from '../util/canonical-json.js';

/** One field that differs between the tenant and git. */
export interface DriftField {
  path: string;
  live: unknown;
  desired: unknown;
}

/** A managed queue whose live state no longer matches its definition. */
export interface DriftedQueue {
  id: string;
  name: string;
  version: number;
  /** Who changed the queue last, from the live object (`null` when the server does not say). */
  modifiedBy: Actor | null;
  dateModified: string | null;
  fields: DriftField[];
  /** Audit entries of this queue in the looked-up window, oldest first. */
  audit: AuditEntry[];
}

/** The drift report (`cxq drift`, formatVersion 1). */
export interface DriftReport {
  formatVersion: 1;
  generatedAt: string;
  inSync: boolean;
  /** sha256 of the drift itself: same drift, same fingerprint (see `driftFingerprint`). */
  fingerprint: string;
  summary: { managed: number; drifted: number; unmanaged: number };
  drifted: DriftedQueue[];
  unmanaged: { id: string; name: string }[];
  /** What the report could not include and why (e.g. no `audit:read` scope). */
  notes: string[];
}

/**
 * The fingerprint of a drift: sha256 (hex) of the canonical JSON of the sorted list of
 * `[queue id, field path, live value, desired value]`. Time, versions, who changed it and the
 * input order do not enter it, so a scheduler can alert once per distinct drift. The fingerprint of
 * "no drift" is the hash of `[]`.
 */
export function driftFingerprint(drifted: readonly { id: string; fields: readonly DriftField[] }[]): string {
  const tuples = drifted
    .flatMap((q) => q.fields.map((f) => [q.id, f.path, f.live, f.desired] as const))
    .map((t) => ({ key: canonicalJson(t), t }))
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((x) => x.t);
  return createHash('sha256').update(canonicalJson(tuples)).digest('hex');
}

/**
 * Turns a plan into a drift report: every `update` of the plan is drift (live ≠ desired), with who
 * changed the queue last (`modifiedBy`/`dateModified` of the live object) and its audit entries.
 * `audit` is the result of one audit query (`null` when it was not available; say why in
 * `notes`). Unmanaged queues are listed, never counted as drift. Pure; never throws.
 */
export function buildDriftReport(input: {
  plan: Plan;
  live: ReadonlyMap<string, Queue>;
  audit: readonly AuditEntry[] | null;
  notes: readonly string[];
}): DriftReport {
  const { plan } = input;
  const auditById = groupAudit(input.audit ?? []);
  const drifted: DriftedQueue[] = plan.changes
    .filter((c) => c.action === 'update')
    .map((c) => {
      const q = input.live.get(c.id);
      return {
        id: c.id,
        name: c.name,
        version: c.version,
        modifiedBy: q?.modifiedBy ? { ...q.modifiedBy } : null,
        dateModified: q?.dateModified ?? null,
        fields: c.fields.map((f) => ({ path: f.path, live: f.old, desired: f.new })),
        audit: auditById.get(c.id) ?? [],
      };
    });
  return {
    formatVersion: 1,
    generatedAt: plan.generatedAt,
    inSync: drifted.length === 0,
    fingerprint: driftFingerprint(drifted),
    summary: { managed: plan.summary.managed, drifted: drifted.length, unmanaged: plan.summary.unmanaged },
    drifted,
    unmanaged: plan.unmanaged.map((u) => ({ ...u })),
    notes: [...input.notes],
  };
}

function groupAudit(entries: readonly AuditEntry[]): Map<string, AuditEntry[]> {
  const sorted = [...entries].sort((a, b) => compareStrings(a.timestamp, b.timestamp) || compareStrings(a.id, b.id));
  const out = new Map<string, AuditEntry[]>();
  for (const e of sorted) {
    const list = out.get(e.resourceId);
    if (list) list.push(e);
    else out.set(e.resourceId, [e]);
  }
  return out;
}

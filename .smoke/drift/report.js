import { createHash } from 'node:crypto';
import { canonicalJson, compareStrings } from '../util/canonical-json.js';
/**
 * The fingerprint of a drift: sha256 (hex) of the canonical JSON of the sorted list of
 * `[queue id, field path, live value, desired value]`. Time, versions, who changed it and the
 * input order do not enter it, so a scheduler can alert once per distinct drift. The fingerprint of
 * "no drift" is the hash of `[]`.
 */
export function driftFingerprint(drifted) {
    const tuples = drifted
        .flatMap((q) => q.fields.map((f) => [q.id, f.path, f.live, f.desired]))
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
export function buildDriftReport(input) {
    const { plan } = input;
    const auditById = groupAudit(input.audit ?? []);
    const drifted = plan.changes
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
function groupAudit(entries) {
    const sorted = [...entries].sort((a, b) => compareStrings(a.timestamp, b.timestamp) || compareStrings(a.id, b.id));
    const out = new Map();
    for (const e of sorted) {
        const list = out.get(e.resourceId);
        if (list)
            list.push(e);
        else
            out.set(e.resourceId, [e]);
    }
    return out;
}
//# sourceMappingURL=report.js.map
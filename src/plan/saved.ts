import { createHash } from 'node:crypto';
import { PlanError } from '../errors.js';
import { canonicalJson } from '../util/canonical-json.js';
import type { Plan, QueueChange, SavedPlan } from './types.js';

/** sha256 (hex) of the canonical JSON of a saved plan without its `checksum`. */
export function planChecksum(saved: Omit<SavedPlan, 'checksum'> & { checksum?: string }): string {
  const { checksum: _ignored, ...rest } = saved;
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/**
 * The plan as `cxq plan --out` saves it for `cxq apply --plan`: every change with the live
 * `version` it was computed against and its `desired` fields, the base URL of the tenant it was
 * computed for, the git commit (null outside a repository) and a checksum over everything else.
 * `source` (a path on the planning machine) is left out. Pure; never throws.
 */
export function toSavedPlan(plan: Plan, meta: { baseUrl: string; gitCommit: string | null }): SavedPlan {
  const body: Omit<SavedPlan, 'checksum'> = {
    formatVersion: 1,
    kind: 'cxq-plan',
    generatedAt: plan.generatedAt,
    baseUrl: meta.baseUrl,
    gitCommit: meta.gitCommit,
    summary: { ...plan.summary },
    changes: plan.changes.map(({ source: _source, ...change }) => change),
    unmanaged: plan.unmanaged.map((u) => ({ ...u })),
  };
  const { formatVersion, kind, generatedAt, baseUrl, gitCommit, ...tail } = body;
  return { formatVersion, kind, generatedAt, baseUrl, gitCommit, checksum: planChecksum(body), ...tail };
}

/**
 * Reads a saved plan back. Throws `PlanError` naming `file` when the text is not JSON, is not a cxq
 * plan (`kind`), has another `formatVersion`, lacks the fields apply needs, or when its checksum
 * does not match its content (edited or truncated after `cxq plan --out` wrote it).
 */
export function parseSavedPlan(text: string, file: string): SavedPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PlanError(`${file} is not a cxq plan: invalid JSON (${(err as Error).message})`, {
      hint: 'Re-create it with `cxq plan --out FILE`.',
    });
  }
  const saved = value as Partial<SavedPlan> | null;
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved) || saved.kind !== 'cxq-plan') {
    throw new PlanError(`${file} is not a cxq plan (kind is not "cxq-plan")`, { hint: 'Pass a file written by `cxq plan --out FILE`.' });
  }
  if ((saved as { dialect?: unknown }).dialect === 'admin') {
    throw new PlanError(`${file} is a skills plan (admin dialect), not a queue plan`, { hint: 'Apply it with --provider admin (or CXONE_PROVIDER=admin).' });
  }
  if (saved.formatVersion !== 1) {
    throw new PlanError(`${file} has plan formatVersion ${JSON.stringify(saved.formatVersion)}; this cxq reads formatVersion 1`, {
      hint: 'Re-create the plan with this version of cxq.',
    });
  }
  const shapeProblem = describeShapeProblem(saved);
  if (shapeProblem !== null) {
    throw new PlanError(`${file} is not a valid cxq plan: ${shapeProblem}`, { hint: 'Re-create it with `cxq plan --out FILE`.' });
  }
  if (typeof saved.checksum !== 'string' || planChecksum(saved as SavedPlan) !== saved.checksum) {
    throw new PlanError(`${file}: checksum mismatch, the plan was modified after \`cxq plan --out\` wrote it`, {
      hint: 'Do not edit saved plans; re-run `cxq plan --out FILE` and review the new plan.',
    });
  }
  return saved as SavedPlan;
}

function describeShapeProblem(saved: Partial<SavedPlan>): string | null {
  if (typeof saved.generatedAt !== 'string') return 'generatedAt is missing';
  if (typeof saved.baseUrl !== 'string') return 'baseUrl is missing';
  if (saved.gitCommit !== null && typeof saved.gitCommit !== 'string') return 'gitCommit must be a string or null';
  if (saved.summary === null || typeof saved.summary !== 'object') return 'summary is missing';
  if (!Array.isArray(saved.changes)) return 'changes is not a list';
  if (!Array.isArray(saved.unmanaged)) return 'unmanaged is not a list';
  for (const [i, c] of saved.changes.entries()) {
    const problem = describeChangeProblem(c as Partial<QueueChange> | null);
    if (problem !== null) return `changes[${i}] ${problem}`;
  }
  return null;
}

function describeChangeProblem(c: Partial<QueueChange> | null): string | null {
  if (c === null || typeof c !== 'object') return 'is not an object';
  if (typeof c.id !== 'string' || typeof c.name !== 'string') return 'lacks id or name';
  if (c.action !== 'update' && c.action !== 'noop') return 'has an unknown action';
  if (typeof c.version !== 'number' || !Number.isInteger(c.version)) return 'lacks an integer version';
  if (c.desired === null || typeof c.desired !== 'object' || Array.isArray(c.desired)) return 'lacks desired fields';
  if (!Array.isArray(c.fields) || !Array.isArray(c.patch)) return 'lacks fields or patch';
  return null;
}

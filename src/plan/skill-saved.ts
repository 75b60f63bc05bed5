/**
 * A skills plan saved with `cxq plan --out FILE` (admin dialect) and read back by
 * `cxq apply --plan FILE`. Same envelope and checksum as the queue plan (src/plan/saved.ts), with
 * `dialect: "admin"`; each change records what was seen (`observed`) and its `fingerprint`, which
 * apply compares with a re-read right before writing. The checksum detects accidents only; apply
 * re-derives every change from the definitions (src/plan/skill-plan-verify.ts).
 */
import { PlanError } from '../errors.js';
import { planChecksum } from './saved.js';
import { skillPlanSummary, type SkillPlanSummary } from './skill-plan-render.js';
import type { SkillPlan } from './skill-plan.js';
import type { SkillChange } from './types.js';

/** The saved form of a skills plan. */
export interface SavedSkillPlan {
  formatVersion: 1;
  kind: 'cxq-plan';
  dialect: 'admin';
  generatedAt: string;
  baseUrl: string;
  gitCommit: string | null;
  checksum: string;
  summary: SkillPlanSummary;
  changes: SkillChange[];
  unmanaged: { skillId: number; skillName: string }[];
}

/** The plan as saved: `source` (a path on the planning machine) left out, checksum over the rest. Pure. */
export function toSavedSkillPlan(plan: SkillPlan, meta: { baseUrl: string; gitCommit: string | null; generatedAt: string }): SavedSkillPlan {
  const body: Omit<SavedSkillPlan, 'checksum'> = {
    formatVersion: 1,
    kind: 'cxq-plan',
    dialect: 'admin',
    generatedAt: meta.generatedAt,
    baseUrl: meta.baseUrl,
    gitCommit: meta.gitCommit,
    summary: skillPlanSummary(plan),
    changes: plan.changes.map(({ source: _source, ...change }) => change),
    unmanaged: plan.unmanaged.map((u) => ({ ...u })),
  };
  const { formatVersion, kind, dialect, generatedAt, baseUrl, gitCommit, ...tail } = body;
  // planChecksum covers every key but `checksum`, whatever the plan's kind.
  const checksum = planChecksum(body as unknown as Parameters<typeof planChecksum>[0]);
  return { formatVersion, kind, dialect, generatedAt, baseUrl, gitCommit, checksum, ...tail };
}

/**
 * Reads a saved skills plan. Throws `PlanError` naming `file` when it is not JSON, not a cxq plan,
 * a queue plan (no `dialect: "admin"`), of another formatVersion, lacks what apply needs, or its
 * checksum does not match its content.
 */
export function parseSavedSkillPlan(text: string, file: string): SavedSkillPlan {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new PlanError(`${file} is not a cxq plan: invalid JSON (${(err as Error).message})`, { hint: 'Re-create it with `cxq plan --out FILE`.' });
  }
  const saved = value as Partial<SavedSkillPlan> | null;
  if (saved === null || typeof saved !== 'object' || Array.isArray(saved) || saved.kind !== 'cxq-plan') {
    throw new PlanError(`${file} is not a cxq plan (kind is not "cxq-plan")`, { hint: 'Pass a file written by `cxq plan --out FILE`.' });
  }
  if (saved.dialect !== 'admin') {
    throw new PlanError(`${file} is a queue plan (v2 dialect), not a skills plan`, { hint: 'Apply it with --provider v2, or re-plan the skill definitions with --provider admin.' });
  }
  if (saved.formatVersion !== 1) {
    throw new PlanError(`${file} has plan formatVersion ${JSON.stringify(saved.formatVersion)}; this cxq reads formatVersion 1`, { hint: 'Re-create the plan with this version of cxq.' });
  }
  const problem = shapeProblem(saved);
  if (problem !== null) throw new PlanError(`${file} is not a valid cxq plan: ${problem}`, { hint: 'Re-create it with `cxq plan --out FILE`.' });
  if (typeof saved.checksum !== 'string' || planChecksum(saved as unknown as Parameters<typeof planChecksum>[0]) !== saved.checksum) {
    throw new PlanError(`${file}: checksum mismatch, the plan was modified after \`cxq plan --out\` wrote it`, {
      hint: 'Do not edit saved plans; re-run `cxq plan --out FILE` and review the new plan.',
    });
  }
  return saved as SavedSkillPlan;
}

function shapeProblem(saved: Partial<SavedSkillPlan>): string | null {
  if (typeof saved.generatedAt !== 'string') return 'generatedAt is missing';
  if (typeof saved.baseUrl !== 'string') return 'baseUrl is missing';
  if (saved.gitCommit !== null && typeof saved.gitCommit !== 'string') return 'gitCommit must be a string or null';
  if (!Array.isArray(saved.changes)) return 'changes is not a list';
  if (!Array.isArray(saved.unmanaged)) return 'unmanaged is not a list';
  for (const [i, c] of saved.changes.entries()) {
    const p = changeProblem(c as Partial<SkillChange> | null);
    if (p !== null) return `changes[${i}] ${p}`;
  }
  return null;
}

function changeProblem(c: Partial<SkillChange> | null): string | null {
  if (c === null || typeof c !== 'object') return 'is not an object';
  if (c.kind !== 'Skill') return 'is not a Skill change';
  if (!Number.isInteger(c.skillId) || typeof c.skillName !== 'string') return 'lacks skillId or skillName';
  if (c.action !== 'update' && c.action !== 'noop') return 'has an unknown action';
  if (!Array.isArray(c.fields) || !Array.isArray(c.agents)) return 'lacks fields or agents';
  const d = c.desired;
  if (d === null || typeof d !== 'object' || d.fields === null || typeof d.fields !== 'object' || Array.isArray(d.fields)) return 'lacks desired fields';
  if (typeof c.fingerprint !== 'string' || c.observed === null || typeof c.observed !== 'object' || typeof c.observed.fields !== 'object') {
    return 'lacks the observed snapshot or its fingerprint';
  }
  return null;
}

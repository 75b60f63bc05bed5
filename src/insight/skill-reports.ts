/**
 * What cxq's own apply reports say it wrote to skills: the only record of who changed a skill,
 * because the Admin API keeps no author (`modifiedBy`) and no audit history for skills
 * (docs/admin-api.md). Used by `cxq drift` (to attribute a drifted value) and `cxq audit`
 * on the admin dialect.
 *
 * An apply report entry is a skill write when it says `kind: "Skill"` or carries a numeric
 * `skillId`, and its `outcome` is `applied`. Read from it: `skillId` (or a numeric `id`),
 * `skillName` (or `name`), `fields: [{path, old, new}]` and `agents: [{action, userName, agentId,
 * old, new}]` (the plan's SkillChange shape). Anything else in the file is ignored; a file that is
 * not an apply report v1 is skipped (src/insight/apply-reports.ts).
 */
import type { Logger } from '../log.js';
import { MANAGED_SKILL_FIELDS, type AssignmentValues, type ManagedSkillField } from '../model/skill.js';
import { normaliseSkillValue } from '../plan/skill-normalise.js';
import { canonicalJson, compareStrings } from '../util/canonical-json.js';
import { readReportFiles } from './apply-reports.js';

/** One agent change a cxq apply made. */
export interface SkillAgentWrite {
  action: string;
  userName: string | null;
  agentId: number | null;
  old: AssignmentValues | null;
  new: AssignmentValues | null;
}

/** One skill a cxq apply run wrote (outcome `applied`). */
export interface SkillWrite {
  /** The report file, relative to the working directory. */
  file: string;
  startedAt: string;
  finishedAt: string;
  clientId: string | null;
  skillId: number;
  skillName: string;
  fields: { path: string; old: unknown; new: unknown }[];
  agents: SkillAgentWrite[];
}

/**
 * Every applied skill entry of the apply reports in `<cwd>/cxq-reports` for this tenant
 * (`baseUrl`), oldest run first (by `finishedAt`, then file). Never throws; unreadable or foreign
 * files are skipped.
 */
export async function readSkillWrites(cwd: string, baseUrl: string, logger: Logger): Promise<SkillWrite[]> {
  const perFile = await readReportFiles(cwd, baseUrl, logger, parseSkillApplyReport);
  return sortWrites(perFile.flat());
}

/** The applied skill entries of one parsed report file, or null when it is not an apply report v1. */
export function parseSkillApplyReport(raw: unknown, file: string): { value: SkillWrite[]; baseUrl?: string } | null {
  if (!isObject(raw) || raw['formatVersion'] !== 1 || raw['command'] !== 'apply') return null;
  const { startedAt, finishedAt, entries } = raw;
  if (typeof startedAt !== 'string' || typeof finishedAt !== 'string' || !Array.isArray(entries)) return null;
  const clientId = typeof raw['clientId'] === 'string' ? raw['clientId'] : null;
  const value: SkillWrite[] = [];
  for (const e of entries as unknown[]) {
    if (!isObject(e) || e['outcome'] !== 'applied') continue;
    const skillId = skillIdOf(e);
    if (skillId === null) continue;
    const name = typeof e['skillName'] === 'string' ? e['skillName'] : typeof e['name'] === 'string' ? e['name'] : '';
    value.push({ file, startedAt, finishedAt, clientId, skillId, skillName: name, fields: fieldsOf(e['fields']), agents: agentsOf(e['agents']) });
  }
  return typeof raw['baseUrl'] === 'string' ? { value, baseUrl: raw['baseUrl'] } : { value };
}

/** Oldest run first: by finishedAt, then file, then skill id. Pure. */
export function sortWrites(writes: readonly SkillWrite[]): SkillWrite[] {
  return [...writes].sort((a, b) => compareStrings(a.finishedAt, b.finishedAt) || compareStrings(a.file, b.file) || a.skillId - b.skillId);
}

/** Who last set a value, as far as cxq can know. */
export type Attribution =
  | { by: 'cxq-apply'; at: string; report: string }
  | { by: 'unknown' };

/** The sentence shown for an attribution (drift text and markdown). */
export function describeAttribution(a: Attribution): string {
  return a.by === 'cxq-apply'
    ? `last written by cxq apply at ${a.at} (report ${a.report})`
    : 'changed outside cxq; the Admin API keeps no author for skills';
}

/**
 * Whether the live value of a skill field is the one cxq's LAST apply of that field wrote
 * (`writes` oldest first): then `cxq-apply` with the run's time and report; otherwise `unknown`
 * (never written by cxq, or moved since). Values compare as the plan compares them. Pure.
 */
export function attributeField(writes: readonly SkillWrite[], skillId: number, path: string, live: unknown): Attribution {
  const field = path.slice(1) as ManagedSkillField;
  if (!(MANAGED_SKILL_FIELDS as readonly string[]).includes(field)) return { by: 'unknown' };
  for (let i = writes.length - 1; i >= 0; i--) {
    const w = writes[i]!;
    if (w.skillId !== skillId) continue;
    const f = w.fields.find((x) => x.path === path);
    if (f === undefined) continue;
    const same = canonicalJson(normaliseSkillValue(field, f.new) ?? null) === canonicalJson(normaliseSkillValue(field, live) ?? null);
    return same ? { by: 'cxq-apply', at: w.finishedAt, report: w.file } : { by: 'unknown' };
  }
  return { by: 'unknown' };
}

/**
 * The same for one agent assignment (`live` null = not assigned): the last cxq write of that
 * agent on that skill (matched by agentId, else user name) left exactly the live assignment. Pure.
 */
export function attributeAgent(
  writes: readonly SkillWrite[],
  skillId: number,
  agent: { agentId: number; userName: string | null },
  live: AssignmentValues | null,
): Attribution {
  for (let i = writes.length - 1; i >= 0; i--) {
    const w = writes[i]!;
    if (w.skillId !== skillId) continue;
    const a = w.agents.find((x) => (x.agentId !== null ? x.agentId === agent.agentId : x.userName !== null && x.userName === agent.userName));
    if (a === undefined) continue;
    const wrote = a.action === 'unassign' ? null : a.new;
    return canonicalJson(wrote) === canonicalJson(live) ? { by: 'cxq-apply', at: w.finishedAt, report: w.file } : { by: 'unknown' };
  }
  return { by: 'unknown' };
}

function skillIdOf(e: Record<string, unknown>): number | null {
  if (typeof e['skillId'] === 'number' && Number.isInteger(e['skillId'])) return e['skillId'];
  if (e['kind'] !== 'Skill') return null;
  const id = e['id'];
  if (typeof id === 'number' && Number.isInteger(id)) return id;
  return typeof id === 'string' && /^\d+$/.test(id) ? Number(id) : null;
}

function fieldsOf(raw: unknown): SkillWrite['fields'] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).filter((f) => typeof f['path'] === 'string').map((f) => ({ path: f['path'] as string, old: f['old'] ?? null, new: f['new'] ?? null }));
}

function agentsOf(raw: unknown): SkillAgentWrite[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isObject).map((a) => ({
    action: typeof a['action'] === 'string' ? a['action'] : 'update',
    userName: typeof a['userName'] === 'string' ? a['userName'] : null,
    agentId: typeof a['agentId'] === 'number' ? a['agentId'] : null,
    old: assignment(a['old']),
    new: assignment(a['new']),
  }));
}

function assignment(raw: unknown): AssignmentValues | null {
  if (!isObject(raw) || typeof raw['proficiency'] !== 'number' || typeof raw['active'] !== 'boolean') return null;
  return { proficiency: raw['proficiency'], active: raw['active'] };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

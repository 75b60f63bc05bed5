/**
 * The admin sandbox's skills: stored in the GET shape, O(1) by id, kept in id order for lists.
 * A PUT replaces or merges the writable fields (`putOmitted`), never bumps anything (there is no
 * version), and the last writer wins. Derived names are recomputed on every write.
 */
import type { FieldError } from '../../errors.js';
import {
  fromPutShape,
  MEDIA_TYPES,
  nullableField,
  toPutShape,
  writableDefaults,
  writableGetName, type GetSkill, type ReadOnlyPolicy } from './skill-shape.js';

/** What a PUT does with writable fields its body omits. */
export type PutOmitted = 'keep' | 'reset';

/** Campaigns and scripts of the sample tenant (ids → names), for the derived GET fields. */
export const CAMPAIGNS: Readonly<Record<number, string>> = { 1: 'Inbound Service', 2: 'Sales', 3: 'Digital Care' };
export const SCRIPTS: Readonly<Record<number, string>> = { 10: 'Main IVR', 11: 'Email Router', 12: 'Digital Router' };

/** A write's outcome: the skill as now stored, or the 400/404 it got. */
export type SkillWrite = { ok: true; skill: GetSkill } | { ok: false; status: 400 | 404; message: string; errors?: FieldError[] };

/** Filters of `GET /skills`. */
export interface SkillFilter {
  mediaTypeId?: number;
  isActive?: boolean;
  searchString?: string;
}

function derive(s: Record<string, unknown>): void {
  s['mediaTypeName'] = MEDIA_TYPES[s['mediaTypeId'] as number] ?? 'Unknown';
  const campaign = s['campaignId'];
  s['campaignName'] = typeof campaign === 'number' ? (CAMPAIGNS[campaign] ?? `Campaign ${campaign}`) : null;
  const script = s['scriptId'];
  s['scriptName'] = typeof script === 'number' ? (SCRIPTS[script] ?? `Script ${script}`) : null;
}

/** Skills of one sandbox tenant. Reads return deep copies. */
export class SkillStore {
  readonly #skills = new Map<number, { skill: GetSkill; writes: number }>();
  readonly #names = new Map<string, number>();
  #nextId = 1_000_001;

  /** Adds a skill (seeding, POST): writable fields over the defaults; returns it as stored. Throws on a taken name. */
  insert(fields: Record<string, unknown>, readOnly: Partial<Record<'isOutbound' | 'outboundStrategy' | 'isRunning', unknown>> = {}): GetSkill {
    const name = String(fields['skillName']);
    if (this.#names.has(name.toLowerCase())) throw new Error(`skill name "${name}" already exists`);
    const skillId = this.#nextId++;
    const skill = {
      skillId,
      skillName: name,
      mediaTypeId: fields['mediaTypeId'],
      mediaTypeName: '',
      ...writableDefaults(),
      isOutbound: false,
      outboundStrategy: null,
      isRunning: false,
      ...readOnly,
      ...structuredClone(fields),
    } as unknown as GetSkill;
    derive(skill);
    this.#skills.set(skillId, { skill, writes: 0 });
    this.#names.set(name.toLowerCase(), skillId);
    return structuredClone(skill);
  }

  /** The skill as stored (deep copy), or undefined. */
  get(id: number): GetSkill | undefined {
    const e = this.#skills.get(id);
    return e ? structuredClone(e.skill) : undefined;
  }

  /** The stored object itself for serialising (do not mutate), or undefined. */
  peek(id: number): Readonly<GetSkill> | undefined {
    return this.#skills.get(id)?.skill;
  }

  /** The id of the skill with this name (case-insensitive), or undefined. */
  idByName(name: string): number | undefined {
    return this.#names.get(name.toLowerCase());
  }

  get size(): number {
    return this.#skills.size;
  }

  /** Skills in id order (stored objects; do not mutate) matching `filter`. */
  list(filter: SkillFilter = {}): Readonly<GetSkill>[] {
    const search = filter.searchString?.toLowerCase();
    const out: GetSkill[] = [];
    for (const { skill } of this.#skills.values()) {
      if (filter.mediaTypeId !== undefined && skill.mediaTypeId !== filter.mediaTypeId) continue;
      if (filter.isActive !== undefined && skill['isActive'] !== filter.isActive) continue;
      if (search !== undefined && !skill.skillName.toLowerCase().includes(search)) continue;
      out.push(skill);
    }
    return out;
  }

  /** Successful writes (PUTs and console edits) applied to the skill since start. */
  writeCount(id: number): number {
    return this.#skills.get(id)?.writes ?? 0;
  }

  /**
   * Checks a PUT body's `skill` object against skill `id` without applying it: every field error
   * (see `fromPutShape`), a changed media type, a name another skill has.
   */
  check(id: number, putSkill: Record<string, unknown>, readOnly: ReadOnlyPolicy): SkillWrite | { ok: true; fields: Record<string, unknown> } {
    const e = this.#skills.get(id);
    if (!e) return { ok: false, status: 404, message: `skill ${id} not found` };
    const { fields, errors } = fromPutShape(putSkill, readOnly);
    if (fields['mediaTypeId'] !== undefined && fields['mediaTypeId'] !== e.skill.mediaTypeId) {
      errors.push({ field: 'skill.mediatypeid', message: `a skill's media type cannot change (it is ${e.skill.mediaTypeId})` });
    }
    const name = fields['skillName'];
    const owner = typeof name === 'string' ? this.#names.get(name.toLowerCase()) : undefined;
    if (owner !== undefined && owner !== id) errors.push({ field: 'skill.skillName', message: `"${String(name)}" is the name of skill ${owner}` });
    if (errors.length > 0) return { ok: false, status: 400, message: `skill ${id} failed validation`, errors };
    return { ok: true, fields };
  }

  /**
   * A PUT: validates, then writes. `keep` merges the sent fields over the stored ones; `reset`
   * puts every omitted writable field back to its default (name and media type are kept).
   */
  put(id: number, putSkill: Record<string, unknown>, mode: PutOmitted, readOnly: ReadOnlyPolicy): SkillWrite {
    const checked = this.check(id, putSkill, readOnly);
    if (!checked.ok || !('fields' in checked)) return checked as SkillWrite;
    const e = this.#skills.get(id)!;
    const before = e.skill;
    const base = mode === 'keep' ? before : { ...before, ...writableDefaults() };
    const after = { ...structuredClone(base), ...checked.fields, skillId: id } as GetSkill;
    after.skillName = typeof checked.fields['skillName'] === 'string' ? checked.fields['skillName'] : before.skillName;
    after.mediaTypeId = before.mediaTypeId;
    derive(after);
    this.#names.delete(before.skillName.toLowerCase());
    this.#names.set(after.skillName.toLowerCase(), id);
    e.skill = after;
    e.writes += 1;
    return { ok: true, skill: structuredClone(after) };
  }

  /**
   * A console edit: `changes` in the GET shape merged over the stored skill (other fields kept),
   * validated like a PUT, counted as a write. Throws when the skill is unknown or the edit invalid.
   */
  edit(id: number, changes: Record<string, unknown>): GetSkill {
    const current = this.get(id);
    if (!current) throw new Error(`edit: skill ${id} not found`);
    const bad = Object.entries(changes).filter(([k, v]) => !writableGetName(k) || (v === null && !nullableField(k)));
    if (bad.length > 0) throw new Error(`edit: not writable or not nullable: ${bad.map(([k]) => k).join(', ')}`);
    const r = this.put(id, toPutShape({ ...current, ...changes }), 'reset', 'reject');
    if (!r.ok) throw new Error(`edit: ${r.message}${(r.errors ?? []).map((x) => `; ${x.field} ${x.message}`).join('')}`);
    return r.skill;
  }
}

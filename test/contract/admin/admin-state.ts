/**
 * The second admin server's tenant: skills (GET shape), agents, assignments and completed contacts,
 * with no versions (last writer wins) and an optional read lag: for `lagMs` after a write, reads
 * show what was visible before it. Every write is logged with who made it (client or console).
 */
import { MEDIA_TYPES, mergePut, type Json } from './admin-fields.js';
import { seedAgents, seedAssignments, seedContacts, seedSkills, type Agent, type Assignment, type CompletedContact } from './admin-seed.js';

/** Who wrote: the client's access key, the console key (an out-of-band edit), or a test helper. */
export type Writer = 'client' | 'console' | 'helper';

export interface WriteRecord { at: number; by: Writer; skillId: number; what: 'skill' | 'assignments'; fields: string[] }

interface Lagged<T> { current: T; previous: T | undefined; visibleAt: number }

export class AdminState {
  readonly agents: Agent[] = seedAgents();
  readonly contacts: CompletedContact[];
  readonly writes: WriteRecord[] = [];
  private readonly skills = new Map<number, Lagged<Json>>();
  private readonly assigned = new Map<number, Lagged<Assignment[]>>();
  private nextSkillId = 3500;

  constructor(private readonly now: () => number, private readonly lagMs: number, extraSkills: number) {
    const at = new Date(now() - 86_400_000).toISOString();
    for (const s of seedSkills(extraSkills)) this.skills.set(Number(s['skillId']), { current: s, previous: undefined, visibleAt: 0 });
    for (const [id, rows] of seedAssignments(this.agents, at)) this.assigned.set(id, { current: rows, previous: undefined, visibleAt: 0 });
    this.contacts = seedContacts([...this.skills.keys()].slice(0, 6), now());
  }

  /** Every skill as a reader sees it now, in this server's list order: by name, case-insensitive. */
  visibleSkills(): Json[] {
    return [...this.skills.values()]
      .map((l) => this.visible(l))
      .filter((s): s is Json => s !== undefined)
      .sort((a, b) => String(a['skillName']).toLowerCase().localeCompare(String(b['skillName']).toLowerCase()));
  }

  visibleSkill(id: number): Json | undefined {
    const l = this.skills.get(id);
    return l === undefined ? undefined : this.visible(l);
  }

  /** The true current skill (tests assert on it). */
  skill(id: number): Json | undefined {
    const s = this.skills.get(id)?.current;
    return s === undefined ? undefined : structuredClone(s);
  }

  skillIdByName(name: string): number | undefined {
    for (const [id, l] of this.skills) if (l.current['skillName'] === name) return id;
    return undefined;
  }

  /** Applies a PUT `skill` body; problems mean nothing was written. */
  putSkill(id: number, body: Json, by: Writer): string[] {
    const l = this.skills.get(id);
    if (l === undefined) return [`skill ${id} not found`];
    const taken = (name: string): boolean => this.skillIdByName(name) !== undefined;
    const { problems, next } = mergePut(l.current, body, taken);
    if (problems.length > 0) return problems;
    const fields = Object.keys(next).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(l.current[k]));
    this.write(this.skills, id, next, { by, skillId: id, what: 'skill', fields });
    return [];
  }

  /** Creates a skill from a PUT-shaped object (POST /skills); answers its id or the problems. */
  createSkill(body: Json, by: Writer): { skillId?: number; problems: string[] } {
    const media = body['mediatypeid'];
    const blank: Json = { skillId: this.nextSkillId, skillName: '', mediaTypeId: media, isActive: true, isRunning: false, businessUnitId: 4_600_123 };
    const taken = (name: string): boolean => this.skillIdByName(name) !== undefined;
    const { problems, next } = mergePut(blank, body, taken);
    if (typeof body['skillName'] !== 'string') problems.push('skillName: required');
    if (!Number.isInteger(media)) problems.push('mediatypeid: required');
    if (problems.length > 0) return { problems };
    const id = this.nextSkillId++;
    next['mediaTypeName'] = MEDIA_TYPES[Number(media)] ?? 'Unknown';
    this.skills.set(id, { current: next, previous: undefined, visibleAt: this.now() + this.lagMs });
    this.writes.push({ at: this.now(), by, skillId: id, what: 'skill', fields: Object.keys(next) });
    return { skillId: id, problems: [] };
  }

  /** A console edit without HTTP: sets one field in its GET spelling. */
  setSkillField(id: number, field: string, value: unknown): void {
    const l = this.skills.get(id);
    if (l === undefined) throw new Error(`no skill ${id}`);
    this.write(this.skills, id, { ...l.current, [field]: value }, { by: 'helper', skillId: id, what: 'skill', fields: [field] });
  }

  visibleAssignments(skillId: number): Assignment[] {
    const l = this.assigned.get(skillId);
    return l === undefined ? [] : (this.visible(l) ?? []);
  }

  /** The true current assignments of a skill. */
  assignments(skillId: number): Assignment[] {
    return structuredClone(this.assigned.get(skillId)?.current ?? []);
  }

  /** Replaces a skill's assignments (the caller has checked every item). */
  setAssignments(skillId: number, rows: Assignment[], by: Writer, agentIds: number[]): void {
    this.write(this.assigned, skillId, rows, { by, skillId, what: 'assignments', fields: agentIds.map(String) });
  }

  hasSkill(id: number): boolean {
    return this.skills.has(id);
  }

  /** Ends every read lag now (the stand-in for waiting). */
  settle(): void {
    for (const l of [...this.skills.values(), ...this.assigned.values()]) l.visibleAt = 0;
  }

  private visible<T>(l: Lagged<T>): T | undefined {
    return this.now() < l.visibleAt ? l.previous : l.current;
  }

  private write<T>(store: Map<number, Lagged<T>>, id: number, value: T, record: Omit<WriteRecord, 'at'>): void {
    const old = store.get(id);
    // What readers saw at the moment of this write stays visible for the lag.
    const previous = old === undefined ? undefined : this.visible(old);
    store.set(id, { current: value, previous, visibleAt: this.now() + this.lagMs });
    this.writes.push({ at: this.now(), ...record });
  }
}

/**
 * The state of the second server: queues, skills and audit entries, with the contract's field
 * rules, PUT semantics (defaults for omitted fields, version + 1, one audit entry) and propagation
 * lag. Written from docs/api.md alone, deliberately unlike src/sandbox/.
 */
import { randomUUID } from 'node:crypto';

export type Json = Record<string, unknown>;
export interface FieldProblem { field: string; message: string }

const STRATEGIES = ['longestIdleAgent', 'mostAvailableAgent', 'leastRecentlyUsed', 'firstAvailableAgent'];
const LEVELS = ['basic', 'intermediate', 'advanced', 'expert'];
const READ_ONLY = ['id', 'version', 'dateModified', 'modifiedBy', 'selfUri'];

/** What an omitted field is reset to by a PUT (the contract says "defaults"; these are ours). */
const DEFAULTS: Json = {
  description: '',
  routingStrategy: 'longestIdleAgent',
  waitMusic: { playMusic: false },
  maxWaitTime: 300,
  skills: [],
  skillRoutingType: 'any',
  enableOverflow: false,
  overflowThreshold: 0,
  overflowTargets: [],
};

export interface AuditRecord {
  id: string;
  timestamp: string;
  action: 'Update';
  resourceType: 'Queue';
  resourceId: string;
  user: { id: string; name: string };
  changes: { field: string; oldValue: unknown; newValue: unknown }[];
  correlation: { source: string };
}

interface Stored { current: Json; previous: Json | undefined; visibleAt: number }

export class SecondTenant {
  private readonly queues = new Map<string, Stored>();
  readonly skills: { id: string; name: string; category: string }[] = [];
  readonly audit: AuditRecord[] = [];
  readonly putsById = new Map<string, number>();

  constructor(private readonly now: () => number, private readonly lagMs: number) {}

  addSkill(id: string, name: string): void {
    this.skills.push({ id, name, category: 'seeded' });
  }

  /** Seeds a queue at `version`; `queue.id` may be absent (one is generated). */
  addQueue(queue: Json, version = 1): string {
    const id = typeof queue['id'] === 'string' ? queue['id'] : randomUUID();
    this.queues.set(id, { current: this.stamp({ ...DEFAULTS, ...queue, id, version }, 'seed'), previous: undefined, visibleAt: 0 });
    return id;
  }

  /** What readers see: the previous version while a write propagates. */
  read(id: string): Json | undefined {
    const s = this.queues.get(id);
    if (!s) return undefined;
    return s.previous !== undefined && this.now() < s.visibleAt ? s.previous : s.current;
  }

  /** Ends every propagation delay now (a test's stand-in for waiting a few seconds). */
  settle(): void {
    for (const s of this.queues.values()) s.visibleAt = 0;
  }

  /** The true current state (tests assert on it). */
  truth(id: string): Json | undefined {
    return this.queues.get(id)?.current;
  }

  /** Every id, in this server's list order: by id. */
  ids(): string[] {
    return [...this.queues.keys()].sort();
  }

  idByName(name: string): string | undefined {
    return this.ids().find((id) => this.truth(id)?.['name'] === name);
  }

  /** Applies a validated PUT body (or an out-of-band edit): omitted fields reset, version + 1. */
  write(id: string, body: Json, user: { id: string; name: string }): Json {
    const s = this.queues.get(id);
    if (!s) throw new Error(`no queue ${id}`);
    const writable = Object.fromEntries(Object.entries(body).filter(([k]) => !READ_ONLY.includes(k)));
    const next = this.stamp({ ...DEFAULTS, ...writable, id, version: Number(s.current['version']) + 1 }, user.id, user.name);
    const changes = Object.keys({ ...s.current, ...next })
      .filter((k) => !['version', 'dateModified', 'modifiedBy'].includes(k))
      .filter((k) => JSON.stringify(s.current[k]) !== JSON.stringify(next[k]))
      .map((field) => ({ field, oldValue: s.current[field], newValue: next[field] }));
    this.audit.push({
      id: `evt-${randomUUID()}`, timestamp: new Date(this.now()).toISOString(), action: 'Update',
      resourceType: 'Queue', resourceId: id, user: { ...user }, changes, correlation: { source: 'second-server' },
    });
    this.putsById.set(id, (this.putsById.get(id) ?? 0) + 1);
    this.queues.set(id, { current: next, previous: s.current, visibleAt: this.now() + this.lagMs });
    return next;
  }

  /** Every field rule of the contract; an empty list means the body is acceptable. */
  validate(id: string, body: Json): FieldProblem[] {
    const p: FieldProblem[] = [];
    const bad = (field: string, message: string): void => void p.push({ field, message });
    const name = body['name'];
    if (typeof name !== 'string' || name.length < 1 || name.length > 120) bad('name', 'needs 1..120 characters');
    else if (this.ids().some((other) => other !== id && this.truth(other)?.['name'] === name)) bad('name', 'is taken by another queue');
    if (body['description'] !== undefined && (typeof body['description'] !== 'string' || body['description'].length > 1000)) bad('description', 'text of at most 1000 characters');
    if (body['routingStrategy'] !== undefined && !STRATEGIES.includes(String(body['routingStrategy']))) bad('routingStrategy', 'unknown strategy');
    const music = body['waitMusic'] as Json | undefined;
    if (music !== undefined) {
      if (typeof music?.['playMusic'] !== 'boolean') bad('waitMusic.playMusic', 'true or false');
      if (music?.['url'] !== undefined && !/^https?:\/\/\S+$/.test(String(music['url']))) bad('waitMusic.url', 'http(s) URL expected');
    }
    if (body['maxWaitTime'] !== undefined && !intIn(body['maxWaitTime'], 10, 7200)) bad('maxWaitTime', 'integer 10..7200');
    if (body['overflowThreshold'] !== undefined && !intIn(body['overflowThreshold'], 0, 100)) bad('overflowThreshold', 'integer 0..100');
    if (body['skillRoutingType'] !== undefined && !['any', 'all'].includes(String(body['skillRoutingType']))) bad('skillRoutingType', 'any | all');
    if (body['enableOverflow'] !== undefined && typeof body['enableOverflow'] !== 'boolean') bad('enableOverflow', 'boolean');
    const skillIds = new Set(this.skills.map((s) => s.id));
    const seen = new Set<string>();
    for (const [i, s] of arrayOf(body['skills'], 'skills', bad).entries()) {
      if (!skillIds.has(String(s['id']))) bad(`skills[${i}].id`, 'no such skill');
      if (!LEVELS.includes(String(s['level']))) bad(`skills[${i}].level`, 'unknown level');
      if (seen.has(String(s['id']))) bad(`skills[${i}].id`, 'listed twice');
      seen.add(String(s['id']));
    }
    for (const [i, t] of arrayOf(body['overflowTargets'], 'overflowTargets', bad).entries()) {
      if (t['id'] === id || !this.queues.has(String(t['id']))) bad(`overflowTargets[${i}].id`, 'must be another existing queue');
      if (!intIn(t['threshold'], 0, 7200)) bad(`overflowTargets[${i}].threshold`, 'integer 0..7200');
    }
    return p;
  }

  private stamp(q: Json, userId: string, userName = 'seed'): Json {
    return {
      ...q,
      dateModified: new Date(this.now()).toISOString(),
      modifiedBy: { id: userId, name: userName, kind: 'apiClient' },
      selfUri: `/api/v2/routing/queues/${String(q['id'])}`,
    };
  }
}

function intIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

function arrayOf(v: unknown, field: string, bad: (f: string, m: string) => void): Json[] {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    bad(field, 'array expected');
    return [];
  }
  return v.map((x) => (typeof x === 'object' && x !== null ? (x as Json) : {}));
}

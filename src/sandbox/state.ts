/**
 * The sandbox's authoritative store: queues (O(1) by id, a name-sorted id array for paging),
 * skills, audit log, health, and the eventual-propagation lag of what GET/list show.
 */
import type { Actor, Queue } from '../model/queue.js';
import type { AuditEntry, Health, HealthStatus, Skill } from '../model/tenant.js';
import type { FieldError } from '../errors.js';
import { buildQueue, diffQueues, writableFields } from './queue-model.js';
import { validateQueueBody, type RuleContext } from './queue-rules.js';

interface Entry {
  current: Queue;
  writes: number;
  /** What GET/list show until `until` (epoch ms): the version visible before the last write. */
  lagging?: { queue: Queue; until: number };
}

/** The outcome of a write: the new queue, or what made it fail. */
export type WriteResult =
  | { ok: true; queue: Queue }
  | { ok: false; status: 404 | 409 | 400; message: string; errors?: FieldError[] };

/** Fictional console user behind seeded data and out-of-band edits. */
export const CONSOLE_ADMIN: Required<Actor> = { id: 'user-7f3a-admin', name: 'Dana Admin (console)' };

const byNameThenId = (a: Queue, b: Queue): number =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The sandbox tenant: queues (kept sorted by name then id for paging), skills, audit entries,
 * health and write counts. Reads return deep copies; writes validate, bump the version and audit.
 */
export class SandboxState {
  readonly #queues = new Map<string, Entry>();
  /** Ids sorted by (name, id) of the current version; kept sorted on every write. */
  readonly #order: string[] = [];
  readonly #names = new Map<string, string>();
  readonly #skills = new Map<string, Skill>();
  readonly #audit: AuditEntry[] = [];
  #health: Health = { status: 'Healthy', components: [{ name: 'routing', status: 'Healthy' }] };
  /** How long (ms) GET/list keep showing the previous version after a write. */
  propagationMs = 0;

  /** `now` is the clock for timestamps and propagation (tests pass a controllable one). */
  constructor(readonly now: () => Date = () => new Date()) {}

  // ---- skills -------------------------------------------------------------------------------

  /** Adds (or renames) a skill. */
  addSkill(skill: Skill): void {
    this.#skills.set(skill.id, { ...skill });
  }

  /** Every skill, sorted by id (copies). */
  skills(): Skill[] {
    return [...this.#skills.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((s) => ({ ...s }));
  }

  /** Whether a skill with this id exists. */
  hasSkill(id: string): boolean {
    return this.#skills.has(id);
  }

  // ---- queues: reads ------------------------------------------------------------------------

  /** The authoritative latest version (deep copy), or undefined. Ignores propagation lag. */
  getQueue(id: string): Queue | undefined {
    const e = this.#queues.get(id);
    return e ? structuredClone(e.current) : undefined;
  }

  /** Every queue, latest version, sorted by name then id (deep copies). */
  listQueues(): Queue[] {
    return this.#order.map((id) => structuredClone(this.#queues.get(id)!.current));
  }

  /** The latest version number of a queue, or undefined. */
  getQueueVersion(id: string): number | undefined {
    return this.#queues.get(id)?.current.version;
  }

  /** Whether a queue with this id exists (latest state). */
  hasQueue(id: string): boolean {
    return this.#queues.has(id);
  }

  /** Number of queues. */
  get queueCount(): number {
    return this.#queues.size;
  }

  /**
   * What `GET /queues/{id}` shows: the previous version while the last write propagates.
   * Returns the stored object itself (no copy) — callers serialise it and must not mutate it.
   */
  visibleQueue(id: string): Queue | undefined {
    const e = this.#queues.get(id);
    if (!e) return undefined;
    if (e.lagging && this.now().getTime() < e.lagging.until) return e.lagging.queue;
    return e.current;
  }

  /** One list page (1-based) of visible versions in (name, id) order, sliced from the sorted index. */
  page(pageSize: number, pageNumber: number): Queue[] {
    const start = (pageNumber - 1) * pageSize;
    return this.#order.slice(start, start + pageSize).map((id) => this.visibleQueue(id)!);
  }

  /** Number of successful writes (PUTs and out-of-band edits) applied to the queue since start. */
  writeCount(id: string): number {
    return this.#queues.get(id)?.writes ?? 0;
  }

  // ---- queues: writes -----------------------------------------------------------------------

  /**
   * Inserts a queue as is (seeding, tests). Throws when the id or the name is already taken.
   * Not audited, not counted as a write.
   */
  insertQueue(queue: Queue): void {
    if (this.#queues.has(queue.id)) throw new Error(`queue id ${queue.id} already exists`);
    if (this.#names.has(queue.name)) throw new Error(`queue name "${queue.name}" already exists`);
    const copy = structuredClone(queue);
    this.#queues.set(copy.id, { current: copy, writes: 0 });
    this.#names.set(copy.name, copy.id);
    this.#order.splice(this.#insertionPoint(copy), 0, copy.id);
  }

  /** Whether some queue currently has exactly this name. */
  nameTaken(name: string): boolean {
    return this.#names.has(name);
  }

  /**
   * Overwrites fields of a queue without a version bump, audit entry or write count (seeding
   * fix-ups only). Throws when the queue does not exist.
   */
  patchSeeded(id: string, fields: Record<string, unknown>): void {
    const e = this.#queues.get(id);
    if (!e) throw new Error(`patchSeeded: queue ${id} not found`);
    if ('name' in fields) throw new Error('patchSeeded cannot rename');
    Object.assign(e.current, structuredClone(fields));
  }

  /** Removes a queue (simulates a console deletion: later PUT/GET answer 404). False if absent. */
  deleteOutOfBand(id: string): boolean {
    const e = this.#queues.get(id);
    if (!e) return false;
    this.#unindex(e.current);
    this.#queues.delete(id);
    return true;
  }

  /**
   * Replaces a queue as a PUT does: checks `expectedVersion`, validates `body`, resets omitted
   * fields, bumps the version, stamps `actor`, writes one audit entry and starts propagation.
   * Never throws for a client mistake: returns 404 / 409 / 400 instead.
   */
  replaceQueue(id: string, body: Record<string, unknown>, expectedVersion: number | undefined, actor: Required<Actor>): WriteResult {
    const e = this.#queues.get(id);
    if (!e) return { ok: false, status: 404, message: `queue ${id} not found` };
    if (expectedVersion !== undefined && expectedVersion !== e.current.version) {
      return {
        ok: false,
        status: 409,
        message: `version ${expectedVersion} does not match current version ${e.current.version} of queue ${id}`,
      };
    }
    const errors = validateQueueBody(body, this.#ruleContext(id));
    if (errors.length > 0) return { ok: false, status: 400, message: `queue ${id} failed validation`, errors };
    const before = e.current;
    const now = this.now();
    const after = buildQueue(body, {
      id,
      version: before.version + 1,
      dateModified: now.toISOString(),
      modifiedBy: { id: actor.id, name: actor.name },
    });
    const visibleBefore = this.visibleQueue(id)!;
    this.#unindex(before);
    e.current = after;
    e.writes += 1;
    if (this.propagationMs > 0) e.lagging = { queue: visibleBefore, until: now.getTime() + this.propagationMs };
    else delete e.lagging;
    this.#names.set(after.name, id);
    this.#order.splice(this.#insertionPoint(after), 0, id);
    this.#audit.push({
      id: `audit-${String(this.#audit.length + 1).padStart(6, '0')}`,
      timestamp: now.toISOString(),
      action: 'Update',
      resourceType: 'Queue',
      resourceId: id,
      user: { id: actor.id, name: actor.name },
      changes: diffQueues(before, after),
    });
    return { ok: true, queue: structuredClone(after) };
  }

  /**
   * Simulates an edit made in the CXone console: merges `changes` into the latest version (other
   * fields keep their value), validates, bumps the version, sets dateModified/modifiedBy and
   * writes an audit entry, exactly like a PUT. Throws an Error listing the failing fields when
   * the result is invalid, or when the queue does not exist.
   */
  editOutOfBand(id: string, changes: Record<string, unknown>, actor: Actor = CONSOLE_ADMIN): Queue {
    const e = this.#queues.get(id);
    if (!e) throw new Error(`editOutOfBand: queue ${id} not found`);
    const body = { ...writableFields(e.current), ...structuredClone(changes) };
    const r = this.replaceQueue(id, body, undefined, { id: actor.id, name: actor.name ?? actor.id });
    if (!r.ok) {
      const detail = (r.errors ?? []).map((x) => `${x.field} ${x.message}`).join('; ');
      throw new Error(`editOutOfBand: ${r.message}${detail ? `: ${detail}` : ''}`);
    }
    return r.queue;
  }

  // ---- audit and health ---------------------------------------------------------------------

  /** Every audit entry, oldest first (deep copies). */
  auditEntries(): AuditEntry[] {
    return structuredClone(this.#audit);
  }

  /** The audit log itself, oldest first, for the audit route (do not mutate). */
  auditLog(): readonly AuditEntry[] {
    return this.#audit;
  }

  /** Sets the health answer; `components` defaults to one `routing` component with the same status. */
  setHealth(status: HealthStatus, components?: Health['components']): void {
    this.#health = { status, components: components ?? [{ name: 'routing', status }] };
  }

  /** The current health answer (copy). */
  health(): Health {
    return structuredClone(this.#health);
  }

  // ---- internals ----------------------------------------------------------------------------

  #ruleContext(selfId: string): RuleContext {
    return {
      selfId,
      hasSkill: (id) => this.#skills.has(id),
      hasQueue: (id) => this.#queues.has(id),
      nameOwner: (name) => this.#names.get(name),
    };
  }

  #insertionPoint(q: Queue): number {
    let lo = 0;
    let hi = this.#order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byNameThenId(this.#queues.get(this.#order[mid]!)!.current, q) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  #unindex(q: Queue): void {
    const at = this.#insertionPoint(q);
    if (this.#order[at] === q.id) this.#order.splice(at, 1);
    if (this.#names.get(q.name) === q.id) this.#names.delete(q.name);
  }
}

import type { ClientStats, CxoneApi } from '../../src/model/api.js';
import type { Queue } from '../../src/model/queue.js';
import type { Health } from '../../src/model/tenant.js';
import { ApiError, OutcomeUnknownError } from '../../src/errors.js';
import type { ApplyTask } from '../../src/apply/types.js';
import { diffQueue } from '../../src/plan/diff.js';
import type { DesiredFields } from '../../src/plan/types.js';

/** What the fake does with one PUT (scripted per queue, in order; default `ok`). */
export type PutStep =
  | 'ok'
  /** The write is applied, then the answer is lost. */
  | 'lost'
  /** The connection dies before the server saw the write. */
  | 'lost-unsent'
  /** Someone else edits the queue right before this PUT arrives (so it 409s). */
  | { edit: Partial<Queue>; actor?: string }
  | { status: number; code: string; message?: string; errors?: { field: string; message: string }[] };

const READ_ONLY = new Set(['id', 'version', 'dateModified', 'modifiedBy', 'selfUri']);

/**
 * An in-memory CxoneApi obeying the contract's PUT rules (If-Match, version + 1, read-only fields
 * ignored, omitted fields lost), whose PUT answers and read lag can be scripted per queue.
 */
export class FakeApi implements CxoneApi {
  readonly baseUrl = 'http://fake.test';
  readonly clientId = 'cxq-client';
  readonly stats: ClientStats = { requests: 0, retries: 0, throttled: 0, tokenRequests: 0 };
  readonly queues = new Map<string, Queue>();
  /** Successful writes per queue id (by anyone through PUT, not out-of-band edits). */
  readonly writes = new Map<string, number>();
  readonly puts: { id: string; version: number; body: Queue }[] = [];
  gets = 0;
  lists = 0;
  healthStatus: Health = { status: 'Healthy', components: [{ name: 'routing', status: 'Healthy' }] };
  private readonly scripts = new Map<string, PutStep[]>();
  private readonly previous = new Map<string, Queue>();
  private readonly lag = new Map<string, number>();
  inFlight = 0;
  maxInFlight = 0;
  /** Resolves each PUT after this many event-loop turns (lets concurrency show). */
  putDelayTurns = 0;

  constructor(queues: Queue[] = []) {
    for (const q of queues) this.queues.set(q.id, structuredClone(q));
  }

  script(id: string, ...steps: PutStep[]): this {
    this.scripts.set(id, [...(this.scripts.get(id) ?? []), ...steps]);
    return this;
  }

  /** The next `reads` GETs/lists of `id` return the version before its last write. */
  lagReads(id: string, reads: number): this {
    this.lag.set(id, reads);
    return this;
  }

  /** An out-of-band edit (UI, colleague): version + 1, modifiedBy `actor`. */
  edit(id: string, changes: Partial<Queue>, actor = 'colleague'): Queue {
    const q = this.must(id);
    this.previous.set(id, structuredClone(q));
    const next: Queue = { ...structuredClone(q), ...structuredClone(changes), version: q.version + 1, modifiedBy: { id: actor } };
    this.queues.set(id, next);
    return next;
  }

  async listQueues(): Promise<Queue[]> {
    this.stats.requests += 1;
    this.lists += 1;
    return [...this.queues.keys()].map((id) => this.read(id));
  }

  async getQueue(id: string): Promise<Queue> {
    this.stats.requests += 1;
    this.gets += 1;
    if (!this.queues.has(id)) throw new ApiError(404, 'not.found', `no queue ${id}`, 'GET', `/api/v2/routing/queues/${id}`);
    return this.read(id);
  }

  async putQueue(queue: Queue, version: number): Promise<Queue> {
    this.stats.requests += 1;
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      for (let i = 0; i < this.putDelayTurns; i++) await new Promise((r) => setImmediate(r));
      return this.put(queue, version);
    } finally {
      this.inFlight -= 1;
    }
  }

  private put(queue: Queue, version: number): Queue {
    const id = queue.id;
    this.puts.push({ id, version, body: structuredClone(queue) });
    const step = this.scripts.get(id)?.shift() ?? 'ok';
    const path = `/api/v2/routing/queues/${id}`;
    if (step === 'lost-unsent') throw new OutcomeUnknownError('PUT', path, 'connection reset');
    if (typeof step === 'object' && 'edit' in step) this.edit(id, step.edit, step.actor);
    if (typeof step === 'object' && 'status' in step) {
      throw new ApiError(step.status, step.code, step.message ?? step.code, 'PUT', path, step.errors ?? []);
    }
    const current = this.queues.get(id);
    if (!current) throw new ApiError(404, 'not.found', `no queue ${id}`, 'PUT', path);
    if (current.version !== version || queue.version !== version) {
      throw new ApiError(409, 'conflict', 'version does not match', 'PUT', path);
    }
    const next: Queue = { id, name: current.name, version: current.version + 1, modifiedBy: { id: this.clientId } };
    for (const [k, v] of Object.entries(queue)) if (!READ_ONLY.has(k)) next[k] = structuredClone(v);
    this.previous.set(id, structuredClone(current));
    this.queues.set(id, next);
    this.writes.set(id, (this.writes.get(id) ?? 0) + 1);
    if (step === 'lost') throw new OutcomeUnknownError('PUT', path, 'socket hang up after the request was sent');
    return structuredClone(next);
  }

  private read(id: string): Queue {
    const left = this.lag.get(id) ?? 0;
    if (left > 0 && this.previous.has(id)) {
      this.lag.set(id, left - 1);
      return structuredClone(this.previous.get(id)!);
    }
    return structuredClone(this.must(id));
  }

  private must(id: string): Queue {
    const q = this.queues.get(id);
    if (!q) throw new Error(`fake: no queue ${id}`);
    return q;
  }

  async listSkills() {
    return [];
  }
  async health(): Promise<Health> {
    return this.healthStatus;
  }
  async queueDetails() {
    return [];
  }
  async queueDistribution() {
    return [];
  }
  async audit() {
    return [];
  }
}

/** A queue as the contract's example, with an unknown top-level and nested field. */
export function liveQueue(id: string, overrides: Partial<Queue> = {}): Queue {
  return {
    id,
    name: `Queue ${id}`,
    description: 'free text',
    routingStrategy: 'longestIdleAgent',
    waitMusic: { playMusic: true, url: 'https://cdn.example.com/hold.mp3', volume: 7 } as Queue['waitMusic'],
    maxWaitTime: 300,
    skills: [{ id: 'skill_tier1', level: 'advanced' }],
    skillRoutingType: 'any',
    enableOverflow: true,
    overflowThreshold: 50,
    overflowTargets: [],
    outboundEmail: 'queue@example.com',
    version: 7,
    dateModified: '2026-11-20T09:14:03.120Z',
    modifiedBy: { id: 'someone' },
    selfUri: `/api/v2/routing/queues/${id}`,
    ...overrides,
  };
}

/** An update task for `live`, as the apply source builds it from a plan. */
export function taskFor(live: Queue, desired: DesiredFields): ApplyTask {
  return {
    id: live.id,
    name: live.name,
    action: 'update',
    version: live.version,
    fields: diffQueue(live, desired).fields,
    desired,
    live: structuredClone(live),
  };
}

/** Makes the FIRST `getQueue` of the fake apply `edits` (someone else's writes) just before reading. */
export function editOnFirstRead(api: FakeApi, ...edits: Partial<Queue>[]): void {
  const read = api.getQueue.bind(api);
  let first = true;
  api.getQueue = async (id) => {
    if (first) {
      first = false;
      for (const edit of edits) api.edit(id, edit);
    }
    return read(id);
  };
}

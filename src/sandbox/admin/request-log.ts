/**
 * The admin sandbox's own record of what it received: one entry per request on arrival, its
 * outcome filled in when answered, so tests can assert from the server's side (e.g. which PUTs
 * arrived before an interrupt). Bounded: the oldest entries go past `capacity`.
 */
import type { Received } from '../pipeline.js';

/** One request as the sandbox saw it. */
export interface RequestRecord {
  /** 1, 2, … in arrival order. */
  seq: number;
  /** Arrival time on the sandbox clock (ISO-8601). */
  at: string;
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string, `?…` or ''. */
  query: string;
  /** `METHOD pattern` (as in `stats.byRoute`). */
  route: string;
  /** HTTP status, or what happened to the connection; undefined while in flight. */
  outcome?: number | 'reset' | 'lost' | 'dropped';
}

export class RequestLog {
  readonly records: RequestRecord[] = [];
  readonly #listeners = new Set<(r: RequestRecord) => void>();
  #seq = 0;

  constructor(
    private readonly now: () => Date,
    private readonly capacity = 100_000,
  ) {}

  /** Records an arrival, tells listeners, and returns the function that records its outcome. */
  receive(r: Received): (outcome: NonNullable<RequestRecord['outcome']>) => void {
    const record: RequestRecord = { seq: ++this.#seq, at: this.now().toISOString(), ...r };
    this.records.push(record);
    if (this.records.length > this.capacity) this.records.splice(0, Math.ceil(this.capacity / 10));
    for (const fn of this.#listeners) fn(record);
    return (outcome) => {
      record.outcome = outcome;
    };
  }

  subscribe(fn: (r: RequestRecord) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }
}

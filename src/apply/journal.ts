import { closeSync, fdatasync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { promisify } from 'node:util';
import { dirname } from 'node:path';
import { FileError } from '../errors.js';
import { writeHint } from '../util/write-atomic.js';
import type { JournalEvent } from './types.js';

/** `apply-X.json` → `apply-X.journal.jsonl`: the journal lives next to the report it feeds. */
export function journalPathFor(reportPath: string): string {
  return `${reportPath.replace(/\.json$/i, '')}.journal.jsonl`;
}

const datasync = promisify(fdatasync);

/** Where the runner records events; `Journal` is the real one, tests pass an array. */
export interface JournalSink {
  append(event: JournalEvent): Promise<void> | void;
}

/**
 * The append-only journal of one apply run: one JSON line per event. `append` writes the line
 * at once (so it survives a crash of the process) and resolves once it is on disk (fdatasync):
 * the runner awaits it before sending the PUT an `attempt` announces. Concurrent appends share
 * one fdatasync (group commit), so eight writes in flight cost one flush, not eight, and the
 * flush never blocks the event loop. The events are also kept in memory for the final report.
 * Opening or writing failures throw (or reject with) `FileError`: a run that cannot keep its
 * record must stop.
 */
export class Journal implements JournalSink {
  readonly events: JournalEvent[] = [];
  private fd: number | null;
  private flushing: Promise<void> | undefined;
  private nextFlush: Promise<void> | undefined;

  private constructor(
    readonly file: string,
    fd: number,
  ) {
    this.fd = fd;
  }

  /** Creates the directory if needed and opens `file` for appending (an existing file is kept). */
  static open(file: string): Journal {
    try {
      mkdirSync(dirname(file), { recursive: true });
      return new Journal(file, openSync(file, 'a'));
    } catch (err) {
      throw new FileError(file, `cannot open the apply journal ${file}: ${reason(err)}`, {
        hint: writeHint(err, 'Choose a writable place with --report FILE. Nothing was sent to the tenant.'),
        cause: err,
      });
    }
  }

  /** Writes one event as a line; resolves once it is flushed to disk; `FileError` if the disk refuses. */
  append(event: JournalEvent): Promise<void> {
    if (this.fd === null) return Promise.reject(new FileError(this.file, `the apply journal ${this.file} is closed`));
    try {
      writeSync(this.fd, `${JSON.stringify(event)}\n`);
    } catch (err) {
      return Promise.reject(this.failure(err));
    }
    this.events.push(event);
    return this.flush();
  }

  /** Waits for pending flushes, then closes the file. */
  async close(): Promise<void> {
    await Promise.allSettled([this.flushing, this.nextFlush]);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  /**
   * Group commit: a flush started before a line was written does not cover it, so a caller
   * arriving during a flush waits for the next one, which all such callers share.
   */
  private flush(): Promise<void> {
    if (this.flushing === undefined) {
      const fd = this.fd as number;
      this.flushing = datasync(fd)
        .catch((err: unknown) => {
          throw this.failure(err);
        })
        .finally(() => {
          this.flushing = undefined;
        });
      return this.flushing;
    }
    this.nextFlush ??= this.flushing
      .catch(() => undefined)
      .then(() => {
        this.nextFlush = undefined;
        return this.flush();
      });
    return this.nextFlush;
  }

  private failure(err: unknown): FileError {
    return new FileError(this.file, `cannot write the apply journal ${this.file}: ${reason(err)}`, {
      hint: 'Free disk space or choose another place with --report FILE; no further write was started.',
      cause: err,
    });
  }
}

/**
 * Reads a journal back. A torn last line (the process died mid-write) is ignored; any other
 * unparsable line, or a missing file, throws `FileError`.
 */
export function readJournal(file: string): JournalEvent[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new FileError(file, `cannot read the apply journal ${file}: ${reason(err)}`, { cause: err });
  }
  const lines = text.split('\n');
  const events: JournalEvent[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      events.push(JSON.parse(line) as JournalEvent);
    } catch (err) {
      const last = i === lines.length - 1;
      if (!last) throw new FileError(file, `${file}:${i + 1}: not a journal line`, { cause: err });
    }
  });
  return events;
}

function reason(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

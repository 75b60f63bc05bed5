import type { TextOut } from '../run-context.js';
import type { Logger } from '../log.js';
import type { EntryResult } from './types.js';

/** Receives each finished queue; `finish` ends the progress display. */
export interface Progress {
  result(entry: EntryResult): void;
  finish(): void;
}

/** Redraw the TTY line at most this often, so 1,000 fast writes do not flood the terminal. */
const REDRAW_MS = 100;

/**
 * On a TTY (`stderr.isTTY`): one live line on stderr, redrawn with `\r`: done/total, failures,
 * queues per second. Otherwise (CI): one pino info line per queue with id, name, outcome and
 * attempts. `now` is injectable for tests.
 */
export function createProgress(
  stderr: TextOut,
  logger: Logger,
  total: number,
  now: () => number = Date.now,
): Progress {
  if (!stderr.isTTY) {
    return {
      result: (e) =>
        logger.info({ id: e.id, name: e.name, outcome: e.outcome, attempts: e.attempts }, `apply: ${e.outcome} ${e.name}`),
      finish: () => undefined,
    };
  }
  const started = now();
  let done = 0;
  let failed = 0;
  let drawn = -Infinity;
  const draw = (): void => {
    const seconds = Math.max((now() - started) / 1000, 0.001);
    const rate = (done / seconds).toFixed(1);
    stderr.write(`\rapply: ${done}/${total} done, ${failed} failed, ${rate} queues/s `);
    drawn = now();
  };
  return {
    result: (e) => {
      done += 1;
      if (e.outcome === 'failed') failed += 1;
      if (done === total || now() - drawn >= REDRAW_MS) draw();
    },
    finish: () => {
      if (total > 0) {
        draw();
        stderr.write('\n');
      }
    },
  };
}

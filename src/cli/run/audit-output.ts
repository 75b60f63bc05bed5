import { resolve } from 'node:path';
import { writeFileAtomic } from '../../util/write-atomic.js';
import type { AuditOptions } from '../audit.js';
import { EXIT_OK, type CliContext } from '../io.js';

/** Prints the rendered audit, or writes it atomically to `--out` (saying so on stderr). Exit 0. Both dialects. */
export async function emitAudit(ctx: CliContext, opts: AuditOptions, output: string, entries: number): Promise<number> {
  if (opts.out === undefined) {
    ctx.io.stdout.write(output);
  } else {
    const written = resolve(ctx.io.cwd, opts.out);
    await writeFileAtomic(written, output);
    ctx.io.stderr.write(`wrote ${entries} audit entries to ${written}\n`);
  }
  return EXIT_OK;
}

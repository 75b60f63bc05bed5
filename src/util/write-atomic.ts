import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileError } from '../errors.js';

const DEFAULT_HINT = 'Check that the directory exists or can be created and is writable.';

/** errno codes that mean "this user or this mount may not write here", not "the path is wrong". */
const NOT_WRITABLE = new Set(['EACCES', 'EPERM', 'EROFS']);

/**
 * The usual cause in CI: the image runs as uid 1000 (`node`) while the checkout mounted at /work
 * belongs to the runner (uid 1001 on GitHub-hosted runners), or the mount is read-only.
 */
export const RUN_AS_OWNER_HINT =
  'This user may not write there. In Docker, run cxq as the owner of the mounted directory: ' +
  '`docker run --user "$(id -u):$(id -g)" …`, and do not mount it read-only.';

/**
 * The hint for a failed write: `hint` as given, preceded by `RUN_AS_OWNER_HINT` when the error is
 * a permission or read-only-filesystem refusal (EACCES, EPERM, EROFS). Pure.
 */
export function writeHint(err: unknown, hint: string): string {
  const code = (err as NodeJS.ErrnoException | null | undefined)?.code;
  return code !== undefined && NOT_WRITABLE.has(code) ? `${RUN_AS_OWNER_HINT} Otherwise: ${hint}` : hint;
}

function tempFor(file: string): string {
  return `${file}.${randomUUID().slice(0, 8)}.tmp`;
}

function writeFailed(file: string, err: unknown, hint: string): FileError {
  const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  return new FileError(file, `cannot write ${file}: ${reason}`, { hint: writeHint(err, hint), cause: err });
}

/**
 * Writes `text` to `file` atomically: a flushed temp file in the same directory (created if
 * missing), then a rename, so a reader (CI, `cxq apply --plan`) never sees half a file and a failed
 * write leaves the previous file intact. Throws `FileError` naming the file; the temp file is removed.
 */
export async function writeFileAtomic(file: string, text: string, hint = DEFAULT_HINT): Promise<void> {
  const temp = tempFor(file);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temp, text, { flush: true });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw writeFailed(file, err, hint);
  }
}

/**
 * The synchronous twin of `writeFileAtomic`, for paths that must finish before the process may
 * exit (the apply report after an interrupt). Same contract: all or nothing, `FileError` on failure.
 */
export function writeFileAtomicSync(file: string, text: string, hint = DEFAULT_HINT): void {
  const temp = tempFor(file);
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temp, text, { flush: true });
    renameSync(temp, file);
  } catch (err) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // The temp file never existed (its directory could not be made): nothing to clean.
    }
    throw writeFailed(file, err, hint);
  }
}

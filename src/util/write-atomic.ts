import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileError } from '../errors.js';

const DEFAULT_HINT = 'Check that the directory exists or can be created and is writable.';

function tempFor(file: string): string {
  return `${file}.${randomUUID().slice(0, 8)}.tmp`;
}

function writeFailed(file: string, err: unknown, hint: string): FileError {
  const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
  return new FileError(file, `cannot write ${file}: ${reason}`, { hint, cause: err });
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

import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FileError } from '../errors.js';

/**
 * Writes `text` to `file` atomically: a temp file in the same directory (created if missing), then
 * a rename, so a reader (CI, `cxq apply --plan`) never sees half a file and a failed write leaves
 * the previous file intact. Throws `FileError` naming the file; the temp file is removed.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = `${file}.${randomUUID().slice(0, 8)}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temp, text, { flush: true });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new FileError(file, `cannot write ${file}: ${reason}`, {
      hint: 'Check that the directory exists and is writable.',
      cause: err,
    });
  }
}

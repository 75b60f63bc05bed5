/**
 * Writes a command's output to `--out FILE` atomically: a temp file beside the target, then a
 * rename, so a reader (or a CI upload) never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { FileError } from '../errors.js';

/**
 * Writes `content` to `file` (resolved against `cwd`), creating its directory. Throws
 * `FileError` naming the file on failure and leaves no temp file behind. Returns the full path.
 */
export async function writeFileAtomic(cwd: string, file: string, content: string): Promise<string> {
  const target = resolve(cwd, file);
  const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await writeFile(temp, content, { encoding: 'utf8', mode: 0o644 });
    await rename(temp, target);
    return target;
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new FileError(file, `cannot write ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      hint: 'Check that the directory exists or can be created and is writable.',
      cause: err,
    });
  }
}

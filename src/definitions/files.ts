import { readFileSync, statSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { FileError } from '../errors.js';
import { decodeUtf8 } from './utf8.js';

/** Largest definition file read; bigger files are a problem, not a reason to run out of memory. */
export const MAX_FILE_BYTES = 1024 * 1024;

/** A definition file found under the directory: absolute path and path relative to the cwd. */
export interface DefinitionFile {
  path: string;
  display: string;
}

/** The text of a file, or why it could not be read (with where, for an invalid UTF-8 byte). */
export type ReadOutcome = { text: string } | { error: string; line?: number; column?: number };

/** A path relative to `cwd` with `/` separators, as every location shows it. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return (rel === '' ? '.' : rel).split(sep).join('/');
}

/**
 * Every `*.yaml` / `*.yml` under `dir`, recursively, sorted by path (code-point order of the
 * relative path, so the order is the same on every machine). Symbolic links named `*.yaml` are
 * listed (reading them follows the link); linked directories are not entered, which also rules
 * out link cycles. Throws FileError if `dir` is missing or not a directory.
 */
export async function listDefinitionFiles(dir: string, cwd: string): Promise<DefinitionFile[]> {
  const shown = displayPath(dir, cwd);
  const info = await stat(dir).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'ENOENT' ? 'does not exist' : `cannot be read: ${describeFsError(err)}`;
    throw new FileError(shown, `definitions directory ${shown} ${why}`, {
      hint: 'Run cxq from the repository root, or pass --dir DIR pointing at the queue definitions.',
    });
  });
  if (!info.isDirectory()) {
    throw new FileError(shown, `definitions directory ${shown} is not a directory`, {
      hint: 'Pass --dir DIR pointing at the directory that holds the queue definitions.',
    });
  }
  const files: DefinitionFile[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
      const at = displayPath(current, cwd);
      throw new FileError(at, `cannot list ${at}: ${describeFsError(err)}`);
    });
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (/\.ya?ml$/.test(entry.name)) files.push({ path, display: displayPath(path, cwd) });
    }
  };
  await walk(dir);
  return files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/**
 * Reads one definition file as UTF-8, refusing files over {@link MAX_FILE_BYTES} before reading
 * them. A UTF-8 BOM is dropped; an invalid byte is an error at its line and column that shows the
 * byte (never replaced by U+FFFD, which would change a name silently). Never throws: a directory named `x.yaml`, a dangling link, a permission error or a file
 * that is too large comes back as `{ error }` for the caller to report as a problem.
 * Synchronous on purpose: definition files are small and many, and a thread-pool round trip per
 * open/stat/read/close costs more than the read itself.
 */
export function readDefinitionFile(path: string): ReadOutcome {
  try {
    const info = statSync(path);
    if (!info.isFile()) return { error: `cannot read: not a regular file${info.isDirectory() ? ' (a directory)' : ''}` };
    if (info.size > MAX_FILE_BYTES) return { error: tooLarge(info.size) };
    const bytes = readFileSync(path);
    // Re-checked: the file may have grown between stat and read.
    if (bytes.length > MAX_FILE_BYTES) return { error: tooLarge(bytes.length) };
    const decoded = decodeUtf8(bytes);
    if ('text' in decoded) return decoded;
    const hex = decoded.byte.toString(16).toUpperCase().padStart(2, '0');
    return { error: `invalid UTF-8 byte 0x${hex}; save the file as UTF-8`, line: decoded.line, column: decoded.column };
  } catch (err) {
    return { error: `cannot read: ${describeFsError(err as NodeJS.ErrnoException)}` };
  }
}

function tooLarge(bytes: number): string {
  return `file is ${bytes} bytes, over the ${MAX_FILE_BYTES}-byte (1 MiB) limit for a definition file; split it into smaller files`;
}

/** A short human reason for a filesystem error (`no such file or directory`), code included. */
export function describeFsError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${err.code})`;
    case 'EISDIR':
      return 'is a directory (EISDIR)';
    case 'ELOOP':
      return 'too many levels of symbolic links (ELOOP)';
    default:
      return err.code ? `${err.message}` : String(err.message ?? err);
  }
}

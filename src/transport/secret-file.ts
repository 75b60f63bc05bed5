/**
 * Reading a secret from the environment or from a file, for every dialect (v2's client secret, the
 * admin access-key secret). One reader, so the hardening applies to both: a FIFO, a device, a
 * directory or an oversized file is refused before it can hang or exhaust memory, and the file's
 * content never appears in an error.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../errors.js';

/** Largest secret file read (a key is a few hundred bytes; anything near this is not a secret file). */
export const MAX_SECRET_FILE_BYTES = 64 * 1024;

/** The variable names of one secret: inline, and as a file path. */
export interface SecretVariables {
  inline: string;
  file: string;
  /** What the file must hold, for the hint ("the client secret"). */
  what: string;
}

/**
 * The secret from `env[vars.inline]` (verbatim: spaces may be part of it) or from the file named by
 * `env[vars.file]` (relative to `cwd`; trailing newlines trimmed), or undefined when neither is set.
 * Throws ConfigError when both are set, when the file is empty, unreadable (its error code named),
 * not a regular file (a link to one is fine: mounted secrets are links) or larger than
 * {@link MAX_SECRET_FILE_BYTES}. Never shows the file's content.
 */
export function readSecretSetting(env: Record<string, string | undefined>, vars: SecretVariables, cwd: string): string | undefined {
  const rawInline = env[vars.inline];
  const inline = rawInline === undefined || rawInline === '' ? undefined : rawInline;
  const rawFile = env[vars.file]?.trim();
  const file = rawFile === undefined || rawFile === '' ? undefined : rawFile;
  if (inline !== undefined && file !== undefined) {
    throw new ConfigError(`both ${vars.inline} and ${vars.file} are set`, {
      hint: 'Unset one of them so there is no doubt which secret is used.',
    });
  }
  if (file === undefined) return inline;
  const secret = readSecretFile(resolve(cwd, file), file, vars).replace(/\r?\n+$/, '');
  if (secret === '') throw new ConfigError(`${vars.file} ${file} is empty`);
  return secret;
}

/**
 * The file's text. A FIFO would block `open` forever and a device such as /dev/zero never ends, so
 * both are refused from `stat` before opening. It is opened non-blocking anyway and checked again on
 * the descriptor (the path may change in between), and at most the cap plus one byte is read.
 */
function readSecretFile(path: string, shown: string, vars: SecretVariables): string {
  const refuse = (why: string): never => {
    throw new ConfigError(`${vars.file} ${shown} ${why}`, { hint: `Point ${vars.file} at a regular file holding only ${vars.what}.` });
  };
  const unreadable = (err: unknown): never => {
    throw new ConfigError(`cannot read ${vars.file} ${shown} (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`, {
      hint: 'Check the path and that the file is readable by this user (in Docker: run as its owner, `--user "$(id -u):$(id -g)"`).',
    });
  };
  let info: Stats;
  try {
    info = statSync(path);
  } catch (err) {
    return unreadable(err);
  }
  checkStats(info, refuse);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    return unreadable(err);
  }
  try {
    checkStats(fstatSync(fd), refuse);
    const buffer = Buffer.alloc(MAX_SECRET_FILE_BYTES + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_SECRET_FILE_BYTES) refuse(`is larger than ${MAX_SECRET_FILE_BYTES / 1024} KiB`);
    return buffer.subarray(0, length).toString('utf8');
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    return unreadable(err);
  } finally {
    closeSync(fd);
  }
}

function checkStats(info: Stats, refuse: (why: string) => never): void {
  if (!info.isFile()) refuse(`is not a regular file (it is ${fileKind(info)})`);
  if (info.size > MAX_SECRET_FILE_BYTES) refuse(`is larger than ${MAX_SECRET_FILE_BYTES / 1024} KiB`);
}

function fileKind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

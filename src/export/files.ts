import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Queue } from '../model/queue.js';
import { schemaPath } from '../definitions/schema.js';
import { FileError } from '../errors.js';
import { writeFileAtomic } from '../util/write-atomic.js';
import { exportFileNames } from './naming.js';
import { renderQueueYaml } from './yaml.js';

/** What export does with one queue's file. */
export type ExportAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'skip';

export interface ExportFile {
  queue: { id: string; name: string };
  /** Path relative to the cwd, `/`-separated (what users see). */
  path: string;
  action: ExportAction;
  content: string;
  /** For `skip`: the file that already declares this queue. */
  declaredIn?: string;
}

/**
 * The schema the modeline points at, as an absolute path: always `<cwd>/schemas/queue.schema.json`,
 * the repository layout cxq documents. When it does not exist, `exists` is false and the caller
 * tells the user to copy the schema shipped with cxq (`bundled`) there. A path into the cxq
 * installation is never written: it differs between machines and would make exports differ.
 */
export function schemaFileFor(cwd: string): { file: string; exists: boolean; bundled: string } {
  const file = join(cwd, 'schemas', 'queue.schema.json');
  return { file, exists: existsSync(file), bundled: schemaPath() };
}

/** `from` → `to` as a relative, `/`-separated path (modelines must not depend on the OS). */
export function relativePosix(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/**
 * Decides, for each selected queue, the file it goes to and what happens to it: `create` (no such
 * file), `unchanged` (same bytes), `conflict` (the file differs: never overwritten silently),
 * `update` (it differs and `force` is set), `skip` (another file in the out dir already declares
 * the queue, per `declared`: id → file relative to cwd). Names come from ALL live queues (see
 * `exportFileNames`). Reads existing files; writes nothing. Throws `FileError` when a file exists
 * but cannot be read.
 */
export async function planExport(input: {
  cwd: string;
  outDir: string;
  live: readonly Queue[];
  selected: readonly Queue[];
  declared: ReadonlyMap<string, string>;
  force: boolean;
}): Promise<ExportFile[]> {
  const names = exportFileNames(input.live);
  const schema = schemaFileFor(input.cwd).file;
  const files: ExportFile[] = [];
  for (const q of input.selected) {
    const target = join(input.outDir, names.get(q.id) ?? `${q.id}.yaml`);
    const path = relativePosix(input.cwd, target);
    const content = renderQueueYaml(q, relativePosix(dirname(target), schema));
    const queue = { id: q.id, name: q.name };
    const declaredIn = input.declared.get(q.id);
    if (declaredIn !== undefined && declaredIn !== path) {
      files.push({ queue, path, action: 'skip', content, declaredIn });
      continue;
    }
    const existing = await readIfExists(target);
    const action: ExportAction =
      existing === null ? 'create' : existing === content ? 'unchanged' : input.force ? 'update' : 'conflict';
    files.push({ queue, path, action, content });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes every `create`/`update` file atomically. Throws `FileError` on the first failure. */
export async function writeExport(cwd: string, files: readonly ExportFile[]): Promise<void> {
  for (const f of files) {
    if (f.action === 'create' || f.action === 'update') await writeFileAtomic(join(cwd, f.path), f.content);
  }
}

/** The file's text, or null when it does not exist; `FileError` when it cannot be read. */
export async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new FileError(file, `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { cause: err });
  }
}

import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Queue } from '../../model/queue.js';
import { validateDirectory } from '../../definitions/validate.js';
import { FileError, UsageError } from '../../errors.js';
import { planExport, relativePosix, schemaFileFor, writeExport } from '../../export/files.js';
import { selectQueues } from '../../export/select.js';
import type { ExportOptions } from '../export.js';
import { EXIT_OK, type CliContext } from '../io.js';
import { LIST_PAGE_SIZE } from '../../plan/source.js';
import { openProvider } from './open-api.js';
import { exportSkills } from './export-skills.js';
import { countActions, describe } from './export-describe.js';

/**
 * The action of `cxq export`: live queues → one YAML definition per queue. Read-only on the
 * tenant. Never overwrites a file that differs unless `--force`; then nothing is written and it
 * throws a FileError (exit 1).
 */
export async function exportCommand(ctx: CliContext, opts: ExportOptions): Promise<number> {
  const outDir = resolve(ctx.io.cwd, opts.outDir);
  const provider = openProvider(ctx, opts);
  if (provider.dialect === 'admin') return exportSkills(ctx, provider.skills, opts, outDir);
  if (opts.agents === true) throw new UsageError('--agents applies to skills only (the admin dialect): queues have no agent assignments');
  const api = provider.queues;
  const live = await api.listQueues({ pageSize: LIST_PAGE_SIZE });
  const { selected, unknownIds } = selectQueues(live, { ids: opts.id, glob: opts.name });
  if (unknownIds.length > 0) {
    throw new UsageError(`no live queue has id ${unknownIds.join(', ')}`, { hint: 'Check the id: `cxq plan --format json` lists the ids of managed and unmanaged queues.' });
  }
  if (selected.length === 0 && (opts.id !== undefined || opts.name !== undefined)) {
    throw new UsageError(`no live queue matches --name ${JSON.stringify(opts.name)}`, { hint: 'Globs match the whole name, case-sensitively: try "*Support*".' });
  }
  const declared = await declaredQueues(ctx, outDir, live);
  const files = await planExport({ cwd: ctx.io.cwd, outDir, live, selected, declared, force: opts.force === true });
  const conflicts = files.filter((f) => f.action === 'conflict');
  if (conflicts.length > 0) {
    throw new FileError(outDir, `${conflicts.length} file(s) differ from the live queues and were not overwritten: ${conflicts.map((f) => f.path).join(', ')}`, {
      hint: 'Nothing was written. Review the differences (e.g. `git diff` after `--force`), then re-run with --force, or export to an empty --out-dir.',
    });
  }
  await writeExport(ctx.io.cwd, files);
  const schema = schemaFileFor(ctx.io.cwd);
  const wrote = files.some((f) => f.action === 'create' || f.action === 'update');
  if (!schema.exists && wrote) ctx.logger.debug({ expected: schema.file, bundled: schema.bundled }, 'repository schema missing');
  ctx.io.stdout.write(describe(files, relativePosix(ctx.io.cwd, outDir) || '.'));
  if (!schema.exists && wrote) {
    ctx.io.stdout.write('note: the modelines point to schemas/queue.schema.json, which does not exist here; copy it from the cxq package for editor completion.\n');
  }
  ctx.logger.info({ liveQueues: live.length, selected: selected.length, ...countActions(files) }, 'export done');
  return EXIT_OK;
}

/**
 * id → file (relative to cwd) of every queue the out dir already declares, so an export into an
 * existing definitions directory never creates a second definition of the same queue. Files that
 * do not validate are ignored here (`cxq validate` reports them).
 */
async function declaredQueues(ctx: CliContext, outDir: string, live: readonly Queue[]): Promise<Map<string, string>> {
  const declared = new Map<string, string>();
  if (!existsSync(outDir)) return declared;
  const { definitions } = await validateDirectory(outDir, { cwd: ctx.io.cwd });
  const byName = new Map<string, string[]>();
  for (const q of live) byName.set(q.name, [...(byName.get(q.name) ?? []), q.id]);
  for (const d of definitions) {
    const ids = d.definition.id !== undefined ? [d.definition.id] : byName.get(d.definition.name ?? '') ?? [];
    if (ids.length === 1 && ids[0] !== undefined && !declared.has(ids[0])) declared.set(ids[0], d.location.file.split('\\').join('/'));
  }
  return declared;
}

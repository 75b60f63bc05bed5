import { existsSync } from 'node:fs';
import { validateDirectory } from '../../definitions/validate.js';
import { FileError, UsageError } from '../../errors.js';
import { relativePosix, writeExport } from '../../export/files.js';
import { selectQueues } from '../../export/select.js';
import { namedSkill, planSkillExport, skillSchemaFileFor } from '../../export/skill-files.js';
import type { LiveSkill } from '../../model/skill.js';
import type { SkillApi } from '../../model/skill-api.js';
import type { ExportOptions } from '../export.js';
import { EXIT_OK, type CliContext } from '../io.js';
import { countActions, describe } from './export-describe.js';

/**
 * `cxq export` on the admin dialect: live skills → one `kind: Skill` definition per skill
 * (`--agents`: with their assignments by user name). Read-only on the tenant: the skills list,
 * and with `--agents` the agents list and the multi-skill assignments of the selected skills.
 * Same file rules as queues; `--id` takes skill ids. See docs/plan.md.
 */
export async function exportSkills(ctx: CliContext, api: SkillApi, opts: ExportOptions, outDir: string): Promise<number> {
  const live = await api.listSkills();
  const { selected: picked, unknownIds } = selectQueues(live.map((s) => ({ ...namedSkill(s), skill: s })), { ids: opts.id, glob: opts.name });
  if (unknownIds.length > 0) {
    throw new UsageError(`no live skill has id ${unknownIds.join(', ')}`, { hint: '--id takes skill ids (numbers): `cxq plan --format json` lists them.' });
  }
  if (picked.length === 0 && (opts.id !== undefined || opts.name !== undefined)) {
    throw new UsageError(`no live skill matches --name ${JSON.stringify(opts.name)}`, { hint: 'Globs match the whole skill name, case-sensitively: try "*Support*".' });
  }
  const selected = picked.map((p) => p.skill);
  const agents = opts.agents === true && selected.length > 0
    ? await Promise.all([api.assignments(selected.map((s) => s.skillId)), api.listAgents()]).then(([assignments, directory]) => ({ assignments, directory }))
    : undefined;
  const declared = await declaredSkills(ctx, outDir, live);
  const files = await planSkillExport({ cwd: ctx.io.cwd, outDir, live, selected, declared, force: opts.force === true, ...(agents ? { agents } : {}) });
  const conflicts = files.filter((f) => f.action === 'conflict');
  if (conflicts.length > 0) {
    throw new FileError(outDir, `${conflicts.length} file(s) differ from the live skills and were not overwritten: ${conflicts.map((f) => f.path).join(', ')}`, {
      hint: 'Nothing was written. Review the differences (e.g. `git diff` after `--force`), then re-run with --force, or export to an empty --out-dir.',
    });
  }
  await writeExport(ctx.io.cwd, files);
  const schema = skillSchemaFileFor(ctx.io.cwd);
  const wrote = files.some((f) => f.action === 'create' || f.action === 'update');
  ctx.io.stdout.write(describe(files, relativePosix(ctx.io.cwd, outDir) || '.'));
  if (!schema.exists && wrote) {
    ctx.io.stdout.write('note: the modelines point to schemas/skill.schema.json, which does not exist here; copy it from the cxq package for editor completion.\n');
  }
  ctx.logger.info({ liveSkills: live.length, selected: selected.length, agents: agents !== undefined, ...countActions(files) }, 'export done');
  return EXIT_OK;
}

/** skillId → file of every skill the out dir already declares (by skillId, else a unique name). */
async function declaredSkills(ctx: CliContext, outDir: string, live: readonly LiveSkill[]): Promise<Map<number, string>> {
  const declared = new Map<number, string>();
  if (!existsSync(outDir)) return declared;
  const { skills } = await validateDirectory(outDir, { cwd: ctx.io.cwd });
  const byName = new Map<string, number[]>();
  for (const s of live) byName.set(s.skillName, [...(byName.get(s.skillName) ?? []), s.skillId]);
  for (const d of skills) {
    const ids = d.definition.skillId !== undefined ? [d.definition.skillId] : byName.get(d.definition.skillName) ?? [];
    if (ids.length === 1 && ids[0] !== undefined && !declared.has(ids[0])) declared.set(ids[0], d.location.file.split('\\').join('/'));
  }
  return declared;
}

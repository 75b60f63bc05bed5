import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { RunContext } from '../run-context.js';
import { planFromDirectory } from '../plan/source.js';
import type { CxoneApi } from '../model/api.js';
import { FileError, PlanError } from '../errors.js';
import { parseSavedPlan } from '../plan/saved.js';
import type { Plan } from '../plan/types.js';
import { gitCommit } from '../util/git.js';
import { findStale, staleMessage, tasksFromChanges } from './tasks.js';
import type { ApplyMode, ApplyTask } from './types.js';

/** What apply works from, whichever flag it came from. */
export interface ApplySource {
  mode: ApplyMode;
  plan: Plan;
  tasks: ApplyTask[];
  gitCommit: string | null;
  /** The saved plan's checksum; null when planned from `--dir` (no reviewed artifact). */
  planChecksum: string | null;
}

/** `--dir`: validate and plan now (one list read), pairing each change with the live object read. */
export async function sourceFromDirectory(ctx: RunContext, api: CxoneApi, dir: string): Promise<ApplySource> {
  const [{ plan, live }, commit] = await Promise.all([planFromDirectory(ctx, api, dir), gitCommit(ctx.io.cwd, ctx.io.env)]);
  return { mode: 'dir', plan, tasks: tasksFromChanges(plan.changes, live), gitCommit: commit, planChecksum: null };
}

/**
 * `--plan FILE`: read and verify the saved plan (checksum → `PlanError`), refuse a plan made for
 * another tenant, then read the live queues once (list endpoint) and refuse the whole apply with
 * `PlanError` ("Saved plan is stale: …") when any queue the plan would write changed or vanished.
 * Nothing is written before these checks pass.
 */
export async function sourceFromSavedPlan(ctx: RunContext, api: CxoneApi, file: string): Promise<ApplySource> {
  const path = resolve(ctx.io.cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new FileError(path, `cannot read the saved plan ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, {
      hint: 'Pass a file written by `cxq plan --out FILE`.',
      cause: err,
    });
  }
  const saved = parseSavedPlan(text, file);
  if (trimSlash(saved.baseUrl) !== trimSlash(api.baseUrl)) {
    throw new PlanError(`${file} was planned against ${saved.baseUrl}, not ${api.baseUrl}`, {
      hint: 'Apply it with the same --base-url, or re-plan against this tenant.',
    });
  }
  const live = new Map((await api.listQueues({ pageSize: 500 })).map((q) => [q.id, q]));
  const stale = findStale(saved.changes, live);
  if (stale.length > 0) {
    ctx.logger.info({ stale: stale.length }, 'apply: saved plan is stale, nothing written');
    throw new PlanError(staleMessage(stale), { hint: 'Re-run `cxq plan --out FILE`, review the new plan, and apply that.' });
  }
  const plan: Plan = {
    formatVersion: 1,
    generatedAt: saved.generatedAt,
    summary: saved.summary,
    changes: saved.changes,
    unmanaged: saved.unmanaged,
  };
  return { mode: 'plan', plan, tasks: tasksFromChanges(saved.changes, live), gitCommit: saved.gitCommit, planChecksum: saved.checksum };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

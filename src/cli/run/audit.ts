import type { CxoneApi } from '../../model/api.js';
import type { AuditEntry } from '../../model/tenant.js';
import { readApplyReports } from '../../insight/apply-reports.js';
import { buildAudit } from '../../insight/audit.js';
import { loadManagedQueues, type ManagedQueue } from '../../insight/managed.js';
import { parseSince } from '../../insight/range.js';
import { renderAudit } from '../../insight/render/audit.js';
import type { Logger } from '../../log.js';
import type { AuditOptions } from '../audit.js';
import type { CliContext } from '../io.js';
import { openProvider } from './open-api.js';
import { auditSkills } from './audit-skills.js';
import { emitAudit } from './audit-output.js';

/**
 * Up to this many managed queues the audit log is read per queue (`resourceId=`); above it, one
 * unfiltered query is filtered here. A per-queue read costs at least one request per queue, the
 * unfiltered one about (all entries)/100 requests, so it wins as soon as a handful of queues is
 * managed.
 */
export const AUDIT_PER_QUEUE_MAX = 5;

/**
 * The action of `cxq audit`: the platform's audit log for the managed queues (all pages), each
 * entry marked as made by this client (`cxq`) or `out-of-band`, joined with local apply reports,
 * with a compliance summary. `--out FILE` writes atomically instead of printing. Exit 0.
 */
export async function auditCommand(ctx: CliContext, opts: AuditOptions): Promise<number> {
  const since = parseSince(opts.since);
  const provider = openProvider(ctx, opts);
  if (provider.dialect === 'admin') return auditSkills(ctx, provider.skills, opts, since);
  const api = provider.queues;
  const queues = await loadManagedQueues(api, { dir: opts.dir, cwd: ctx.io.cwd, ids: opts.id, logger: ctx.logger });
  const entries = await readAudit(api, queues, since, ctx.logger);
  const reports = await readApplyReports(ctx.io.cwd, api.baseUrl, ctx.logger);
  const result = buildAudit({ since, clientId: api.clientId, entries, queues, reports });
  ctx.logger.info({ entries: result.summary.entries, outOfBand: result.summary.outOfBand }, 'audit built');
  const output = renderAudit(result, opts.format);
  return emitAudit(ctx, opts, output, result.summary.entries);
}


/** Fewest requests: per queue for a few queues, else one query filtered client-side. */
async function readAudit(api: CxoneApi, queues: readonly ManagedQueue[], since: string, logger: Logger): Promise<AuditEntry[]> {
  if (queues.length === 0) return [];
  if (queues.length <= AUDIT_PER_QUEUE_MAX) {
    logger.info({ queues: queues.length, strategy: 'per-queue' }, 'reading audit log');
    const parts = await Promise.all(queues.map((q) => api.audit({ resourceId: q.id, startTime: since, endTime: 'now' })));
    return parts.flat();
  }
  logger.info({ queues: queues.length, strategy: 'single-query' }, 'reading audit log');
  const managed = new Set(queues.map((q) => q.id));
  return (await api.audit({ startTime: since, endTime: 'now' })).filter((e) => managed.has(e.resourceId));
}

import { loadManagedQueues } from '../../insight/managed.js';
import { parseSla, parseTarget } from '../../insight/options.js';
import { DEFAULT_SLA_SECONDS, DEFAULT_TARGET } from '../../insight/predict.js';
import { REALTIME_RANGE, windowSeconds } from '../../insight/range.js';
import { renderStatus } from '../../insight/render/status.js';
import { anyBreach, buildStatus } from '../../insight/status.js';
import { EXIT_CHANGES, EXIT_OK, useColor, type CliContext } from '../io.js';
import type { StatusOptions } from '../status.js';
import { openProvider } from './open-api.js';
import { statusSkills } from './status-skills.js';

/**
 * The action of `cxq status`: platform health, then real-time metrics (batched ≤ 100 queues per
 * query by the client) and an SLA-breach prediction per managed queue. Exit 0, or 2 with
 * `--fail-on-breach` when a breach is predicted; errors (1) are rendered by exit.ts.
 */
export async function statusCommand(ctx: CliContext, opts: StatusOptions): Promise<number> {
  const provider = openProvider(ctx, opts);
  if (provider.dialect === 'admin') return statusSkills(ctx, provider.skills, opts);
  const slaSeconds = parseSla(opts.sla ?? String(DEFAULT_SLA_SECONDS));
  const target = parseTarget(opts.target ?? String(DEFAULT_TARGET * 100));
  const api = provider.queues;
  const health = await api.health();
  const queues = await loadManagedQueues(api, { dir: opts.dir, cwd: ctx.io.cwd, ids: opts.id, logger: ctx.logger });
  const rows = queues.length > 0 ? await api.queueDetails(queues.map((q) => q.id), REALTIME_RANGE) : [];
  const report = buildStatus(health, queues, rows, {
    slaSeconds,
    target,
    windowSeconds: windowSeconds(REALTIME_RANGE, new Date()),
  });
  const breaches = report.queues.filter((q) => q.breachPredicted).length;
  ctx.logger.info({ queues: report.queues.length, metricsRows: rows.length, breaches, health: health.status }, 'status computed');
  const tenant = new URL(api.baseUrl).host;
  const generatedAt = new Date().toISOString();
  ctx.io.stdout.write(renderStatus(report, opts.format, { slaSeconds, target, color: useColor(ctx.io), generatedAt, tenant }));
  return opts.failOnBreach === true && anyBreach(report) ? EXIT_CHANGES : EXIT_OK;
}

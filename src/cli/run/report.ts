import { aggregateAbandonment } from '../../insight/abandonment.js';
import { loadManagedQueues } from '../../insight/managed.js';
import { parseSince } from '../../insight/range.js';
import { renderAbandonment } from '../../insight/render/abandonment.js';
import { EXIT_OK, type CliContext } from '../io.js';
import type { AbandonmentOptions } from '../report.js';
import { openProvider } from './open-api.js';
import { abandonmentSkills } from './report-skills.js';

/**
 * The action of `cxq report abandonment`: the wait-time distribution of the managed queues
 * (analytics data query, every nextUri page followed by the client) with abandonment per wait
 * bucket and overall. Exit 0; errors (1) are rendered by exit.ts.
 */
export async function abandonmentCommand(ctx: CliContext, opts: AbandonmentOptions): Promise<number> {
  const since = parseSince(opts.since);
  const provider = openProvider(ctx, opts);
  if (provider.dialect === 'admin') return abandonmentSkills(ctx, provider.skills, opts, since);
  const api = provider.queues;
  const queues = await loadManagedQueues(api, { dir: opts.dir, cwd: ctx.io.cwd, logger: ctx.logger });
  const rows = queues.length > 0
    ? await api.queueDistribution(queues.map((q) => q.id), { startDate: since, endDate: 'now' })
    : [];
  const result = aggregateAbandonment(rows, queues, since);
  ctx.logger.info({ queues: queues.length, rows: rows.length, offered: result.total.offered }, 'abandonment report built');
  ctx.io.stdout.write(renderAbandonment(result, opts.format));
  return EXIT_OK;
}

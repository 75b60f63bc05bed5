import { Option, type Command } from 'commander';
import { aggregateAbandonment } from '../insight/abandonment.js';
import { loadManagedQueues } from '../insight/managed.js';
import { parseSince } from '../insight/range.js';
import { ABANDONMENT_FORMATS, renderAbandonment, type AbandonmentFormat } from '../insight/render/abandonment.js';
import { addApiOptions, openApi, type ApiOptions } from './api-options.js';
import { EXIT_OK } from './io.js';
import type { ActionRunner } from './program.js';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';

interface AbandonmentOptions extends ApiOptions {
  dir: string;
  since: string;
  format: AbandonmentFormat;
}

/**
 * `cxq report abandonment`: the wait-time distribution of the managed queues (analytics data
 * query, every nextUri page followed by the client) with abandonment per wait bucket and overall.
 */
export function registerReport(program: Command, run: ActionRunner): void {
  const report = program.command('report').description('reports on the managed queues');
  const cmd = report
    .command('abandonment')
    .description('wait-time distribution and abandonment rate per wait bucket, per managed queue')
    .option('--dir <dir>', 'queue definitions directory', DEFAULT_DEFINITIONS_DIR)
    .option('--since <when>', 'start of the period: 30m, 24h, 7d or an ISO date', '7d')
    .addOption(new Option('--format <format>', 'output format').choices(ABANDONMENT_FORMATS).default('text'));
  addApiOptions(cmd).action((opts: AbandonmentOptions) =>
    run(async (ctx) => {
      const since = parseSince(opts.since);
      const api = await openApi(ctx, opts);
      const queues = await loadManagedQueues(api, { dir: opts.dir, cwd: ctx.io.cwd, logger: ctx.logger });
      const rows = queues.length > 0
        ? await api.queueDistribution(queues.map((q) => q.id), { startDate: since, endDate: 'now' })
        : [];
      const result = aggregateAbandonment(rows, queues, since);
      ctx.logger.info({ queues: queues.length, rows: rows.length, offered: result.total.offered }, 'abandonment report built');
      ctx.io.stdout.write(renderAbandonment(result, opts.format));
      return EXIT_OK;
    }),
  );
}

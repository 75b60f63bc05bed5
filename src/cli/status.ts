import { Option, type Command } from 'commander';
import { collect, loadManagedQueues } from '../insight/managed.js';
import { parseSla, parseTarget } from '../insight/options.js';
import { REALTIME_RANGE, windowSeconds } from '../insight/range.js';
import { renderStatus, STATUS_FORMATS, type StatusFormat } from '../insight/render/status.js';
import { anyBreach, buildStatus } from '../insight/status.js';
import { addApiOptions, openApi, type ApiOptions } from './api-options.js';
import { EXIT_CHANGES, EXIT_OK, useColor } from './io.js';
import type { ActionRunner } from './program.js';
import { DEFAULT_DEFINITIONS_DIR } from '../definitions/types.js';

interface StatusOptions extends ApiOptions {
  dir: string;
  id?: string[];
  sla: string;
  target: string;
  format: StatusFormat;
  failOnBreach?: boolean;
}

/**
 * `cxq status`: platform health, then real-time metrics (batched ≤ 100 queues per query by the
 * client) and an SLA-breach prediction per managed queue. Exit 0, or 2 with `--fail-on-breach`
 * when a breach is predicted; errors (1) are rendered by exit.ts.
 */
export function registerStatus(program: Command, run: ActionRunner): void {
  const cmd = program
    .command('status')
    .description('platform health, real-time queue metrics and SLA-breach prediction (Erlang C / Erlang A)')
    .option('--dir <dir>', 'queue definitions directory', DEFAULT_DEFINITIONS_DIR)
    .option('--id <id>', 'only this managed queue (repeatable)', collect)
    .option('--sla <seconds>', 'answer-time target of the service level, seconds', '20')
    .option('--target <percent>', 'service-level target, percent answered within --sla', '80')
    .addOption(new Option('--format <format>', 'output format').choices(STATUS_FORMATS).default('text'))
    .option('--fail-on-breach', 'exit 2 when any queue is predicted to breach');
  addApiOptions(cmd).action((opts: StatusOptions) =>
    run(async (ctx) => {
      const slaSeconds = parseSla(opts.sla);
      const target = parseTarget(opts.target);
      const api = await openApi(ctx, opts);
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
      ctx.io.stdout.write(renderStatus(report, opts.format, { slaSeconds, target, color: useColor(ctx.io) }));
      return opts.failOnBreach === true && anyBreach(report) ? EXIT_CHANGES : EXIT_OK;
    }),
  );
}

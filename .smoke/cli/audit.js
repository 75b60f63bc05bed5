import { Option } from 'commander';
import { readApplyReports } from '../insight/apply-reports.js';
import { buildAudit } from '../insight/audit.js';
import { collect, DEFAULT_DIR, loadManagedQueues } from '../insight/managed.js';
import { parseSince } from '../insight/range.js';
import { AUDIT_FORMATS, renderAudit } from '../insight/render/audit.js';
import { writeFileAtomic } from '../insight/write-out.js';
import { addApiOptions, openApi } from './api-options.js';
import { EXIT_OK } from './io.js';
/**
 * Up to this many managed queues the audit log is read per queue (`resourceId=`); above it, one
 * unfiltered query is filtered here. A per-queue read costs at least one request per queue, the
 * unfiltered one about (all entries)/100 requests, so it wins as soon as a handful of queues is
 * managed.
 */
export const AUDIT_PER_QUEUE_MAX = 5;
/**
 * `cxq audit`: the platform's audit log for the managed queues (all pages), each entry marked as
 * made by this client (`cxq`) or `out-of-band`, joined with local apply reports, with a
 * compliance summary. `--out FILE` writes atomically instead of printing.
 */
export function registerAudit(program, run) {
    const cmd = program
        .command('audit')
        .description('compliance export of queue changes: who changed what, cxq or out-of-band')
        .option('--dir <dir>', 'queue definitions directory', DEFAULT_DIR)
        .option('--id <id>', 'only this managed queue (repeatable)', collect)
        .option('--since <when>', 'start of the period: 30m, 24h, 30d or an ISO date', '30d')
        .addOption(new Option('--format <format>', 'output format').choices(AUDIT_FORMATS).default('json'))
        .option('--out <file>', 'write to FILE (atomically) instead of stdout');
    addApiOptions(cmd).action((opts) => run(async (ctx) => {
        const since = parseSince(opts.since);
        const api = await openApi(ctx, opts);
        const queues = await loadManagedQueues(api, { dir: opts.dir, cwd: ctx.io.cwd, ids: opts.id, logger: ctx.logger });
        const entries = await readAudit(api, queues, since, ctx.logger);
        const reports = await readApplyReports(ctx.io.cwd, api.baseUrl, ctx.logger);
        const result = buildAudit({ since, clientId: api.clientId, entries, queues, reports });
        ctx.logger.info({ entries: result.summary.entries, outOfBand: result.summary.outOfBand }, 'audit built');
        const output = renderAudit(result, opts.format);
        if (opts.out === undefined) {
            ctx.io.stdout.write(output);
        }
        else {
            const written = await writeFileAtomic(ctx.io.cwd, opts.out, output);
            ctx.io.stderr.write(`wrote ${result.summary.entries} audit entries to ${written}\n`);
        }
        return EXIT_OK;
    }));
}
/** Fewest requests: per queue for a few queues, else one query filtered client-side. */
async function readAudit(api, queues, since, logger) {
    if (queues.length === 0)
        return [];
    if (queues.length <= AUDIT_PER_QUEUE_MAX) {
        logger.info({ queues: queues.length, strategy: 'per-queue' }, 'reading audit log');
        const parts = await Promise.all(queues.map((q) => api.audit({ resourceId: q.id, startTime: since, endTime: 'now' })));
        return parts.flat();
    }
    logger.info({ queues: queues.length, strategy: 'single-query' }, 'reading audit log');
    const managed = new Set(queues.map((q) => q.id));
    return (await api.audit({ startTime: since, endTime: 'now' })).filter((e) => managed.has(e.resourceId));
}
//# sourceMappingURL=audit.js.map
/**
 * Reads local apply reports (`./cxq-reports/*.json`, `formatVersion: 1`, `command: "apply"`)
 * for the audit join. Thin I/O: anything that is not such a report is skipped, never fatal,
 * because the directory also holds Markdown renderings, journals and other commands' reports.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Logger } from '../log.js';
import type { ApplyReport, ApplyReportEntry } from './audit.js';

/** Directory, relative to the working directory, where `cxq apply` writes its reports. */
export const REPORTS_DIR = 'cxq-reports';
/** Larger files are skipped: an apply report of 10,000 queues is a few MiB. */
export const MAX_REPORT_BYTES = 32 * 1024 * 1024;

/**
 * Every apply report in `<cwd>/cxq-reports` whose `baseUrl` (when present) equals `baseUrl`,
 * sorted by file name. A missing directory yields []. Unreadable, oversized or foreign files are
 * skipped with a debug log. Never throws.
 */
export async function readApplyReports(cwd: string, baseUrl: string, logger: Logger): Promise<ApplyReport[]> {
  return readReportFiles(cwd, baseUrl, logger, parseApplyReport);
}

/**
 * The reading loop of {@link readApplyReports} with another parser (the skills' reports use
 * src/insight/skill-reports.ts): `parse` returns null for a file that is not its kind of report.
 * Same skipping rules; never throws.
 */
export async function readReportFiles<T>(
  cwd: string,
  baseUrl: string,
  logger: Logger,
  parse: (raw: unknown, file: string) => { value: T; baseUrl?: string } | null,
): Promise<T[]> {
  const dir = join(cwd, REPORTS_DIR);
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.toLowerCase().endsWith('.json')).sort();
  } catch {
    return [];
  }
  const reports: T[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const shown = relative(cwd, file);
    try {
      if ((await stat(file)).size > MAX_REPORT_BYTES) {
        logger.warn({ file: shown }, 'apply report too large, skipped');
        continue;
      }
      const report = parse(JSON.parse(await readFile(file, 'utf8')), shown);
      if (report === null) continue;
      if (report.baseUrl !== undefined && stripSlash(report.baseUrl) !== stripSlash(baseUrl)) continue;
      reports.push(report.value);
    } catch (err) {
      logger.debug({ file: shown, err: (err as Error).message }, 'not a readable apply report, skipped');
    }
  }
  logger.info({ reports: reports.length }, 'apply reports read');
  return reports;
}

/** The join-relevant part of a parsed report, or null when it is not an apply report v1. */
export function parseApplyReport(raw: unknown, file: string): { value: ApplyReport; baseUrl?: string } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (r['formatVersion'] !== 1 || r['command'] !== 'apply') return null;
  if (typeof r['startedAt'] !== 'string' || typeof r['finishedAt'] !== 'string' || !Array.isArray(r['entries'])) return null;
  const entries: ApplyReportEntry[] = [];
  for (const e of r['entries'] as unknown[]) {
    if (typeof e !== 'object' || e === null) continue;
    const x = e as Record<string, unknown>;
    if (typeof x['id'] !== 'string' || typeof x['outcome'] !== 'string') continue;
    entries.push({
      id: x['id'],
      outcome: x['outcome'],
      ...(typeof x['name'] === 'string' ? { name: x['name'] } : {}),
      ...(typeof x['fromVersion'] === 'number' ? { fromVersion: x['fromVersion'] } : {}),
      ...(typeof x['toVersion'] === 'number' ? { toVersion: x['toVersion'] } : {}),
    });
  }
  const value: ApplyReport = {
    file,
    startedAt: r['startedAt'],
    finishedAt: r['finishedAt'],
    entries,
    ...(typeof r['clientId'] === 'string' ? { clientId: r['clientId'] } : {}),
  };
  return typeof r['baseUrl'] === 'string' ? { value, baseUrl: r['baseUrl'] } : { value };
}

function stripSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

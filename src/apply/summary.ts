import type { ApplyReport, EntryResult } from './types.js';

/**
 * The few lines printed after a run: the counts, then each failed queue with the server's reason
 * (and errors[]), then each queue someone else changed during the run (what this run overwrote,
 * or that the other edit was kept), then the queues whose outcome a fresh read had to settle (their
 * write's answer proved nothing), then the skills whose read-back did not confirm the write (with
 * why), then the queues whose new version was not yet visible. Pure.
 */
export function renderApplySummary(report: ApplyReport): string {
  const s = report.summary;
  const head = report.interrupted ? 'Apply interrupted' : 'Apply finished';
  const lines = [`${head}: ${s.applied} applied, ${s.failed} failed, ${s.skipped} skipped, ${s.noop} unchanged.`];
  for (const e of report.entries) {
    if (e.outcome !== 'failed' || !e.error) continue;
    const status = e.error.status > 0 ? `HTTP ${e.error.status} ` : '';
    lines.push(`  failed: ${e.name} (${e.id}): ${status}${e.error.code}: ${e.error.message}`);
    for (const fe of e.error.errors) lines.push(`    ${fe.field}: ${fe.message}`);
  }
  for (const e of report.entries) {
    if (e.conflicts === undefined) continue;
    lines.push(`  changed concurrently: ${e.name} (${e.id}): re-read after ${e.conflicts} conflict(s); ${concurrentOutcome(e)}`);
  }
  for (const e of report.entries) {
    if (e.unprovenAnswer === undefined || e.outcome === 'failed') continue;
    lines.push(`  settled by a fresh read: ${e.name} (${e.id}): ${e.outcome} (its write's own answer proved nothing: ${e.unprovenAnswer})`);
  }
  for (const e of report.entries) {
    if (e.confirmed === false && e.unconfirmedReason !== undefined) lines.push(`  not confirmed: ${e.name} (${e.id}): ${e.unconfirmedReason}`);
  }
  const unconfirmed = report.entries.filter((e) => e.confirmed === false && e.unconfirmedReason === undefined);
  if (unconfirmed.length > 0) {
    lines.push(`  not yet visible to readers (applied; propagation still pending): ${unconfirmed.map((e) => e.name).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** What became of a queue that someone else wrote while this run was writing it. */
export function concurrentOutcome(e: EntryResult): string {
  if (e.outcome !== 'applied') return `ended ${e.outcome}`;
  const replaced = e.fields.filter((f) => e.overwrote?.includes(f.path));
  if (replaced.length === 0) return 'the other edit was kept';
  const what = replaced.map((f) => `${f.path} (${JSON.stringify(f.old)} → ${JSON.stringify(f.new)})`).join(', ');
  return `this run overwrote ${what}: the definition wins on declared fields`;
}

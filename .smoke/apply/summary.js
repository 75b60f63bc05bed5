/**
 * The few lines printed after a run: the counts, then each failed queue with the server's reason
 * (and errors[]), then the queues whose new version was not yet visible to readers. Pure.
 */
export function renderApplySummary(report) {
    const s = report.summary;
    const head = report.interrupted ? 'Apply interrupted' : 'Apply finished';
    const lines = [`${head}: ${s.applied} applied, ${s.failed} failed, ${s.skipped} skipped, ${s.noop} unchanged.`];
    for (const e of report.entries) {
        if (e.outcome !== 'failed' || !e.error)
            continue;
        const status = e.error.status > 0 ? `HTTP ${e.error.status} ` : '';
        lines.push(`  failed: ${e.name} (${e.id}): ${status}${e.error.code}: ${e.error.message}`);
        for (const fe of e.error.errors)
            lines.push(`    ${fe.field}: ${fe.message}`);
    }
    const unconfirmed = report.entries.filter((e) => e.confirmed === false);
    if (unconfirmed.length > 0) {
        lines.push(`  not yet visible to readers (applied; propagation still pending): ${unconfirmed.map((e) => e.name).join(', ')}`);
    }
    return `${lines.join('\n')}\n`;
}
//# sourceMappingURL=summary.js.map
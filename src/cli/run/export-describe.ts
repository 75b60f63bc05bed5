import type { ExportFile } from '../../export/files.js';

/** Export actions by kind, for the log line and the summary. */
export function countActions(files: readonly ExportFile[]): Record<string, number> {
  const counts: Record<string, number> = { create: 0, update: 0, unchanged: 0, skip: 0 };
  for (const f of files) counts[f.action] = (counts[f.action] ?? 0) + 1;
  return counts;
}

/** The lines export prints: one per created, updated or skipped file, then the counts. */
export function describe(files: readonly ExportFile[], outDir: string): string {
  const lines: string[] = [];
  for (const f of files) {
    if (f.action === 'create') lines.push(`+ created ${f.path} (${f.queue.name})`);
    if (f.action === 'update') lines.push(`~ updated ${f.path} (${f.queue.name})`);
    if (f.action === 'skip') lines.push(`= skipped ${f.queue.name}: already declared in ${f.declaredIn}`);
  }
  const c = countActions(files);
  lines.push(`Export: ${c['create']} created, ${c['update']} updated, ${c['unchanged']} unchanged, ${c['skip']} skipped in ${outDir}/.`);
  return `${lines.join('\n')}\n`;
}

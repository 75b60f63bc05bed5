/**
 * Preload for timing the real CLI in a child process (`node --import <this> dist/cli.js …`): on
 * exit, writes the process's peak RSS in KiB to the file named by BENCH_RSS_FILE, so the bench can
 * report the CLI's own peak memory. Does nothing when the variable is unset.
 */
import { writeFileSync } from 'node:fs';

const out = process.env['BENCH_RSS_FILE'];
if (out !== undefined && out !== '') {
  process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
}

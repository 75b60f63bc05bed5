#!/usr/bin/env node
import { runCli } from './cli/program.js';

// The only place that touches `process`: wire real streams and signals, then exit with the code.
const controller = new AbortController();
let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupts += 1;
    // First signal: stop starting new work and finish in-flight requests. Second: give up now.
    if (interrupts > 1) {
      process.stderr.write(
        'interrupted again: exiting now. An apply journal (*.journal.jsonl next to the report) holds every write sent; ' +
          'rebuild the report with `cxq apply --recover JOURNAL`.\n',
      );
      process.exit(130);
    }
    controller.abort(new Error(`received ${signal}`));
  });
}

const code = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;

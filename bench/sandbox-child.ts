/**
 * A sandbox in its own process for bench/ratelimit.ts, so that the CLI's work never stalls the
 * server's event loop (which bunches arrivals and makes a burst-1 bucket refuse evenly paced
 * requests: not what a remote server sees). Protocol on stdio, one JSON line each way:
 * argv[2] = SandboxOptions as JSON; prints `{"baseUrl": ...}` once listening; on stdin `stats`
 * prints `{requests, throttled, once}` (once: every queue written exactly once with maxWaitTime
 * 600); on `close` (or stdin end) closes and exits.
 */
import { createInterface } from 'node:readline';
import { startSandbox, type SandboxOptions } from '../src/sandbox/server.js';

const options = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions;
const sb = await startSandbox(options);
process.stdout.write(`${JSON.stringify({ baseUrl: sb.baseUrl })}\n`);
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line.trim() === 'stats') {
    const once = sb.state.listQueues().every((q) => sb.state.writeCount(q.id) === 1 && q.maxWaitTime === 600);
    process.stdout.write(`${JSON.stringify({ requests: sb.stats.requests, throttled: sb.stats.byStatus[429] ?? 0, once })}\n`);
  } else if (line.trim() === 'close') break;
}
await sb.close();
process.exit(0);

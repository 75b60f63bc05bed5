import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const LINE = /^cxq sandbox listening on http:\/\/127\.0\.0\.1:\d+ \((\d+) queues, (\d+) skills; credentials sandbox\/sandbox\)\n$/;

describe('cxq sandbox (real CLI entry)', () => {
  it('runs through the real CLI: the URL line on stdout, exit 0 when the signal aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runCaptured(['--log-level', 'silent', 'sandbox', '--port', '0', '--queues', '2'], {
      cwd: root,
      signal: controller.signal,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(LINE);
    expect(LINE.exec(result.stdout)![1]).toBe('10');
  });
});

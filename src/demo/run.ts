#!/usr/bin/env node
/**
 * `npm run demo`: the whole GitOps loop against in-process sandboxes, no credentials, no network.
 * First the v2 dialect on queue definitions: validate → plan (a simulated pull request) → apply
 * the saved plan → an out-of-band console edit (over HTTP, with the sandbox's `console` client, so
 * it is audited as a person, not as cxq) → drift → status. Then the admin dialect on Skill
 * definitions (./admin.ts). Each step prints the real CLI output; reports land in a temp
 * directory it names.
 */
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIO } from '../cli/io.js';
import { consoleEdit } from '../sandbox/console-edit.js';
import { CONSOLE_CLIENT, startSandbox, type SandboxHandle } from '../sandbox/server.js';
import { runAdminDemo } from './admin.js';
import { editYaml, QUIET, runSteps, type Step } from './steps.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A simulated pull request: two routing changes a platform engineer would make. */
async function simulatePullRequest(work: string): Promise<void> {
  await editYaml(join(work, 'queues/support/tier1.yaml'), ['maxWaitTime'], 240);
  await editYaml(join(work, 'queues/billing/collections.yaml'), ['routingStrategy'], 'mostAvailableAgent');
}

function v2Steps(work: string, sandbox: SandboxHandle): Step[] {
  return [
    { argv: [...QUIET, 'validate', '--dir', 'queues'], expect: 0, why: 'Offline: schema and cross-file rules, no credentials needed.' },
    {
      argv: [...QUIET, 'plan', '--dir', 'queues', '--out', 'plan.json', '--detailed-exitcode'],
      expect: 2,
      why: 'A pull request changed Support Tier 1 and Collections: the plan shows exactly that (exit 2 = changes).',
      before: () => simulatePullRequest(work),
    },
    {
      argv: [...QUIET, 'apply', '--plan', 'plan.json', '--yes', '--report', 'reports/apply.json'],
      expect: 0,
      why: 'Applies the reviewed plan with If-Match; writes the audit report (JSON + Markdown).',
    },
    {
      argv: [...QUIET, 'drift', '--dir', 'queues', '--format', 'text'],
      expect: 2,
      why: 'A supervisor changed VIP Concierge in the console: drift names the field, who and when (exit 2).',
      before: async () => {
        await consoleEdit(sandbox.baseUrl, 'e1d2c3b4-a596-4788-9a0b-1c2d3e4f5061', { maxWaitTime: 90 });
        process.stdout.write(
          `(out-of-band edit over HTTP with the console client: VIP Concierge maxWaitTime 60 → 90 by ${CONSOLE_CLIENT.actor.name})\n`,
        );
      },
    },
    { argv: [...QUIET, 'status', '--dir', 'queues'], expect: 0, why: 'Health and SLA-breach prediction (Erlang C/A) for every managed queue.' },
  ];
}

async function main(): Promise<number> {
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'cxq-demo-'));
  await cp(join(REPO_ROOT, 'queues'), join(work, 'queues'), { recursive: true });
  await cp(join(REPO_ROOT, 'schemas'), join(work, 'schemas'), { recursive: true });
  process.stdout.write(`cxq demo: working copy and reports in ${work}\n`);

  const sandbox: SandboxHandle = await startSandbox({ seedDir: join(REPO_ROOT, 'queues'), queues: 20 });
  process.stdout.write(`sandbox: ${sandbox.baseUrl} (credentials sandbox/sandbox)\n`);
  const io: CliIO = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: { NO_COLOR: process.env['NO_COLOR'] },
    cwd: work,
    signal: new AbortController().signal,
  };
  const v2io: CliIO = { ...io, env: { ...io.env, CXONE_BASE_URL: sandbox.baseUrl, CXONE_CLIENT_ID: 'sandbox', CXONE_CLIENT_SECRET: 'sandbox' } };

  let failed = 0;
  try {
    failed += await runSteps(v2Steps(work, sandbox), v2io, 'step');
  } finally {
    await sandbox.close();
  }
  failed += await runAdminDemo(io, REPO_ROOT, work);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\ncxq demo ${failed === 0 ? 'finished' : `FAILED (${failed} step(s))`} in ${seconds} s. Reports: ${join(work, 'reports')}\n`,
  );
  return failed === 0 ? 0 : 1;
}

process.exitCode = await main();

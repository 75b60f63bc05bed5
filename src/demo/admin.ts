/**
 * The admin-dialect part of `npm run demo`: the same GitOps loop on Skill definitions against an
 * in-process admin sandbox (the CXone Admin API's shapes), through the real CLI with only the
 * admin env vars: validate → plan (a simulated pull request) → apply of the saved plan → a
 * supervisor's console edit over HTTP (console access key) → drift.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliIO } from '../cli/io.js';
import { adminConsoleEdit } from '../sandbox/admin/console-edit.js';
import { startAdminSandbox } from '../sandbox/admin/server.js';
import { editYaml, QUIET, runSteps, type Step } from './steps.js';

/**
 * Whether plan, apply and drift speak `--provider admin` in this build. While false, the admin
 * part runs validate only and says what it skipped; set it to true once the commands are wired
 * to the admin provider (issue 14 §1, §6, §8), and test/demo then checks the whole loop.
 */
export const ADMIN_COMMANDS_READY = true;

/** A simulated pull request on the Skill definitions in `skills`: one field, one new agent. */
export async function simulatePullRequest(skills: string): Promise<void> {
  await editYaml(join(skills, 'support-voice.yaml'), ['serviceLevelGoal'], 85);
  await editYaml(join(skills, 'vip-voice.yaml'), ['agents', 'chloe.martin'], { proficiency: 3, active: true });
}

/** The steps after validate; `edit` is the out-of-band console edit before drift. */
function loopSteps(work: string, edit: () => Promise<void>): Step[] {
  return [
    {
      argv: [...QUIET, 'plan', '--dir', 'skills', '--out', 'admin-plan.json', '--detailed-exitcode'],
      expect: 2,
      why: 'A pull request raised Support Voice\'s service level goal and added an agent to VIP Voice (exit 2 = changes).',
      before: () => simulatePullRequest(join(work, 'skills')),
    },
    {
      argv: [...QUIET, 'apply', '--plan', 'admin-plan.json', '--dir', 'skills', '--yes', '--report', 'reports/admin-apply.json'],
      expect: 0,
      why: 'No versions on skills: apply re-reads each one, refuses if it moved since the plan, writes, then reads back to check.',
    },
    {
      argv: [...QUIET, 'drift', '--dir', 'skills'],
      expect: 2,
      why: 'A supervisor changed VIP Voice in the console; the Admin API keeps no "modified by", and drift says so (exit 2).',
      before: edit,
    },
  ];
}

/**
 * Runs the admin part in `work` (a scratch directory) with `base`'s streams and signal (its `env`
 * plus the admin variables). Copies
 * examples/admin/skills from `repoRoot` to `work/skills`, starts an admin sandbox seeded from them
 * (in sync before the pull request), and closes it whatever happens. Resolves to the number of
 * steps whose exit code was not the expected one.
 */
export async function runAdminDemo(base: CliIO, repoRoot: string, work: string): Promise<number> {
  await cp(join(repoRoot, 'examples/admin/skills'), join(work, 'skills'), { recursive: true });
  const sandbox = await startAdminSandbox({ seedDir: join(work, 'skills') });
  const out = base.stdout;
  out.write(
    `\n═══ the admin dialect: Skill definitions against the CXone Admin API's shapes ═══\n` +
      `admin sandbox: ${sandbox.baseUrl} (${sandbox.state.skills.size} skills, ${sandbox.state.agents.agents().length} agents; access key sandbox/sandbox)\n` +
      `env: CXONE_PROVIDER=admin CXONE_AUTH_URL=${sandbox.baseUrl} CXONE_ACCESS_KEY_ID=sandbox CXONE_ACCESS_KEY_SECRET=… (API host by discovery)\n`,
  );
  const io: CliIO = {
    ...base,
    env: {
      ...base.env,
      CXONE_PROVIDER: 'admin',
      CXONE_AUTH_URL: sandbox.baseUrl,
      CXONE_ACCESS_KEY_ID: sandbox.accessKey.accessKeyId,
      CXONE_ACCESS_KEY_SECRET: sandbox.accessKey.accessKeySecret,
    },
    cwd: work,
  };
  const edit = async (): Promise<void> => {
    const vip = sandbox.state.skillByName('VIP Voice')!;
    await adminConsoleEdit(sandbox.baseUrl, vip.skillId, { serviceLevelThreshold: 20 });
    out.write('(out-of-band edit over HTTP with the console access key: VIP Voice serviceLevelThreshold 10 → 20)\n');
  };
  const validate: Step = { argv: [...QUIET, 'validate', '--dir', 'skills'], expect: 0, why: 'Offline: kind: Skill documents, schema and cross-file rules.' };
  try {
    if (ADMIN_COMMANDS_READY) return await runSteps([validate, ...loopSteps(work, edit)], io, 'admin step');
    const failed = await runSteps([validate], io, 'admin step');
    out.write(
      '\nplan → apply → console edit → drift on the admin dialect: skipped. In this build plan, apply and\n' +
        'drift do not yet speak --provider admin (issue 14 §1); the admin sandbox and validate above do.\n',
    );
    return failed;
  } finally {
    await sandbox.close();
  }
}

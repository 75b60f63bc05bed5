/**
 * The two Admin API servers the admin e2e tests run against: our sandbox and the independent
 * second server (test/contract/admin), behind one small interface, so each command is proven
 * against two server shapes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAdminSandbox } from '../../../src/sandbox/admin/server.js';
import { startSecondAdminServer } from '../../contract/admin/second-admin-server.js';
import { runCaptured, type CliResult } from '../../helpers/cli.js';

export interface AdminServer {
  env: Record<string, string>;
  /** The origin the CLI's `baseUrl` is built from. */
  url: string;
  skillId(name: string): number;
  /** A console edit of one field (GET spelling), out of band. */
  edit(skillId: number, field: string, value: unknown): void;
  /** A skill with agents, named by user name, of this server's seed. */
  sample: { skillId: number; agent: string };
  /** An out-of-band proficiency change (only where the server offers it without HTTP). */
  setProficiency?: (skillId: number, userName: string, proficiency: number) => void;
  /** The true current skill (GET shape). */
  skill(skillId: number): Record<string, unknown>;
  close(): Promise<void>;
}

/**
 * Our admin sandbox. Its clock runs a day ahead: every contact of a recent window has completed
 * by the sandbox's `now`, so two reads of one window (the CLI's, then the test's) agree exactly.
 */
export async function sandboxServer(): Promise<AdminServer> {
  const sb = await startAdminSandbox({ now: () => new Date(Date.now() + 86_400_000) });
  return {
    url: sb.baseUrl,
    env: {
      CXONE_PROVIDER: 'admin',
      CXONE_AUTH_URL: sb.baseUrl,
      CXONE_API_BASE_URL: sb.baseUrl,
      CXONE_ACCESS_KEY_ID: sb.accessKey.accessKeyId,
      CXONE_ACCESS_KEY_SECRET: sb.accessKey.accessKeySecret,
    },
    skillId: (name) => sb.state.skillByName(name)!.skillId,
    sample: { skillId: sb.state.skillByName('Support Phone')!.skillId, agent: 'ana.garcia' },
    setProficiency: (id, user, proficiency) => void sb.state.setAssignment(id, user, { proficiency }),
    edit: (id, field, value) => void sb.state.editSkill(id, { [field]: value }),
    skill: (id) => sb.state.getSkill(id) as unknown as Record<string, unknown>,
    close: () => sb.close(),
  };
}

export async function secondServer(): Promise<AdminServer> {
  const s = await startSecondAdminServer({ tokenTtlS: 3600 });
  return {
    url: s.url,
    env: s.env(),
    skillId: (name) => s.skillIdByName(name)!,
    sample: { skillId: 3107, agent: 'ana.garcia' },
    edit: (id, field, value) => s.setSkillField(id, field, value),
    skill: (id) => s.getSkill(id) as Record<string, unknown>,
    close: () => s.close(),
  };
}

export const SERVERS = [
  ['admin sandbox', sandboxServer],
  ['second admin server', secondServer],
] as const;

/** A fresh working directory (the CLI's cwd: definitions, reports). */
export async function workDir(): Promise<{ dir: string; done: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cxq-admin-e2e-'));
  return { dir, done: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs the CLI against `server` in `cwd`. */
export function cxqAdmin(server: AdminServer, cwd: string, argv: string[]): Promise<CliResult> {
  return runCaptured(['--log-level', 'warn', ...argv], { env: server.env, cwd });
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAdminSandbox, type AdminSandboxHandle, type AdminSandboxOptions } from '../../src/sandbox/admin/server.js';
import { startSecondAdminServer, type SecondAdminOptions, type SecondAdminServer } from '../contract/admin/second-admin-server.js';
import { runCaptured, type CliResult } from '../helpers/cli.js';

/** A temp working directory with `skills/` definitions and the CLI env of one admin server. */
export interface SkillWorkspace {
  cwd: string;
  env: Record<string, string>;
  /** Replaces `skills/` with these files (name → YAML text). */
  declare(files: Record<string, string>): void;
  run(argv: string[], options?: { tty?: boolean; signal?: AbortSignal }): Promise<CliResult>;
  json(file: string): any;
  close(): Promise<void>;
}

function workspace(env: Record<string, string>, close: () => Promise<void>): SkillWorkspace {
  const cwd = mkdtempSync(join(tmpdir(), 'cxq-skills-'));
  return {
    cwd,
    env,
    declare(files) {
      const dir = join(cwd, 'skills');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    },
    run: (argv, o = {}) => runCaptured(['--log-level', 'warn', ...argv], { env, cwd, ...o }),
    json: (file) => JSON.parse(readFileSync(join(cwd, file), 'utf8')),
    close: async () => {
      await close();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** The admin sandbox (src/sandbox/admin) with a workspace. */
export async function sandboxWorkspace(options: AdminSandboxOptions = {}): Promise<SkillWorkspace & { sb: AdminSandboxHandle }> {
  const sb = await startAdminSandbox(options);
  const env = {
    CXONE_PROVIDER: 'admin',
    CXONE_AUTH_URL: sb.baseUrl,
    CXONE_API_BASE_URL: sb.baseUrl,
    CXONE_ACCESS_KEY_ID: sb.accessKey.accessKeyId,
    CXONE_ACCESS_KEY_SECRET: sb.accessKey.accessKeySecret,
  };
  return { ...workspace(env, () => sb.close()), sb };
}

/** The second, independent admin server (test/contract/admin) with a workspace. */
export async function secondWorkspace(options: SecondAdminOptions = {}): Promise<SkillWorkspace & { s: SecondAdminServer }> {
  const s = await startSecondAdminServer(options);
  return { ...workspace(s.env(), () => s.close()), s };
}

/** A Skill definition's YAML. */
export function skillYaml(name: string, fields: Record<string, unknown> = {}, agents?: Record<string, { proficiency: number; active?: boolean }>, exclusive = false): string {
  const lines = ['kind: Skill', `skillName: ${JSON.stringify(name)}`];
  for (const [k, v] of Object.entries(fields)) lines.push(`${k}: ${JSON.stringify(v)}`);
  if (exclusive) lines.push('agentsExclusive: true');
  if (agents !== undefined) {
    lines.push(Object.keys(agents).length === 0 ? 'agents: {}' : 'agents:');
    for (const [user, a] of Object.entries(agents)) lines.push(`  ${user}: ${JSON.stringify(a)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Test fixtures of the contract suite: a temp copy of the repository's queues/ directory, and a
 * second server seeded from those definitions plus unknown fields, many skills and an audit history.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CLIENT_ID, CLIENT_SECRET, SecondServer, type SecondServerOptions } from './second-server.js';
import type { Json } from './second-tenant.js';

export const REPO_QUEUES = join(import.meta.dirname, '..', '..', 'queues');
/** Skills beyond those the definitions use: 250 in all, so a 100-per-page list needs three pages. */
const TOTAL_SKILLS = 250;
/** Historical audit entries by a person (at least), two hours apart: more than two 100-entry pages. */
export const HISTORY_ENTRIES = 230;

/** A temp working directory holding `queues/` (a copy of the repository's) and the cleanup. */
export function tempRepo(): { cwd: string; dir: string; cleanup: () => void } {
  const cwd = mkdtempSync(join(tmpdir(), 'cxq-contract-'));
  const dir = join(cwd, 'queues');
  cpSync(REPO_QUEUES, dir, { recursive: true });
  return { cwd, dir, cleanup: () => rmSync(cwd, { recursive: true, force: true }) };
}

/** Writes `count` extra definitions (unique ids and names) under `dir/generated/`. */
export function addGeneratedDefinitions(dir: string, count: number): void {
  mkdirSync(join(dir, 'generated'), { recursive: true });
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    const yaml = `id: 00000000-0000-4000-8000-000000000${n}\nname: Generated ${n}\nroutingStrategy: longestIdleAgent\nmaxWaitTime: 120\nskills:\n  - id: skill_tier1\n    level: basic\nskillRoutingType: any\n`;
    writeFileSync(join(dir, 'generated', `q${n}.yaml`), yaml);
  }
}

function definitionsIn(dir: string): Json[] {
  const out: Json[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...definitionsIn(path));
    else if (/\.ya?ml$/.test(entry)) out.push(...parseAllDocuments(readFileSync(path, 'utf8')).map((d) => d.toJS() as Json));
  }
  return out;
}

/** Fields no contract table lists, top-level and nested: a client must carry them through a PUT. */
export function unknownFieldsFor(name: string): Json {
  return {
    mediaType: 'voice',
    acw: { enabled: true, timeoutSeconds: 30, codes: ['resolved', 'callback'] },
    routingLabels: [{ key: 'team', value: name.toLowerCase().replace(/\s+/g, '-') }],
  };
}

/** Starts a second server whose tenant holds exactly the definitions in `dir` (plus unknown fields). */
export async function startSeeded(dir: string, options: SecondServerOptions = {}): Promise<{ server: SecondServer; env: Record<string, string> }> {
  const server = new SecondServer(options);
  const defs = definitionsIn(dir);
  const skillIds = new Set(defs.flatMap((d) => ((d['skills'] as Json[] | undefined) ?? []).map((s) => String(s['id']))));
  for (const id of [...skillIds].sort()) server.tenant.addSkill(id, id.replace('skill_', '').toUpperCase());
  for (let i = server.tenant.skills.length; i < TOTAL_SKILLS; i++) server.tenant.addSkill(`skill_extra_${String(i).padStart(3, '0')}`, `Extra ${i}`);
  // Seeded versions agree with the history: every past update produced one audit entry.
  const perQueue = Math.ceil(HISTORY_ENTRIES / defs.length);
  for (const d of defs) {
    const music = d['waitMusic'] as Json | undefined;
    server.tenant.addQueue({ ...d, ...(music ? { waitMusic: { ...music, volumePercent: 80 } } : {}), ...unknownFieldsFor(String(d['name'])) }, 1 + perQueue);
  }
  const ids = server.tenant.ids();
  const now = Date.now();
  for (let i = 0; i < perQueue * ids.length; i++) {
    const id = ids[i % ids.length] ?? '';
    server.tenant.audit.push({
      id: `hist-${i}`, timestamp: new Date(now - (i + 1) * 2 * 3_600_000).toISOString(), action: 'Update', resourceType: 'Queue',
      resourceId: id, user: { id: 'jane.doe@example.com', name: 'Jane Doe' },
      changes: [{ field: 'maxWaitTime', oldValue: 100 + i, newValue: 101 + i }], correlation: { source: 'ui' },
    });
  }
  const baseUrl = await server.start();
  return { server, env: { CXONE_BASE_URL: baseUrl, CXONE_CLIENT_ID: CLIENT_ID, CXONE_CLIENT_SECRET: CLIENT_SECRET } };
}

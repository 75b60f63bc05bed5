/**
 * Bench: `validateDirectory` over 10,000 definitions in 1,000 files (10 documents a file, nested
 * in 10 sub-directories), generated into a temp directory. Target: under 2 s on 2 cores.
 * Run alone: npm run build:bench && node build/bench/bench/validate.js
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { validateDirectory } from '../src/definitions/validate.js';
import { measure, type BenchRow } from './lib.js';

const COMMAND = 'npm run build:bench && node build/bench/bench/validate.js';
const FILES = 1000;
const PER_FILE = 10;
const STRATEGIES = ['longestIdleAgent', 'mostAvailableAgent', 'leastRecentlyUsed', 'firstAvailableAgent'];
const LEVELS = ['basic', 'intermediate', 'advanced', 'expert'];

/** One realistic queue document (every field declared, two skills, two overflow targets). */
function queueYaml(n: number): string {
  const id = (k: number): string => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`;
  return [
    `# yaml-language-server: $schema=../../schemas/queue.schema.json`,
    `id: ${id(n)}`,
    `name: Bench Queue ${n}`,
    `description: Generated queue number ${n} for the validate bench`,
    `routingStrategy: ${STRATEGIES[n % STRATEGIES.length]}`,
    'waitMusic:',
    '  playMusic: true',
    `  url: https://cdn.example.com/hold/${n % 7}.mp3`,
    `maxWaitTime: ${10 + (n % 7000)}`,
    'skills:',
    `  - id: skill_${n % 50}`,
    `    level: ${LEVELS[n % LEVELS.length]}`,
    `  - id: skill_lang_${n % 5}`,
    `    level: ${LEVELS[(n + 1) % LEVELS.length]}`,
    `skillRoutingType: ${n % 2 === 0 ? 'any' : 'all'}`,
    'enableOverflow: true',
    `overflowThreshold: ${n % 101}`,
    'overflowTargets:',
    `  - id: ${id(n + 1)}`,
    `    threshold: ${n % 7201}`,
    `  - id: ${id(n + 2)}`,
    '    threshold: 600',
  ].join('\n');
}

/** Writes the corpus and returns its root directory (the caller removes it). */
export function generateCorpus(): string {
  const root = mkdtempSync(join(tmpdir(), 'cxq-bench-validate-'));
  for (let f = 0; f < FILES; f++) {
    const dir = join(root, 'queues', `team-${String(f % 10).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    const docs = Array.from({ length: PER_FILE }, (_, d) => queueYaml(f * PER_FILE + d));
    writeFileSync(join(dir, `q${String(f).padStart(4, '0')}.yaml`), `${docs.join('\n---\n')}\n`);
  }
  return root;
}

/** Times validating 10,000 generated definitions in 1,000 files; fails loudly if any is invalid. */
export async function benchValidate(): Promise<BenchRow[]> {
  const root = generateCorpus();
  try {
    const row = await measure('validate', COMMAND, FILES * PER_FILE, async () => {
      const result = await validateDirectory('queues', { cwd: root });
      if (result.problems.length > 0 || result.definitions.length !== FILES * PER_FILE) {
        throw new Error(`bench corpus did not validate: ${JSON.stringify(result.problems.slice(0, 3))}`);
      }
      return { requests: null, extra: { files: result.files } };
    });
    return [row];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchValidate();
}

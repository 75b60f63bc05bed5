/**
 * Initial data of a sandbox: queues from a definitions directory, generated queues, skills.
 * Everything is deterministic for a given directory and seed, so runs and tests replay.
 */
import type { Queue, SkillLevel, SkillRef } from '../model/queue.js';
import type { Skill } from '../model/tenant.js';
import { ROUTING_STRATEGIES, SKILL_LEVELS } from '../model/queue.js';
import type { QueueDefinition } from '../definitions/types.js';
import { intBetween, mulberry32, uuidFromName, type Prng } from './prng.js';
import { buildQueue } from './queue-model.js';
import { loadSeedDefinitions } from './seed-dir.js';
import { CONSOLE_ADMIN, type SandboxState } from './state.js';

export interface SeedOptions {
  /** Definitions directory (resolved against `cwd`), or null for none. */
  seedDir: string | null;
  cwd: string;
  /** Number of generated queues. */
  queues: number;
  seed: number;
}

/** The timestamp of every seeded queue's `dateModified` (fixed, so exports are reproducible). */
export const SEED_TIME = '2026-01-05T09:00:00.000Z';

/** The standard skill set every sandbox has (ids used by the example `queues/` included). */
export const STANDARD_SKILLS: readonly Skill[] = [
  ['skill_tier1', 'Tier 1 support'],
  ['skill_tier2', 'Tier 2 support'],
  ['skill_sales', 'Sales'],
  ['skill_billing', 'Billing'],
  ['skill_english', 'English'],
  ['skill_spanish', 'Spanish'],
  ['skill_vip', 'VIP concierge'],
  ['skill_french', 'French'],
  ['skill_german', 'German'],
  ['skill_portuguese', 'Portuguese'],
  ['skill_retention', 'Retention'],
  ['skill_technical', 'Technical support'],
  ['skill_escalation', 'Escalations'],
  ['skill_onboarding', 'Onboarding'],
  ['skill_claims', 'Claims'],
  ['skill_fraud', 'Fraud'],
  ['skill_returns', 'Returns'],
  ['skill_shipping', 'Shipping'],
  ['skill_chat', 'Chat'],
  ['skill_email', 'Email'],
].map(([id, name]) => ({ id: id!, name: name! }));

/** Fields outside the contract's table that seeded queues carry, to prove a PUT keeps them. */
export const SEEDED_EXTRAS = {
  mediaType: 'voice',
  acwTimeout: 30,
  serviceLevel: { percentage: 90, durationSeconds: 30 },
  tags: ['cxq-sandbox', 'seeded'],
};

const stamp = (id: string): Parameters<typeof buildQueue>[1] => ({
  id,
  version: 1,
  dateModified: SEED_TIME,
  modifiedBy: { ...CONSOLE_ADMIN },
});

/** The id a definition's queue gets: its declared id, else a stable UUID derived from its name. */
export function seededQueueId(def: QueueDefinition): string {
  return def.id ?? uuidFromName(`queue:${def.name ?? ''}`);
}

/**
 * The live queue a definition seeds: declared fields as declared, undeclared ones at their
 * defaults, plus `SEEDED_EXTRAS`. Version 1, modified by the console admin.
 */
export function queueFromDefinition(def: QueueDefinition): Queue {
  const id = seededQueueId(def);
  const { id: _ignored, ...declared } = def;
  const body: Record<string, unknown> = {
    ...declared,
    name: def.name ?? `Queue ${id.slice(0, 8)}`,
    ...structuredClone(SEEDED_EXTRAS),
  };
  return buildQueue(body, stamp(id));
}

const pick = <T>(rng: Prng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function pickSkills(rng: Prng): SkillRef[] {
  const n = intBetween(rng, 1, 3);
  const chosen = new Map<string, SkillLevel>();
  while (chosen.size < n) chosen.set(pick(rng, STANDARD_SKILLS).id, pick(rng, SKILL_LEVELS));
  return [...chosen].map(([id, level]) => ({ id, level }));
}

/**
 * `count` generated queues named `Generated Queue 00001`…, UUID-shaped ids derived from the seed,
 * valid standard skills, and for about a third overflow targets among earlier generated queues.
 */
export function generateQueues(count: number, seed: number): Queue[] {
  const rng = mulberry32(seed);
  const out: Queue[] = [];
  for (let i = 1; i <= count; i++) {
    const id = uuidFromName(`generated:${seed}:${i}`);
    const overflow = out.length > 0 && rng() < 0.35;
    const targets = new Map<string, number>();
    if (overflow) {
      const n = Math.min(out.length, intBetween(rng, 1, 2));
      while (targets.size < n) targets.set(pick(rng, out).id, pick(rng, [30, 60, 120, 300, 600]));
    }
    const playMusic = rng() < 0.8;
    out.push(
      buildQueue(
        {
          name: `Generated Queue ${String(i).padStart(5, '0')}`,
          description: `Generated queue ${i} (seed ${seed})`,
          routingStrategy: pick(rng, ROUTING_STRATEGIES),
          waitMusic: playMusic ? { playMusic, url: `https://cdn.example.com/hold/track-${i % 7}.mp3` } : { playMusic },
          maxWaitTime: pick(rng, [60, 120, 180, 300, 600, 900, 1800]),
          skills: pickSkills(rng),
          skillRoutingType: rng() < 0.7 ? 'any' : 'all',
          enableOverflow: overflow,
          overflowThreshold: intBetween(rng, 50, 95),
          overflowTargets: [...targets].map(([tid, threshold]) => ({ id: tid, threshold })),
          mediaType: pick(rng, ['voice', 'voice', 'voice', 'chat', 'email']),
          acwTimeout: pick(rng, [15, 30, 45, 60]),
          serviceLevel: { percentage: 80, durationSeconds: 30 },
          tags: ['cxq-sandbox', 'generated'],
        },
        stamp(id),
      ),
    );
  }
  return out;
}

function skillName(id: string): string {
  const words = id.replace(/^skill_/, '').split(/[_-]+/).filter(Boolean);
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') || id;
}

/**
 * Fills `state`: standard skills plus every skill the definitions reference, the definitions'
 * queues, then the generated ones. Overflow targets naming a queue that is not seeded are
 * dropped (the sandbox cannot know a queue only production has). Rejects with the definitions
 * loader's error when the directory is unreadable or a definition is invalid.
 */
export async function seedSandbox(state: SandboxState, options: SeedOptions): Promise<void> {
  for (const s of STANDARD_SKILLS) state.addSkill(s);
  const defs = options.seedDir === null ? [] : await loadSeedDefinitions(options.seedDir, options.cwd);
  for (const def of defs) {
    for (const s of def.skills ?? []) if (!state.hasSkill(s.id)) state.addSkill({ id: s.id, name: skillName(s.id) });
  }
  const seeded = defs.map(queueFromDefinition);
  const generated = generateQueues(options.queues, options.seed);
  for (const q of [...seeded, ...generated]) {
    if (state.hasQueue(q.id) || state.nameTaken(q.name)) continue;
    state.insertQueue(q);
  }
  for (const q of seeded) {
    const targets = q.overflowTargets ?? [];
    const kept = targets.filter((t) => state.hasQueue(t.id) && t.id !== q.id);
    if (kept.length !== targets.length) state.patchSeeded(q.id, { overflowTargets: kept });
  }
}

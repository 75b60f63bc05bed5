import type { Queue } from '../../src/model/queue.js';
import type { Skill } from '../../src/model/tenant.js';
import { FieldLocations } from '../../src/definitions/locations.js';
import type { LoadedDefinition, QueueDefinition } from '../../src/definitions/types.js';

/** A live queue as the API returns it, with read-only and unknown fields. */
export function liveQueue(overrides: Partial<Queue> = {}): Queue {
  return {
    id: 'q-tier1',
    name: 'Support Tier 1',
    description: 'First line',
    routingStrategy: 'longestIdleAgent',
    waitMusic: { playMusic: true, url: 'https://cdn.example.com/a.mp3' },
    maxWaitTime: 300,
    skills: [
      { id: 'skill_a', level: 'advanced' },
      { id: 'skill_b', level: 'expert' },
    ],
    skillRoutingType: 'any',
    enableOverflow: true,
    overflowThreshold: 85,
    overflowTargets: [
      { id: 'q-tier2', threshold: 120 },
      { id: 'q-pool', threshold: 300 },
    ],
    version: 7,
    dateModified: '2026-11-20T09:14:03.120Z',
    modifiedBy: { id: 'u-1', name: 'Ann' },
    selfUri: '/api/v2/routing/queues/q-tier1',
    outboundEmail: 'x@example.com',
    ...overrides,
  };
}

/** A definition equal to `liveQueue()` in every schema field. */
export function definitionOf(q: Queue): QueueDefinition {
  const { version: _v, dateModified: _d, modifiedBy: _m, selfUri: _s, outboundEmail: _o, ...rest } = q;
  return structuredClone(rest) as QueueDefinition;
}

/** A loaded definition whose every field sits on its own line of `file`, in declaration order. */
export function loaded(definition: QueueDefinition, file = 'queues/tier1.yaml'): LoadedDefinition {
  const locations: Record<string, { line: number; column: number }> = {};
  let line = 2;
  for (const [key, value] of Object.entries(definition)) {
    locations[`/${key}`] = { line: line++, column: 1 };
    if (Array.isArray(value)) {
      value.forEach((item: Record<string, unknown>, i) => {
        for (const sub of Object.keys(item)) locations[`/${key}/${i}/${sub}`] = { line: line++, column: 5 };
      });
    }
  }
  return { kind: 'Queue', definition, location: { file, line: 1, column: 1 }, fieldLocations: FieldLocations.of(file, locations) };
}

export const SKILLS: Skill[] = [
  { id: 'skill_a', name: 'A' },
  { id: 'skill_b', name: 'B' },
  { id: 'skill_c', name: 'C' },
];

/** Three live queues that overflow into each other, as the sandbox might hold them. */
export function tenant(): Queue[] {
  return [
    liveQueue(),
    liveQueue({ id: 'q-tier2', name: 'Support Tier 2', overflowTargets: [{ id: 'q-pool', threshold: 240 }], selfUri: undefined }),
    liveQueue({ id: 'q-pool', name: 'Overflow Pool', enableOverflow: false, overflowTargets: [], selfUri: undefined }),
  ];
}

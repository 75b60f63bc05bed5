import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { queueToDefinition, renderQueueYaml } from '../../src/export/yaml.js';
import { liveQueue } from '../plan/fixtures.js';

describe('renderQueueYaml', () => {
  it('writes the modeline, schema fields only, in canonical order, skills sorted by id', () => {
    const q = liveQueue({ skills: [{ id: 'skill_b', level: 'expert' }, { id: 'skill_a', level: 'advanced' }] });
    expect(renderQueueYaml(q, '../schemas/queue.schema.json')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/queue.schema.json
      id: q-tier1
      name: Support Tier 1
      description: First line
      routingStrategy: longestIdleAgent
      waitMusic:
        playMusic: true
        url: https://cdn.example.com/a.mp3
      maxWaitTime: 300
      skills:
        - id: skill_a
          level: advanced
        - id: skill_b
          level: expert
      skillRoutingType: any
      enableOverflow: true
      overflowThreshold: 85
      overflowTargets:
        - id: q-tier2
          threshold: 120
        - id: q-pool
          threshold: 300
      "
    `);
  });

  it('is the same whatever the live key order, and quotes what YAML would misread', () => {
    const q = liveQueue({ name: 'yes', description: 'a: b # c\nsecond line' });
    const shuffled = Object.fromEntries(Object.entries(q).reverse()) as typeof q;
    const text = renderQueueYaml(q, 's.json');
    expect(renderQueueYaml(shuffled, 's.json')).toBe(text);
    expect(parse(text)).toEqual(queueToDefinition(q));
  });

  it('leaves out absent fields, an empty waitMusic, and every read-only or unknown field', () => {
    const d = queueToDefinition({ id: 'q', name: 'N', version: 3, waitMusic: {} as never, dateModified: 'x', modifiedBy: { id: 'u' }, selfUri: '/q', mediaType: 'voice' });
    expect(d).toEqual({ id: 'q', name: 'N' });
  });
});

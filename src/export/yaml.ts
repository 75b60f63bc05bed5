import { Document } from 'yaml';
import type { Queue } from '../model/queue.js';
import { DEFINITION_FIELDS, type QueueDefinition } from '../definitions/types.js';
import { normaliseOverflowTargets, normaliseSkills, WAIT_MUSIC_LEAVES } from '../plan/normalise.js';

/**
 * The definition of a live queue: schema fields only (`version`, `dateModified`, `modifiedBy`,
 * `selfUri` and fields outside the schema are dropped), in `DEFINITION_FIELDS` order, skills sorted
 * by id, overflow targets in their (significant) order. A field the live queue lacks is left out
 * (not managed); an empty `waitMusic` object is left out too (the schema wants at least one leaf).
 * Pure.
 */
export function queueToDefinition(q: Queue): QueueDefinition {
  const out: Record<string, unknown> = {};
  for (const field of DEFINITION_FIELDS) {
    const value = q[field];
    if (value === undefined || value === null) continue;
    if (field === 'skills') out[field] = normaliseSkills(value);
    else if (field === 'overflowTargets') out[field] = normaliseOverflowTargets(value);
    else if (field === 'waitMusic') {
      const music: Record<string, unknown> = {};
      for (const leaf of WAIT_MUSIC_LEAVES) if (q.waitMusic?.[leaf] !== undefined) music[leaf] = q.waitMusic[leaf];
      if (Object.keys(music).length > 0) out[field] = music;
    } else out[field] = value;
  }
  return out as QueueDefinition;
}

/**
 * The YAML file of one queue: the `yaml-language-server` schema modeline (`schemaRef` is the path
 * of schemas/queue.schema.json relative to the file), then the definition, block style, no line
 * folding, so the same queue always gives the same bytes. Pure.
 */
export function renderQueueYaml(q: Queue, schemaRef: string): string {
  const doc = new Document(queueToDefinition(q));
  // Prepended by hand: a document comment would be followed by a blank line.
  return `# yaml-language-server: $schema=${schemaRef}\n${doc.toString({ lineWidth: 0, indentSeq: true })}`;
}

/**
 * The queue model shared by providers, definitions and plan: the routing fields of a queue as the
 * v2 contract (docs/api.md) defines them, and the tables of writable and read-only fields.
 * A server may return fields not listed here; `Queue` keeps them through an index signature so
 * that a PUT can carry them back unchanged.
 */

export const ROUTING_STRATEGIES = [
  'longestIdleAgent',
  'mostAvailableAgent',
  'leastRecentlyUsed',
  'firstAvailableAgent',
] as const;
export type RoutingStrategy = (typeof ROUTING_STRATEGIES)[number];

export const SKILL_LEVELS = ['basic', 'intermediate', 'advanced', 'expert'] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];

export const SKILL_ROUTING_TYPES = ['any', 'all'] as const;
export type SkillRoutingType = (typeof SKILL_ROUTING_TYPES)[number];

export interface SkillRef {
  id: string;
  level: SkillLevel;
}

export interface OverflowTarget {
  id: string;
  threshold: number;
}

export interface WaitMusic {
  playMusic: boolean;
  url: string;
}

export interface Actor {
  id: string;
  name?: string;
}

/** A live queue. Unknown fields are kept (index signature) and must survive a PUT. */
export interface Queue {
  id: string;
  name: string;
  description?: string;
  routingStrategy?: RoutingStrategy;
  waitMusic?: WaitMusic;
  maxWaitTime?: number;
  skills?: SkillRef[];
  skillRoutingType?: SkillRoutingType;
  enableOverflow?: boolean;
  overflowThreshold?: number;
  overflowTargets?: OverflowTarget[];
  version: number;
  dateModified?: string;
  modifiedBy?: Actor;
  selfUri?: string;
  [unknownField: string]: unknown;
}

/** The writable fields of the contract's field table, in canonical (output) order. */
export const WRITABLE_QUEUE_FIELDS = [
  'name',
  'description',
  'routingStrategy',
  'waitMusic',
  'maxWaitTime',
  'skills',
  'skillRoutingType',
  'enableOverflow',
  'overflowThreshold',
  'overflowTargets',
] as const;

/** Fields the server owns; a client never decides their value. */
export const READ_ONLY_FIELDS = ['id', 'version', 'dateModified', 'modifiedBy', 'selfUri'] as const;

/**
 * Wire types of the CXone queue-routing API, as fixed by shared/cxone-api.md.
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

export interface Skill {
  id: string;
  name: string;
}

/** A `pageNumber`/`nextUri` list page. */
export interface Page<T> {
  results: T[];
  pageSize?: number;
  pageNumber?: number;
  total?: number;
  nextUri?: string | null;
}

export type HealthStatus = 'Healthy' | 'Degraded' | 'Unhealthy';

export interface Health {
  status: HealthStatus;
  components: { name: string; status: HealthStatus }[];
}

/** One row of `POST /api/v2/analytics/queues/details/query`. Only the first four are always present. */
export interface QueueMetrics {
  queue: { id: string };
  occupancy: number;
  waitTime: number;
  abandonedCount: number;
  answeredCount: number;
  offeredCount?: number;
  handleTime?: number;
  agentsOnQueue?: number;
  waitingCount?: number;
}

export const WAIT_TIME_RANGES = ['0-30', '30-60', '60-120', '120-300', '300-600', '600+'] as const;
export type WaitTimeRange = (typeof WAIT_TIME_RANGES)[number];

/** One row of `POST /api/v2/analytics/queues/data/query` grouped by waitTimeRange and queue. */
export interface DistributionRow {
  queue: { id: string };
  waitTimeRange: WaitTimeRange;
  abandonedCount: number;
  answeredCount: number;
  waitTime: number;
}

export interface AuditChange {
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface AuditEntry {
  id: string;
  timestamp: string;
  action: string;
  resourceType: string;
  resourceId: string;
  user: Actor;
  changes: AuditChange[];
}

/** Every scope the client asks for (the seed's list). */
export const ALL_SCOPES = [
  'routing:queues:write',
  'routing:queues:read',
  'analytics:queues:read',
  'analytics:conversations:read',
  'audit:read',
  'health:read',
] as const;
export type Scope = (typeof ALL_SCOPES)[number];

/**
 * What the engine reads about a tenant besides queues: skills, health, real-time and historical
 * queue metrics, and the platform audit log. Providers map their wire shapes onto these.
 */
import type { Actor } from './queue.js';

export interface Skill {
  id: string;
  name: string;
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
  /** Not among the metrics asked for; present in the contract's example, so used when given. */
  answeredCount?: number;
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

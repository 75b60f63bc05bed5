/**
 * The shapes of the v2 answers (docs/api.md), checked before any answer is used: a body of
 * the wrong shape is a `ResponseShapeError` naming the endpoint and the first mismatches, never an
 * empty list, a default or `undefined`. Fields the contract does not list are allowed everywhere
 * (a server may add them, and a PUT must carry them back), so no schema closes an object.
 * Compiled once, when the client is loaded (only API commands load it; startup does not); checked
 * by the transport's generic `checkShape` (src/transport/shapes.ts).
 */
import { createRequire } from 'node:module';
import type { Shape } from '../../transport/shapes.js';
import { WAIT_TIME_RANGES, type AuditEntry, type DistributionRow, type Health, type QueueMetrics, type Skill } from '../../model/tenant.js';
import type { Queue } from '../../model/queue.js';
import type { CursorPage } from './paginate.js';

// ajv is CommonJS; required like src/definitions/schema.ts does.
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as typeof import('ajv');

type Schema = Record<string, unknown>;

const str: Schema = { type: 'string' };
const id: Schema = { type: 'string', minLength: 1 };
const num: Schema = { type: 'number' };
const int: Schema = { type: 'integer' };
const obj = (required: string[], properties: Record<string, Schema>): Schema => ({ type: 'object', required, properties });
const arrayOf = (items: Schema): Schema => ({ type: 'array', items });
const ref = obj(['id'], { id });
const healthStatus: Schema = { enum: ['Healthy', 'Degraded', 'Unhealthy'] };

/** A queue: what cxq reads and writes back. Only id, name and version are required by every use. */
const queue = obj(['id', 'name', 'version'], {
  id,
  name: str,
  version: { type: 'integer', minimum: 0 },
  description: str,
  routingStrategy: str,
  waitMusic: obj([], { playMusic: { type: 'boolean' }, url: str }),
  maxWaitTime: int,
  skills: arrayOf(obj(['id', 'level'], { id, level: str })),
  skillRoutingType: str,
  enableOverflow: { type: 'boolean' },
  overflowThreshold: int,
  overflowTargets: arrayOf(obj(['id', 'threshold'], { id, threshold: int })),
  dateModified: str,
  modifiedBy: ref,
  selfUri: str,
});

const page = (item: Schema): Schema =>
  obj(['results'], {
    results: arrayOf(item),
    nextUri: { type: ['string', 'null'] },
    pageSize: int,
    pageNumber: int,
    total: int,
  });

const skill = obj(['id', 'name'], { id, name: str });
const health = obj(['status', 'components'], {
  status: healthStatus,
  components: arrayOf(obj(['name', 'status'], { name: str, status: healthStatus })),
});
const metrics = obj(['queue', 'occupancy', 'waitTime', 'abandonedCount', 'answeredCount'], {
  queue: ref,
  occupancy: num,
  waitTime: num,
  abandonedCount: num,
  answeredCount: num,
  offeredCount: num,
  handleTime: num,
  agentsOnQueue: num,
  waitingCount: num,
});
const distribution = obj(['queue', 'waitTimeRange', 'abandonedCount', 'waitTime'], {
  queue: ref,
  waitTimeRange: { enum: [...WAIT_TIME_RANGES] },
  abandonedCount: num,
  answeredCount: num,
  waitTime: num,
});
const audit = obj(['id', 'timestamp', 'action', 'resourceType', 'resourceId', 'user', 'changes'], {
  id,
  timestamp: str,
  action: str,
  resourceType: str,
  resourceId: id,
  user: ref,
  changes: arrayOf(obj(['field'], { field: str })),
});

const ajv = new Ajv({ allErrors: true, strict: true });

function shape<T>(name: string, schema: Schema): Shape<T> {
  return { name, validate: ajv.compile<T>(schema) };
}

export const QUEUE: Shape<Queue> = shape('a queue', queue);
export const QUEUE_PAGE: Shape<CursorPage<Queue>> = shape('a page of queues', page(queue));
export const SKILL_PAGE: Shape<CursorPage<Skill>> = shape('a page of skills', page(skill));
export const HEALTH: Shape<Health> = shape('a health status', health);
export const DETAILS: Shape<{ metrics: QueueMetrics[] }> = shape('queue metrics', obj(['metrics'], { metrics: arrayOf(metrics) }));
export const DISTRIBUTION_PAGE: Shape<CursorPage<DistributionRow>> = shape('a page of distribution rows', page(distribution));
export const AUDIT_PAGE: Shape<CursorPage<AuditEntry>> = shape('a page of audit entries', page(audit));

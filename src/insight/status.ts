/**
 * `cxq status` as a value, pure: health plus one prediction per managed queue.
 */
import type { Health, QueueMetrics } from '../model/tenant.js';
import { predict, type Prediction, type PredictOptions } from './predict.js';

/** One queue of the status report; key order is the JSON contract's. */
export interface QueueStatus extends Prediction {
  id: string;
  name: string;
  /** The metrics row the API returned, without its `queue` key; `{}` when none came back. */
  metrics: Partial<Omit<QueueMetrics, 'queue'>>;
}

export interface StatusReport {
  health: Health;
  queues: QueueStatus[];
}

/**
 * Pairs each managed queue with its metrics row (by queue id; the first row wins when the server
 * sent duplicates) and predicts. Queues come out sorted by name then id. Never throws.
 */
export function buildStatus(
  health: Health,
  queues: readonly { id: string; name: string }[],
  rows: readonly QueueMetrics[],
  options: PredictOptions,
): StatusReport {
  const byId = new Map<string, QueueMetrics>();
  for (const row of rows) if (row?.queue?.id !== undefined && !byId.has(row.queue.id)) byId.set(row.queue.id, row);
  const sorted = [...queues].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id.localeCompare(b.id, 'en'));
  return {
    health: { status: health.status, components: health.components ?? [] },
    queues: sorted.map((q) => {
      const row = byId.get(q.id);
      const p = predict(row, options);
      const { queue: _queue, ...metrics } = row ?? { queue: { id: q.id } };
      return {
        id: q.id,
        name: q.name,
        metrics,
        predictedServiceLevel: p.predictedServiceLevel,
        predictedAsa: p.predictedAsa,
        breachPredicted: p.breachPredicted,
        confidence: p.confidence,
        method: p.method,
      };
    }),
  };
}

/** Whether any queue is predicted to breach (drives `--fail-on-breach`). */
export function anyBreach(report: StatusReport): boolean {
  return report.queues.some((q) => q.breachPredicted);
}

import type { Health } from '../model/tenant.js';

/** octoDNS's default: refuse to update more than this share of the managed queues in one run. */
export const MAX_CHANGE_PERCENT = 30;
/** Below this many managed queues the threshold never refuses (a tiny tenant changes in big steps). */
export const MIN_MANAGED_FOR_THRESHOLD = 10;

export type SafetyResult = { ok: true } | { ok: false; message: string };

/**
 * The change threshold: refuses when `update / managed` is strictly above `maxChangePercent`
 * (default {@link MAX_CHANGE_PERCENT}) and at least {@link MIN_MANAGED_FOR_THRESHOLD} queues are
 * managed, unless `force`. Exactly the limit passes. `noun` names what is managed (default `queues`). Pure: the caller turns a refusal into a
 * `SafetyError` before anything is written.
 */
export function checkChangeThreshold(
  counts: { managed: number; update: number },
  options: { maxChangePercent?: number; force?: boolean; noun?: string } = {},
): SafetyResult {
  const limit = options.maxChangePercent ?? MAX_CHANGE_PERCENT;
  const { managed, update } = counts;
  if (options.force || managed < MIN_MANAGED_FOR_THRESHOLD || update === 0) return { ok: true };
  if (!exceeds(update, managed, limit)) return { ok: true };
  return {
    ok: false,
    message:
      `refusing to update ${update} of ${managed} managed ${options.noun ?? 'queues'} (${shownPercent(update, managed, limit)}% > ${limit}%); ` +
      'review the plan and re-run with --force, or raise --max-change-percent',
  };
}

/**
 * `update / managed > limit / 100`, exactly: the limit is taken as the decimal the user typed
 * (its shortest decimal form) and compared in integers, so binary rounding never refuses a run
 * that sits exactly on the limit (69 of 3000 at 2.3%, where 2.3 * 3000 is 6899.999…).
 */
function exceeds(update: number, managed: number, limit: number): boolean {
  const { num, den } = decimalFraction(limit);
  return BigInt(update) * 100n * den > num * BigInt(managed);
}

function decimalFraction(x: number): { num: bigint; den: bigint } {
  const [mantissa = '0', exponent = '0'] = x.toString().split('e');
  const [int = '0', frac = ''] = mantissa.split('.');
  let num = BigInt(int + frac);
  let scale = frac.length - Number(exponent);
  if (scale < 0) {
    num *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { num, den: 10n ** BigInt(scale) };
}

/** One decimal, or more when one would round the excess away ("30% > 30%" reads like a bug). */
function shownPercent(update: number, managed: number, limit: number): number {
  const exact = (update * 100) / managed;
  for (let digits = 1; digits < 6; digits++) {
    const rounded = Math.round(exact * 10 ** digits) / 10 ** digits;
    if (rounded > limit) return rounded;
  }
  return exact;
}

export type HealthVerdict =
  | { ok: true; warning?: string }
  | { ok: false; message: string };

/**
 * The platform health gate, checked before anything else: `Unhealthy` refuses unless `force`
 * (then it only warns); `Degraded` warns; `Healthy` passes. The warning and message name the
 * components that are not healthy. Pure.
 */
export function checkHealth(health: Health, force = false): HealthVerdict {
  const sick = (health.components ?? [])
    .filter((c) => c.status !== 'Healthy')
    .map((c) => `${c.name} ${c.status}`);
  const detail = sick.length > 0 ? ` (${sick.join(', ')})` : '';
  if (health.status === 'Unhealthy') {
    const text = `the CXone platform reports Unhealthy${detail}`;
    if (force) return { ok: true, warning: `${text}; applying anyway because of --force` };
    return { ok: false, message: `refusing to apply: ${text}; wait for it to recover or re-run with --force` };
  }
  if (health.status === 'Degraded') {
    return { ok: true, warning: `the CXone platform reports Degraded${detail}; writes may be slow or fail` };
  }
  return { ok: true };
}

/**
 * Parsing of the insight commands' flags, pure. Bad values throw `UsageError` naming the flag,
 * before any request is sent. Light on purpose: the command definitions import it at startup.
 */
import { UsageError } from '../errors.js';

/** Longest accepted `--sla`, seconds (a day: anything longer is not a service level). */
export const MAX_SLA_SECONDS = 86_400;

/** `--sla SECONDS`: a number > 0 and ≤ 86,400. */
export function parseSla(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || n > MAX_SLA_SECONDS) {
    throw new UsageError(`--sla ${JSON.stringify(value)} must be a number of seconds > 0 and <= ${MAX_SLA_SECONDS}`, {
      hint: 'For example --sla 20 (answered within 20 seconds).',
    });
  }
  return n;
}

/** `--target PERCENT` → a share: a number > 0 and ≤ 100 (a trailing `%` is accepted). */
export function parseTarget(value: string): number {
  const raw = value.trim().replace(/%$/, '');
  const n = Number(raw);
  if (raw === '' || !Number.isFinite(n) || n <= 0 || n > 100) {
    throw new UsageError(`--target ${JSON.stringify(value)} must be a percentage > 0 and <= 100`, {
      hint: 'For example --target 80 (80% answered within --sla).',
    });
  }
  return n / 100;
}

/** Commander collector for repeatable flags (`--id A --id B`): the values in the order given. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

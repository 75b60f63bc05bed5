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

/**
 * Largest `--target` refused as a fraction: the one unit is percent, so `0.9` is refused rather
 * than read as 0.9 % (a target no service level is ever below, which would hide every breach).
 */
export const MAX_FRACTION_LIKE_TARGET = 1;

/**
 * `--target PERCENT` → a share. One unit, percent: `80` or `80%`, a number > 1 and ≤ 100. A value
 * that looks like a fraction (> 0 and ≤ 1, with or without `%`) is refused with the percentage it
 * probably meant (`0.9` → "did you mean 90%?"). Throws UsageError naming the flag.
 */
export function parseTarget(value: string): number {
  const raw = value.trim().replace(/%$/, '');
  const n = Number(raw);
  if (raw !== '' && Number.isFinite(n) && n > 0 && n <= MAX_FRACTION_LIKE_TARGET) {
    const meant = Number((n * 100).toFixed(6));
    throw new UsageError(`--target ${JSON.stringify(value)} is a percentage, not a fraction: did you mean ${meant}%?`, {
      hint: `Write --target ${meant} (or ${meant}%): ${meant}% answered within --sla.`,
    });
  }
  if (raw === '' || !Number.isFinite(n) || n <= 0 || n > 100) {
    throw new UsageError(`--target ${JSON.stringify(value)} must be a percentage > ${MAX_FRACTION_LIKE_TARGET} and <= 100`, {
      hint: 'For example --target 80 (80% answered within --sla).',
    });
  }
  return n / 100;
}

/** Commander collector for repeatable flags (`--id A --id B`): the values in the order given. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

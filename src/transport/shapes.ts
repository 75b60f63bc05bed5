/**
 * The generic check of an answer against a compiled shape, for every dialect: a body of the wrong
 * shape is a `ResponseShapeError` naming the endpoint and the first mismatches. The shapes
 * themselves are each dialect's (its shapes.ts). Pure.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ResponseShapeError } from '../errors.js';

/** Mismatches named in one error; the rest are usually the same mistake repeated. */
export const MAX_SHAPE_PROBLEMS = 3;

/** One compiled shape; `name` says what the answer should have been, for the message. */
export interface Shape<T> {
  readonly name: string;
  readonly validate: ValidateFunction<T>;
}

/**
 * Returns `body` typed as `shape` says, or throws `ResponseShapeError` for `method path` naming the
 * first {@link MAX_SHAPE_PROBLEMS} mismatches as JSON pointers (`/results/3/version must be
 * integer`). `scrub` is applied to them: the pointers are made of the server's own keys.
 */
export function checkShape<T>(shape: Shape<T>, body: unknown, method: string, path: string, scrub: (text: string) => string): T {
  if (shape.validate(body)) return body;
  throw new ResponseShapeError(method, path, shapeProblems(shape, shape.validate.errors ?? []).map(scrub));
}

function shapeProblems(shape: Shape<unknown>, errors: readonly ErrorObject[]): string[] {
  const shown = errors.slice(0, MAX_SHAPE_PROBLEMS).map((e) => `${e.instancePath === '' ? '/' : e.instancePath} ${describe(e)}`);
  const more = errors.length - shown.length;
  return [`expected ${shape.name}`, ...shown, ...(more > 0 ? [`${more} more mismatch(es)`] : [])];
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'enum') return `must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
  return e.message ?? e.keyword;
}

/**
 * Small HTTP helpers of the sandbox: the contract's error body, reply shape and body reading.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FieldError } from '../errors.js';

/**
 * What a route handler answers. `lose` destroys the connection after the handler ran (lost answer).
 * `text` is sent as is (with `headers['content-type']`) instead of `body` as JSON.
 */
export interface Reply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
  lose?: boolean;
}

const CODES: Record<number, string> = {
  400: 'bad.request',
  401: 'unauthorized',
  403: 'missing.scope',
  404: 'not.found',
  405: 'method.not.allowed',
  409: 'conflict',
  412: 'precondition.required',
  413: 'bad.request',
  429: 'too.many.requests',
  500: 'server.error',
  502: 'server.error',
  503: 'server.error',
  504: 'server.error',
};

/** The contract's error body. `errors` is included on 400 only (always, with at least one entry). */
export function errorReply(
  status: number,
  message: string,
  errors?: readonly FieldError[],
  code = CODES[status] ?? 'server.error',
): Reply {
  const body: Record<string, unknown> = { status, code, message };
  if (status === 400) body['errors'] = errors && errors.length > 0 ? errors : [{ field: 'request', message }];
  return { status, body };
}

/** A 400 naming every failing field. */
export function badRequest(errors: readonly FieldError[], message?: string): Reply {
  const fields = errors.map((e) => e.field).join(', ');
  return errorReply(400, message ?? `validation failed: ${fields}`, errors);
}

/** Writes a reply as JSON. */
export function sendReply(res: ServerResponse, reply: Reply): void {
  const payload = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  res.writeHead(reply.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    ...reply.headers,
  });
  res.end(payload);
}

/** Thrown by `readBody` when the body exceeds `limit` bytes. */
export class BodyTooLarge extends Error {}

/** Reads the whole request body as UTF-8; rejects with `BodyTooLarge` past `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 5 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLarge(`request body over ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON body, or a 400 reply when it is not a JSON object. Empty body → `undefined`. */
export function parseJsonObject(text: string): { value?: Record<string, unknown>; error?: Reply } {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return { error: badRequest([{ field: 'body', message: 'must be a JSON object' }]) };
    }
    return { value: value as Record<string, unknown> };
  } catch {
    return { error: badRequest([{ field: 'body', message: 'is not valid JSON' }]) };
  }
}

/** An integer query parameter within [min, max], its default when absent, or a field error. */
export function intParam(
  params: URLSearchParams,
  name: string,
  range: { min: number; max: number; fallback: number },
): number | FieldError {
  const raw = params.get(name);
  if (raw === null || raw === '') return range.fallback;
  const n = Number(raw);
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n < range.min || n > range.max) {
    const upper = range.max === Number.MAX_SAFE_INTEGER ? 'or more' : `to ${range.max}`;
    return { field: name, message: `must be an integer from ${range.min} ${upper}` };
  }
  return n;
}

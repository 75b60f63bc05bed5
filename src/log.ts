import { pino, type Logger, type DestinationStream, type Level } from 'pino';

export type { Logger } from 'pino';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Every key that may ever hold a secret, at any depth pino can address. Redaction is the second
 * line of defence: the first is that the client never passes a token or secret to a log call.
 */
export const REDACT_PATHS = [
  'authorization',
  'Authorization',
  'token',
  'access_token',
  'client_secret',
  'clientSecret',
  'secret',
  'password',
  'id_token',
  'accessKeySecret',
  '*.authorization',
  '*.Authorization',
  '*.token',
  '*.access_token',
  '*.client_secret',
  '*.clientSecret',
  '*.secret',
  '*.password',
  '*.id_token',
  '*.accessKeySecret',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
  'body',
  '*.body',
];

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * A destination that renders pino's JSON lines for a person at a terminal:
 * `info  plan computed managed=8 update=2`. It formats what pino already redacted, so it can never
 * show more than the JSON would. A line that is not JSON passes through unchanged.
 */
export function humanDestination(out: { write(s: string): unknown }): DestinationStream {
  return {
    write(line: string): void {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      const { level, time: _time, msg, ...fields } = record;
      const name = LEVEL_NAMES[level as number] ?? String(level);
      const pairs = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
      out.write(`${name.padEnd(5)} ${String(msg ?? '')}${pairs.length ? ` ${pairs.join(' ')}` : ''}\n`);
    },
  };
}

/**
 * A pino logger writing JSON lines to `destination` (stderr by default) with secrets redacted.
 * Request and response bodies are redacted too: logs carry decisions and counts, never payloads.
 */
export function createLogger(level: LogLevel = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level: level as Level | 'silent',
      base: undefined,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination ?? pino.destination({ fd: 2, sync: true }),
  );
}

/** A logger that discards everything (tests, library use). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

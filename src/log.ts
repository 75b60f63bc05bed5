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
  '*.authorization',
  '*.Authorization',
  '*.token',
  '*.access_token',
  '*.client_secret',
  '*.clientSecret',
  '*.secret',
  '*.password',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  'req.headers.authorization',
  'body',
  '*.body',
];

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

import { pino } from 'pino';
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
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
export function createLogger(level = 'info', destination) {
    return pino({
        level: level,
        base: undefined,
        redact: { paths: REDACT_PATHS, censor: '[redacted]' },
        timestamp: pino.stdTimeFunctions.isoTime,
    }, destination ?? pino.destination({ fd: 2, sync: true }));
}
/** A logger that discards everything (tests, library use). */
export function silentLogger() {
    return pino({ level: 'silent' });
}
//# sourceMappingURL=log.js.map
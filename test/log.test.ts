import { describe, expect, it } from 'vitest';
import { createLogger, humanDestination } from '../src/log.js';

function capture(): { out: { write(s: string): void }; text: () => string } {
  let text = '';
  return { out: { write: (s: string) => void (text += s) }, text: () => text };
}

describe('createLogger', () => {
  it('redacts secrets and tokens at every depth, debug included', () => {
    const c = capture();
    const log = createLogger('trace', c.out);
    log.debug({ client_secret: 's3cr3t', auth: { access_token: 'tok-123' }, headers: { authorization: 'Bearer tok-123' } }, 'x');
    expect(c.text()).not.toContain('s3cr3t');
    expect(c.text()).not.toContain('tok-123');
    expect(c.text()).toContain('[redacted]');
  });

  it('drops records below the level', () => {
    const c = capture();
    createLogger('warn', c.out).info('quiet');
    expect(c.text()).toBe('');
  });
});

describe('humanDestination', () => {
  it('renders a JSON record as level, message and key=value pairs, without the time', () => {
    const c = capture();
    const log = createLogger('info', humanDestination(c.out));
    log.info({ managed: 8, update: 2, path: '/api/v2/health' }, 'plan computed');
    expect(c.text()).toBe('info  plan computed managed=8 update=2 path=/api/v2/health\n');
  });

  it('keeps redaction: it formats what pino already censored', () => {
    const c = capture();
    createLogger('debug', humanDestination(c.out)).debug({ token: 'tok-123' }, 'token');
    expect(c.text()).toBe('debug token token=[redacted]\n');
  });

  it('passes a line that is not JSON through unchanged', () => {
    const c = capture();
    humanDestination(c.out).write('plain\n');
    expect(c.text()).toBe('plain\n');
  });
});

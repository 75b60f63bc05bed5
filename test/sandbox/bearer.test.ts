import { describe, expect, it } from 'vitest';
import { BearerTokens } from '../../src/sandbox/bearer.js';

describe('BearerTokens', () => {
  it('grants an issued token until its expiry on the clock, then forgets it', () => {
    let now = 1_000;
    const tokens = new BearerTokens<{ clientId: string; expiresAt: number }>('t_', () => new Date(now));
    const token = tokens.issue({ clientId: 'a', expiresAt: 2_000 });
    expect(token).toMatch(/^t_[A-Za-z0-9_-]{32}$/);
    expect(tokens.authenticate(`Bearer ${token}`)?.clientId).toBe('a');
    expect(tokens.authenticate(`bearer ${token} `)?.clientId).toBe('a');
    now = 2_000;
    expect(tokens.authenticate(`Bearer ${token}`)).toBeUndefined();
    now = 1_500;
    expect(tokens.authenticate(`Bearer ${token}`)).toBeUndefined();
  });

  it('refuses a missing, malformed or unknown header, and every token after expireAll', () => {
    const tokens = new BearerTokens<{ clientId: string; expiresAt: number }>('t_', () => new Date(0));
    const token = tokens.issue({ clientId: 'a', expiresAt: 10 });
    for (const header of [undefined, '', token, `Basic ${token}`, `Bearer ${token} extra`, 'Bearer t_unknown']) {
      expect(tokens.authenticate(header), String(header)).toBeUndefined();
    }
    tokens.expireAll();
    expect(tokens.authenticate(`Bearer ${token}`)).toBeUndefined();
  });
});

/**
 * Client-credentials tokens: cached, refreshed before expiry, one refresh in flight at a time.
 * The token value never leaves this module except as the `Authorization` header of a request.
 */
import { CxqError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { ALL_SCOPES } from './types.js';

export const TOKEN_PATH = '/api/v2/oauth/token';

/** What the token endpoint answers (200). */
export interface TokenResponse {
  access_token: string;
  token_type?: string;
  expires_in: number;
  scope?: string;
}

/** Posts the token request and returns the parsed 200 body (throws on anything else). */
export type TokenFetcher = () => Promise<TokenResponse>;

/**
 * The fields of the form-encoded token request (got encodes them), scopes space-separated as the
 * contract shows.
 */
export function tokenForm(clientId: string, clientSecret: string): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: clientSecret,
    scope: ALL_SCOPES.join(' '),
  };
}

/**
 * How long before expiry a token is refreshed: a minute, or a tenth of its lifetime for short-lived
 * tokens (a 30 s token is refreshed after 27 s, not treated as always expired).
 */
export function refreshSkewMs(expiresInS: number): number {
  return Math.min(60_000, (expiresInS * 1000) / 10);
}

/**
 * Caches the client-credentials token and refreshes it {@link refreshSkewMs} before expiry.
 * Concurrent callers share one in-flight request (single flight); `renew` after a 401 fetches a
 * new token once even when many requests saw the same 401. Never logs the token.
 */
export class TokenProvider {
  private current: { token: string; refreshAt: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly fetchToken: TokenFetcher,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A valid token: the cached one, or a fresh one when none is cached or it is within the refresh
   * skew of expiring. Concurrent callers share a single request. Errors of the token endpoint
   * (CredentialsError, NetworkError) reach every waiting caller; the next call tries again.
   */
  token(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt) return Promise.resolve(this.current.token);
    return this.refresh();
  }

  /**
   * Forgets `rejected` after a 401 and returns a fresh token. If another caller already replaced it,
   * that newer token is returned without a second request (ten 401s at once cause one refresh).
   */
  renew(rejected: string): Promise<string> {
    if (this.current?.token === rejected) this.current = undefined;
    return this.token();
  }

  /** The tokens to scrub from any text that leaves the client. */
  secrets(): string[] {
    return this.current ? [this.current.token] : [];
  }

  private refresh(): Promise<string> {
    if (!this.inFlight) {
      this.inFlight = this.fetchAndStore().finally(() => {
        this.inFlight = undefined;
      });
    }
    return this.inFlight;
  }

  private async fetchAndStore(): Promise<string> {
    const requestedAt = this.now();
    const body = await this.fetchToken();
    if (typeof body?.access_token !== 'string' || body.access_token === '') {
      throw new CxqError('the token endpoint answered 200 without an access_token', {
        hint: 'Check that the base URL points at the CXone API (CXONE_BASE_URL / CXONE_REGION / --base-url).',
      });
    }
    const expiresIn = Number.isFinite(body.expires_in) && body.expires_in > 0 ? body.expires_in : 60;
    this.current = { token: body.access_token, refreshAt: requestedAt + expiresIn * 1000 - refreshSkewMs(expiresIn) };
    const granted = (body.scope ?? '').split(' ').filter((s) => s !== '');
    const missing = granted.length > 0 ? ALL_SCOPES.filter((s) => !granted.includes(s)) : [];
    this.logger.debug({ expiresIn, grantedScopes: granted.length, missingScopes: missing }, 'token obtained');
    if (missing.length > 0) this.logger.info({ missingScopes: missing }, 'token lacks scopes; some commands will get 403');
    return body.access_token;
  }
}

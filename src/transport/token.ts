/**
 * A dialect-neutral bearer-token cache: refreshed before expiry, one fetch in flight at a time,
 * one renewal however many calls met the same 401. The dialect supplies the fetch and the skew.
 */
import { CxqError } from '../errors.js';

/** What a token endpoint answers (200); each dialect adds its own fields. */
export interface BearerTokenResponse {
  access_token: string;
  token_type?: string;
  expires_in: number;
}

export interface TokenCacheOptions<R extends BearerTokenResponse> {
  /** How long before expiry a token of `expiresInS` seconds is refreshed. */
  skewMs: (expiresInS: number) => number;
  /** Told of every token obtained (after its shape was checked), e.g. to log granted scopes. */
  onToken?: (body: R, expiresInS: number) => void;
  /** The hint of the error raised for a 200 without an access_token. */
  missingTokenHint: string;
}

/** Lifetime assumed when the endpoint gives none (or nonsense): short, so a wrong guess costs little. */
export const FALLBACK_EXPIRES_IN_S = 60;

/**
 * Caches a token and refreshes it `skewMs(expires_in)` before expiry. Concurrent callers share one
 * in-flight fetch; errors of the fetch reach every waiting caller and the next call tries again.
 * Never logs the token.
 */
export class TokenCache<R extends BearerTokenResponse = BearerTokenResponse> {
  private current: { token: string; refreshAt: number } | undefined;
  private inFlight: Promise<string> | undefined;

  constructor(
    private readonly fetchToken: () => Promise<R>,
    private readonly options: TokenCacheOptions<R>,
    private readonly now: () => number = Date.now,
  ) {}

  /** A valid token: the cached one, or one fresh fetch shared by every concurrent caller. */
  token(): Promise<string> {
    if (this.current && this.now() < this.current.refreshAt) return Promise.resolve(this.current.token);
    return this.refresh();
  }

  /**
   * Forgets `rejected` after a 401 and returns a fresh token. If another caller already replaced it,
   * that newer token is returned without a second request (ten 401s at once cause one fetch).
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
      throw new CxqError('the token endpoint answered 200 without an access_token', { hint: this.options.missingTokenHint });
    }
    const expiresIn = Number.isFinite(body.expires_in) && body.expires_in > 0 ? body.expires_in : FALLBACK_EXPIRES_IN_S;
    // Measured from when the request was sent: the token's life started no later than that.
    this.current = { token: body.access_token, refreshAt: requestedAt + expiresIn * 1000 - this.options.skewMs(expiresIn) };
    this.options.onToken?.(body, expiresIn);
    return body.access_token;
  }
}


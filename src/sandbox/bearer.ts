/**
 * The sandbox's issued bearer tokens, for both dialects: random opaque tokens mapped to what they
 * grant, each with its expiry on the sandbox's clock. An expired token is forgotten on first use.
 */
import { randomBytes } from 'node:crypto';

/** What every grant carries: whose token it is and when it stops working (ms on the clock). */
export interface BearerGrant {
  clientId: string;
  expiresAt: number;
}

export class BearerTokens<G extends BearerGrant> {
  readonly #tokens = new Map<string, G>();

  constructor(
    private readonly prefix: string,
    private readonly now: () => Date,
  ) {}

  /** A new random token (`{prefix}…`) that grants `grant` until `grant.expiresAt`. */
  issue(grant: G): string {
    const token = `${this.prefix}${randomBytes(24).toString('base64url')}`;
    this.#tokens.set(token, grant);
    return token;
  }

  /** The grant behind an `Authorization: Bearer …` header, or undefined (missing, malformed, unknown, expired). */
  authenticate(header: string | undefined): G | undefined {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!m) return undefined;
    const token = m[1]!;
    const grant = this.#tokens.get(token);
    if (!grant) return undefined;
    if (this.now().getTime() >= grant.expiresAt) {
      this.#tokens.delete(token);
      return undefined;
    }
    return grant;
  }

  /** Invalidates every issued token (later requests with them get 401). */
  expireAll(): void {
    this.#tokens.clear();
  }
}

/**
 * Client-credentials tokens: cached, refreshed before expiry, one refresh in flight at a time.
 * The token value never leaves this module except as the `Authorization` header of a request.
 */
import type { AnonymousSend, TokenSource } from '../../transport/http.js';
import { TokenCache } from '../../transport/token.js';
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
 * Caches the client-credentials token and refreshes it {@link refreshSkewMs} before expiry, on the
 * shared single-flight {@link TokenCache}; logs the granted scopes and warns of missing ones.
 * Never logs the token.
 */
export class TokenProvider extends TokenCache<TokenResponse> {
  constructor(fetchToken: TokenFetcher, logger: Logger, now: () => number = Date.now) {
    super(
      fetchToken,
      {
        skewMs: refreshSkewMs,
        missingTokenHint: 'Check that the base URL points at the CXone API (CXONE_BASE_URL / CXONE_REGION / --base-url).',
        onToken: (body, expiresIn) => {
          const granted = (body.scope ?? '').split(' ').filter((s) => s !== '');
          const missing = granted.length > 0 ? ALL_SCOPES.filter((s) => !granted.includes(s)) : [];
          logger.debug({ expiresIn, grantedScopes: granted.length, missingScopes: missing }, 'token obtained');
          if (missing.length > 0) logger.info({ missingScopes: missing }, 'token lacks scopes; some commands will get 403');
        },
      },
      now,
    );
  }
}

/**
 * The v2 token flow for the transport (`TransportOptions.tokens`): a form POST of the client
 * credentials to {@link TOKEN_PATH} through `send` (which bypasses the limiter: callers holding
 * every slot may be waiting for the token), cached by {@link TokenProvider}. Its secrets are the
 * client secret and the tokens.
 */
export function clientCredentials(credentials: { clientId: string; clientSecret: string }, send: AnonymousSend, logger: Logger): TokenSource {
  const provider = new TokenProvider(
    () => send<TokenResponse>({ method: 'POST', path: TOKEN_PATH, form: tokenForm(credentials.clientId, credentials.clientSecret) }),
    logger,
  );
  return {
    token: () => provider.token(),
    renew: (rejected) => provider.renew(rejected),
    secrets: () => [credentials.clientSecret, ...provider.secrets()],
  };
}

/**
 * Admin-dialect authentication: an access-key token, the tenant's API host discovered from the
 * id_token's tenantId (unless given), refreshed before expiry on the shared single-flight cache.
 * The key secret, the access token and the id_token never leave this module except as the
 * `Authorization` header and the scrubber's list.
 */
import { ApiError, CredentialsError, CxqError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { AnonymousSend, TokenSource } from '../../transport/http.js';
import { TokenCache, type BearerTokenResponse } from '../../transport/token.js';
import { checkServiceUrl, isLoopback } from '../../transport/url.js';
import type { AdminConfig } from './config.js';
import { checkShape } from './shapes.js';

export const ACCESS_KEY_TOKEN_PATH = '/authentication/v1/token/access-key';
export const DISCOVERY_PATH = '/.well-known/cxone-configuration';
/** Clients of the real API refresh about 5 minutes early. */
export const ADMIN_REFRESH_SKEW_MS = 5 * 60_000;

/** What the access-key endpoint answers (200). */
export interface AdminTokenResponse extends BearerTokenResponse {
  id_token?: string;
}

/** What discovery answers; only `api_endpoint` is used. */
export interface DiscoveryResponse {
  api_endpoint: string;
  auth_endpoint?: string;
  area?: string;
}

/** Refresh 5 minutes before expiry, or a tenth of the lifetime for short-lived tokens. */
export function adminRefreshSkewMs(expiresInS: number): number {
  return Math.min(ADMIN_REFRESH_SKEW_MS, (expiresInS * 1000) / 10);
}

const TENANT_ID = /^[A-Za-z0-9_-]{1,128}$/;
const KEY_HINT =
  'Check CXONE_ACCESS_KEY_ID and CXONE_ACCESS_KEY_SECRET (or CXONE_ACCESS_KEY_SECRET_FILE), that the key is active, and that CXONE_AREA / CXONE_AUTH_URL is your tenant\'s area.';

/**
 * The tenantId claim of an id_token. The payload is read (base64url JSON) without checking the
 * signature: the token came over TLS straight from the token endpoint we authenticated to, and the
 * claim only chooses which host discovery names, a host that must itself be https. Throws CxqError
 * (never quoting the token) when it is not a JWT or carries no usable tenantId.
 */
export function tenantIdOf(idToken: string): string {
  const payload = idToken.split('.')[1];
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
  } catch {
    claims = undefined;
  }
  const tenantId = typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>)['tenantId'] : undefined;
  if (typeof tenantId !== 'string' || !TENANT_ID.test(tenantId)) {
    throw new CxqError('the token endpoint\'s id_token carries no usable tenantId claim, so the API host cannot be discovered', {
      hint: 'Set CXONE_API_BASE_URL to your tenant\'s API host (e.g. https://api-na1.niceincontact.com) to skip discovery.',
    });
  }
  return tenantId;
}

/**
 * The admin token source for HttpTransport: POSTs `{accessKeyId, accessKeySecret}` as JSON to
 * `{authUrl}/authentication/v1/token/access-key`; on the first token, unless an API host is
 * configured, discovers it and hands `{api_endpoint}` to `onApiHost`. A 400/401/403 of the token
 * endpoint is a CredentialsError; discovery failures are CxqErrors; both reach every waiting caller
 * and the next call tries again.
 */
export class AdminAuth implements TokenSource {
  private readonly cache: TokenCache<AdminTokenResponse>;
  private idToken: string | undefined;
  private apiHost: string | undefined;

  constructor(
    private readonly config: AdminConfig,
    private readonly send: AnonymousSend,
    private readonly logger: Logger,
    private readonly onApiHost: (host: string) => void,
    now: () => number = Date.now,
  ) {
    this.apiHost = config.apiBaseUrl;
    this.cache = new TokenCache<AdminTokenResponse>(() => this.fetchToken(), {
      skewMs: adminRefreshSkewMs,
      missingTokenHint: 'Check that CXONE_AUTH_URL / CXONE_AREA points at the CXone authentication host.',
      onToken: (_body, expiresIn) => this.logger.debug({ expiresIn }, 'token obtained'),
    }, now);
  }

  token(): Promise<string> {
    return this.cache.token();
  }

  renew(rejected: string): Promise<string> {
    return this.cache.renew(rejected);
  }

  secrets(): string[] {
    return [this.config.accessKeySecret, ...this.cache.secrets(), ...(this.idToken === undefined ? [] : [this.idToken])];
  }

  private async fetchToken(): Promise<AdminTokenResponse> {
    const body = await this.send<unknown>({
      method: 'POST',
      origin: this.config.authUrl,
      path: ACCESS_KEY_TOKEN_PATH,
      json: { accessKeyId: this.config.accessKeyId, accessKeySecret: this.config.accessKeySecret },
    }).catch((err: unknown) => {
      throw credentialsOf(err);
    });
    const token = checkShape<AdminTokenResponse>('token', body, 'POST', ACCESS_KEY_TOKEN_PATH);
    if (token.id_token !== undefined) this.idToken = token.id_token;
    if (this.apiHost === undefined) await this.discover(token.id_token);
    return token;
  }

  /** Asks discovery for the tenant's API host once; validates it before any token is sent there. */
  private async discover(idToken: string | undefined): Promise<void> {
    if (idToken === undefined) {
      throw new CxqError('the token endpoint answered without an id_token, so the API host cannot be discovered', {
        hint: 'Set CXONE_API_BASE_URL to your tenant\'s API host to skip discovery.',
      });
    }
    const tenantId = tenantIdOf(idToken);
    const path = `${DISCOVERY_PATH}?tenantId=${encodeURIComponent(tenantId)}`;
    const body = await this.send<unknown>({ method: 'GET', origin: this.config.discoveryUrl, path });
    const found = checkShape<DiscoveryResponse>('discovery', body, 'GET', DISCOVERY_PATH);
    const host = discoveredHost(found.api_endpoint, this.config.discoveryUrl);
    this.apiHost = host;
    this.logger.info({ apiHost: new URL(host).host }, 'api host discovered');
    this.onApiHost(host);
  }
}

/**
 * A discovered `api_endpoint`, validated: https, or http only when discovery itself was asked on
 * loopback (the sandbox). A real discovery host naming a plain-http or loopback host is refused,
 * so the token is never sent anywhere but a TLS host.
 */
export function discoveredHost(endpoint: string, discoveryUrl: string): string {
  const host = checkServiceUrl(endpoint, 'the discovered api_endpoint');
  const url = new URL(host);
  const localDiscovery = isLoopback(new URL(discoveryUrl).hostname);
  if (!localDiscovery && (url.protocol !== 'https:' || isLoopback(url.hostname))) {
    throw new CxqError(`discovery named ${url.host} as the API host, which is not a public https host; refusing to send the token there`, {
      hint: 'Set CXONE_API_BASE_URL to your tenant\'s API host to skip discovery.',
    });
  }
  return host;
}

/** A refusal of the token endpoint becomes a CredentialsError with the admin variables in its hint. */
function credentialsOf(err: unknown): unknown {
  if (!(err instanceof ApiError) || ![400, 401, 403].includes(err.status)) return err;
  return new CredentialsError(err.status, err.code, err.serverMessage, 'POST', ACCESS_KEY_TOKEN_PATH, err.errors, { hint: KEY_HINT });
}

/**
 * OAuth client-credentials for the sandbox: the token endpoint and bearer-token checks.
 * Tokens are random opaque strings kept in memory; nothing here is ever logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Actor } from '../model/queue.js';
import { ALL_SCOPES } from '../providers/v2/types.js';
import { BearerTokens } from './bearer.js';
import { errorReply, type Reply } from './http.js';
import { CONSOLE_ADMIN } from './state.js';

/** What a valid token stands for. */
export interface Grant {
  clientId: string;
  scopes: ReadonlySet<string>;
  expiresAt: number;
  /** Who a write with this token is attributed to (audit `user`, `modifiedBy`). */
  actor: Required<Actor>;
}

/** One more OAuth client the sandbox accepts, acting as `actor`. */
export interface ExtraClient {
  id: string;
  secret: string;
  actor: Required<Actor>;
}

/**
 * The built-in `console` client (id `console`, secret `console`): it stands for a person editing in
 * the CXone console, so its writes are audited as that person, not as the client cxq uses, and
 * `cxq audit`/`cxq drift` show them as out-of-band. Documented in docs/sandbox.md.
 */
export const CONSOLE_CLIENT: ExtraClient = { id: 'console', secret: 'console', actor: CONSOLE_ADMIN };

/** Configuration of the OAuth clients the sandbox knows: the configured one plus `extraClients`. */
export interface AuthConfig {
  clientId: string;
  clientSecret: string;
  /** Further clients (default: none here; startSandbox adds CONSOLE_CLIENT). */
  extraClients?: readonly ExtraClient[];
  /** Scopes a token may carry; a request for others is granted only the intersection. */
  grantScopes: readonly string[];
  tokenTtlSeconds: number;
  now: () => Date;
}

const KNOWN_SCOPES = new Set<string>(ALL_SCOPES);

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
/** Constant-time string comparison (hashing first equalises lengths). */
const same = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

/**
 * Tokens the sandbox issued, with their scopes and expiry. Unknown, expired or revoked tokens are
 * 401; `expireAll` revokes every token (for refresh tests). Secrets are compared in constant time.
 */
export class TokenStore {
  readonly #tokens: BearerTokens<Grant>;

  constructor(private readonly config: AuthConfig) {
    this.#tokens = new BearerTokens<Grant>('sbx_', config.now);
  }

  /**
   * Answers `POST /api/v2/oauth/token` for the form-encoded `body`: 200 with a token, 401
   * `invalid_client` for a wrong id/secret, 400 `invalid_scope` for an unknown scope, 400
   * `invalid_request` / `unsupported_grant_type` for a malformed request. Client credentials may
   * also come as HTTP Basic (RFC 6749 §2.3.1).
   */
  tokenEndpoint(req: IncomingMessage, body: string): Reply {
    const type = String(req.headers['content-type'] ?? '');
    if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return errorReply(400, 'the token request must be application/x-www-form-urlencoded', undefined, 'invalid_request');
    }
    const form = new URLSearchParams(body);
    if (form.get('grant_type') !== 'client_credentials') {
      return errorReply(400, 'grant_type must be client_credentials', undefined, 'unsupported_grant_type');
    }
    const [id, secret] = this.#credentials(req, form);
    const actor = this.#actorFor(id, secret);
    if (actor === undefined) {
      return errorReply(401, 'unknown client id or wrong client secret', undefined, 'invalid_client');
    }
    const requested = (form.get('scope') ?? '').split(/[\s,]+/).filter((s) => s !== '');
    const unknown = requested.filter((s) => !KNOWN_SCOPES.has(s));
    if (unknown.length > 0) {
      return errorReply(400, `unknown scope(s): ${unknown.join(' ')}`, undefined, 'invalid_scope');
    }
    const wanted = requested.length > 0 ? requested : [...this.config.grantScopes];
    const granted = [...new Set(wanted.filter((s) => this.config.grantScopes.includes(s)))];
    const ttl = this.config.tokenTtlSeconds;
    const token = this.#tokens.issue({
      clientId: id,
      scopes: new Set(granted),
      expiresAt: this.config.now().getTime() + ttl * 1000,
      actor,
    });
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: ttl, scope: granted.join(' ') },
      headers: { 'cache-control': 'no-store' },
    };
  }

  /** The grant behind an `Authorization: Bearer` header, or undefined (missing/malformed/unknown/expired). */
  authenticate(header: string | undefined): Grant | undefined {
    return this.#tokens.authenticate(header);
  }

  /** Invalidates every issued token (later requests with them get 401). */
  expireAll(): void {
    this.#tokens.expireAll();
  }

  /** The actor of the client these credentials belong to, or undefined. The configured client wins a shared id. */
  #actorFor(id: string, secret: string): Required<Actor> | undefined {
    if (same(id, this.config.clientId)) {
      return same(secret, this.config.clientSecret) ? { id, name: `API client ${id}` } : undefined;
    }
    const extra = (this.config.extraClients ?? []).find((c) => same(id, c.id));
    return extra !== undefined && same(secret, extra.secret) ? { ...extra.actor } : undefined;
  }

  #credentials(req: IncomingMessage, form: URLSearchParams): [string, string] {
    const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (basic) {
      const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon >= 0) {
        return [decodeURIComponent(decoded.slice(0, colon)), decodeURIComponent(decoded.slice(colon + 1))];
      }
    }
    return [form.get('client_id') ?? '', form.get('client_secret') ?? ''];
  }
}

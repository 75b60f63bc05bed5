/**
 * Removing secrets from text that leaves a client (server messages in errors). Every dialect's
 * transport uses it, so a server echoing a key, a token or an id_token back is never shown.
 */

/** Secrets shorter than this are not scrubbed: replacing "a" everywhere would mangle every message. */
export const MIN_SCRUBBED_LENGTH = 4;
export const REDACTED = '[redacted]';

/**
 * The forms a secret may take in server text: literal, URL-encoded (a query or form echoed back)
 * and JSON-escaped (a body echoed inside a string). Pure.
 */
export function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]);
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2)); // form encoding: space as "+"
  return [...forms];
}

/**
 * A function replacing every form of every secret in `secrets` (of at least 4 characters) with
 * `[redacted]`. Longer forms are replaced first, so a secret inside another is not half-scrubbed.
 */
export function scrubSecrets(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SCRUBBED_LENGTH).flatMap(secretForms))];
  forms.sort((a, b) => b.length - a.length);
  return (text) => forms.reduce((t, s) => t.split(s).join(REDACTED), text);
}

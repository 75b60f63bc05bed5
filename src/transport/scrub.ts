/**
 * The one scrubber for text that came from a server (error messages, excerpts of bodies, shape
 * problems) before it reaches an error, a log line or a report. A server may echo the secret or the
 * token in any encoding it received or stores it in, so every common form is removed, not only the
 * literal. Pure.
 */

/** What replaces a secret in scrubbed text. */
export const REDACTED = '[redacted]';

/** Secrets shorter than this are not scrubbed: they would blank out ordinary words. */
export const MIN_SECRET_LENGTH = 4;

/**
 * The forms a secret may take in a server's text: literal; percent-encoded as by
 * `encodeURIComponent` and as in a form body (`+` for a space, `*` encoded), with upper- and
 * lower-case hex digits; JSON-escaped, with and without `\uXXXX` for non-ASCII and `\/` for `/`.
 */
export function secretForms(secret: string): string[] {
  const uri = encodeURIComponent(secret);
  const form = new URLSearchParams({ s: secret }).toString().slice(2);
  const json = JSON.stringify(secret).slice(1, -1);
  const jsonAscii = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const lowerHex = (s: string): string => s.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase());
  const forms = [secret, uri, lowerHex(uri), form, lowerHex(form), json, jsonAscii, json.replace(/\//g, '\\/'), jsonAscii.replace(/\//g, '\\/')];
  return [...new Set(forms)];
}

/**
 * A function that removes every form ({@link secretForms}) of every secret from a text. Longer
 * forms are replaced first, so that a secret containing another is removed whole. Secrets shorter
 * than {@link MIN_SECRET_LENGTH} are ignored.
 */
export function makeScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.filter((s) => s.length >= MIN_SECRET_LENGTH).flatMap(secretForms))].sort(
    (a, b) => b.length - a.length,
  );
  if (forms.length === 0) return (text) => text;
  return (text) => forms.reduce((t, f) => t.split(f).join(REDACTED), text);
}

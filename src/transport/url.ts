/**
 * URL rules every dialect shares: https everywhere, plain http only to loopback, no credentials,
 * query or fragment in a configured host. (v2's config.ts has its own copy, being hardened by
 * issue 12; the lead can fold both into this one.)
 */
import { ConfigError } from '../errors.js';

/** 127.0.0.0/8, ::1 and localhost, as the WHATWG URL parser normalises them. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Validates the URL `raw` configured as `what` (e.g. "CXONE_AUTH_URL") and returns it without
 * trailing slashes. Throws ConfigError for an unparsable URL, credentials/query/fragment, a scheme
 * other than http(s), or plain http to a non-loopback host (secrets would travel in clear text).
 */
export function checkServiceUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${what} "${raw.slice(0, 200)}" is not a valid URL`, {
      hint: 'Use a full URL such as https://na1.nice-incontact.com or http://127.0.0.1:8471.',
    });
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ConfigError(`${what} must not contain credentials, a query or a fragment`, {
      hint: 'Give only scheme, host, port and path; credentials go in their own variables.',
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${what} "${raw.slice(0, 200)}" must use https:// (or http:// on loopback)`);
  }
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    throw new ConfigError(`refusing plain http:// to ${url.host} (${what}): the access key and tokens would travel in clear text`, {
      hint: 'Use https:// for any remote host; plain http is allowed only for 127.0.0.1, ::1 and localhost (the sandbox).',
    });
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * The dashboard's defences: a bearer token on every API route, same-origin checks on every
 * API request, a Host allow-list against DNS rebinding while bound to loopback, and headers
 * that keep the page from being framed or running injected script.
 */
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './http-util';

/** The header the page sends the token in; a custom header also forces a CORS preflight. */
export const TOKEN_HEADER = 'x-stream-control-token';

export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares digests so neither length nor content leaks through timing. */
export function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string' || given.length === 0) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost';
}

export interface OriginPolicy {
  /** Host header values the server answers to; empty when any is allowed. */
  readonly allowedHosts: ReadonlySet<string>;
}

export function originPolicy(host: string, port: number): OriginPolicy {
  if (!isLoopback(host)) return { allowedHosts: new Set() };
  return {
    allowedHosts: new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]),
  };
}

/** Rejects a Host that a rebound DNS name would carry, before any route runs. */
export function checkHost(req: IncomingMessage, policy: OriginPolicy): void {
  if (policy.allowedHosts.size === 0) return;
  const host = (req.headers.host ?? '').toLowerCase();
  if (!policy.allowedHosts.has(host)) {
    throw new ApiError(
      403,
      'bad-host',
      `Host "${host}" is not this dashboard; open it as http://127.0.0.1 on its port`,
    );
  }
}

/**
 * Browsers send Sec-Fetch-Site and Origin on requests another site triggers; anything but our
 * own origin is refused. Non-browser clients (curl, tests) send neither and rely on the token.
 */
export function checkSameOrigin(req: IncomingMessage): void {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    throw new ApiError(403, 'cross-site', `cross-site request refused (Sec-Fetch-Site: ${site})`);
  }
  const origin = req.headers.origin;
  if (typeof origin === 'string') {
    const expected = `http://${req.headers.host ?? ''}`.toLowerCase();
    if (origin.toLowerCase() !== expected) {
      throw new ApiError(403, 'cross-site', `cross-site request refused (Origin: ${origin})`);
    }
  }
}

export function checkToken(req: IncomingMessage, token: string): void {
  if (!tokenMatches(token, req.headers[TOKEN_HEADER])) {
    throw new ApiError(
      401,
      'unauthorized',
      'missing or wrong dashboard token; open the URL the dashboard printed at start',
    );
  }
}

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function setSecurityHeaders(res: ServerResponse, isApi: boolean): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  // The page holds nothing secret, but a stale copy after an upgrade confuses operators.
  res.setHeader('Cache-Control', isApi ? 'no-store' : 'no-cache');
}

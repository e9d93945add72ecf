import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The loopback server's gatekeeping, as pure functions so they are tested without a socket. A request must come
 * to our own host name and port (no DNS rebinding), from our own origin (no cross-site calls), and carry the
 * per-run token, which the page holds and sends as a header: never a cookie, since a browser sends a host's
 * cookies to every port of it, so any other local server the browser visits would receive the token.
 */
export interface Gate {
  port: number;
  token: string;
}

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const allowedHosts = (port: number) => [`127.0.0.1:${port}`, `localhost:${port}`];

export function hostAllowed(req: Pick<IncomingMessage, 'headers'>, gate: Gate): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(gate.port).includes(host.toLowerCase());
}

/** A browser sends Origin on cross-site and on POST requests; when present it must be ours, exactly. */
export function originAllowed(req: Pick<IncomingMessage, 'headers'>, gate: Gate): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(gate.port).some((h) => origin === `http://${h}`);
}

export function tokenMatches(candidate: string | undefined | null, gate: Gate): boolean {
  if (!candidate) return false;
  const a = Buffer.from(candidate);
  const b = Buffer.from(gate.token);
  return a.length === b.length && timingSafeEqual(a, b);
}

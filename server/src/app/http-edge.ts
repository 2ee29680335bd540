import { isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';

/**
 * `req.ip` is what audit entries record. Behind a trusted proxy (TRUST_PROXY) Express takes it
 * from X-Forwarded-For and returns the first untrusted entry whatever it holds: a forged
 * `<script>` or `=cmd|…` would be recorded as sent. Only a syntactically valid IP is kept;
 * anything else falls back to the address of the peer that sent the request (a proxy, then).
 * Mounted first, so every reader of `req.ip` sees the checked value.
 */
export function acceptOnlyIpAddresses(req: Request, _res: Response, next: NextFunction): void {
  Object.defineProperty(req, 'ip', { value: clientIpOf(req), configurable: true, enumerable: true });
  next();
}

function clientIpOf(req: Request): string | undefined {
  const claimed = req.ip;
  if (claimed && isIP(claimed)) return claimed;
  const peer = req.socket.remoteAddress;
  return peer && isIP(peer) ? peer : undefined;
}

/**
 * Where a plain-HTTP page load is sent: the configured origin, with the request's path and query.
 * Never the Host or X-Forwarded-Host header: they are the client's to choose, and a redirect built
 * from them sends whoever follows a crafted link to the attacker's host. Parsed against a
 * placeholder base, so that `//evil.example/x` or an absolute-form target keeps only its path.
 */
export function httpsLocation(publicOrigin: string, originalUrl: string): string {
  const origin = new URL(publicOrigin).origin;
  try {
    const target = new URL(originalUrl, 'http://placeholder.invalid');
    return `${origin}${target.pathname}${target.search}`;
  } catch {
    return `${origin}/`;
  }
}

import type { NextFunction, Request, Response } from 'express';

/**
 * Headers every API answer carries: no MIME sniffing, never framed, no referrer leaks, no caching
 * of authenticated answers by shared caches, and a CSP that lets JSON and PNG answers do nothing
 * (the Swagger UI under /api/docs needs its own scripts and styles).
 */
export function securityHeaders(req: Request, res: Response, next: NextFunction): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // The dashboard (another port of the same site) shows the API's PNGs.
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
  res.removeHeader('X-Powered-By');
  if (!req.path.startsWith('/api/docs')) {
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  }
  if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'private, no-store');
  next();
}

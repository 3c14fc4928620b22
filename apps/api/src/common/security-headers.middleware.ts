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
  // No Cross-Origin-Resource-Policy: the dashboard on another port shows the API's PNGs, and
  // Chromium counts 127.0.0.1:3000 → :4000 as not same-site (ERR_BLOCKED_BY_RESPONSE.NotSameSite,
  // seen). Another site's page gets no PNG anyway: the session cookie is SameSite=Lax, so its
  // <img> requests arrive without it and answer 401.
  res.removeHeader('X-Powered-By');
  if (!req.path.startsWith('/api/docs')) {
    res.setHeader('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
  }
  if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'private, no-store');
  next();
}

import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { createHash } from 'node:crypto';

/**
 * The headers a browser needs to keep the H5 app and its users safe, from a
 * well-kept library: a Content-Security-Policy the app runs under (its own
 * scripts only, the page's inline one by hash; NutUI and Taro set inline styles; photos are shrunk through
 * blob: and data: URLs on the phone), no framing, no MIME sniffing, HSTS, no
 * referrer sent to other sites.
 */
export function securityHeaders(inlineScriptHashes: string[] = []) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The H5 page's own inline script (Taro's rem sizing), by its hash: never 'unsafe-inline'.
        scriptSrc: ["'self'", ...inlineScriptHashes.map((hash) => `'${hash}'`)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        // The H5 upload reads the shrunk photo back from its blob: URL.
        connectSrc: ["'self'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: true },
  });
}

/**
 * API answers carry personal data (names, ID numbers masked or not, scores):
 * no browser or proxy keeps a copy. The public catalog is the exception a route
 * may make by setting its own Cache-Control.
 */
export function noStoreForApi(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
  next();
}

/** sha256-… of each inline script in a built page, as a CSP source expression (without quotes). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) =>
      `sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}`,
  );
}

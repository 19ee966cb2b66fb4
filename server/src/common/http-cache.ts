import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/**
 * A response prepared once and sent many times: the exact bytes, their gzip
 * (when that is smaller) and a strong ETag. For answers that change only when
 * the code does (the rule packs), so the work of a request is a header lookup.
 */
export interface Representation {
  body: Buffer;
  gzip?: Buffer;
  etag: string;
}

/** Below this, gzip's header costs more than it saves. */
const COMPRESS_FROM_BYTES = 1024;

export function representJson(json: string): Representation {
  const body = Buffer.from(json, 'utf8');
  const gzip = body.length >= COMPRESS_FROM_BYTES ? gzipSync(body, { level: 9 }) : undefined;
  return { body, ...(gzip && gzip.length < body.length ? { gzip } : {}), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}

/** The prepared answer, or 304 when the client already holds it; gzip to clients that take it. */
export function sendRepresentation(req: Request, res: Response, representation: Representation, cacheControl: string): void {
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', representation.etag);
  res.setHeader('Vary', 'Accept-Encoding');
  const held = req.headers['if-none-match'];
  if (held && held.split(',').some((tag) => tag.trim().replace(/^W\//, '') === representation.etag)) {
    res.status(304).end();
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  const gzip = representation.gzip && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') ? representation.gzip : undefined;
  if (gzip) res.setHeader('Content-Encoding', 'gzip');
  const bytes = gzip ?? representation.body;
  res.setHeader('Content-Length', bytes.length);
  res.status(200).end(req.method === 'HEAD' ? undefined : bytes);
}

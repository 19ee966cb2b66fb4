/** Retry-After in seconds, as the server sends it with 系统繁忙 (headers' case varies by platform). */
export function retryAfterOf(header: unknown): number | undefined {
  if (typeof header !== 'object' || header === null) return undefined;
  const entry = Object.entries(header).find(([name]) => name.toLowerCase() === 'retry-after');
  const seconds = Number(entry?.[1]);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/**
 * When the server says it is busy, a read is asked again — twice at most, after
 * the wait it names (never more than 5 s), spread by a random part so a crowd
 * told "come back in 2 s" does not come back in the same millisecond.
 * Undefined: give up and show the message. Writes are never repeated unasked.
 */
export function politeRetryDelayMs(attempt: number, retryAfterSeconds: number | undefined, random: () => number = Math.random): number | undefined {
  if (attempt >= 2) return undefined;
  const base = Math.min(5, retryAfterSeconds ?? 2) * 1000;
  return Math.round(base * (1 + random() * 0.5));
}

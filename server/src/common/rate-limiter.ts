import { DomainError } from '@skillcert/shared';

/**
 * A sliding-window count per key (here: per client address), in memory. Account
 * lock-out stops guessing one password; this stops one address trying many
 * accounts. Per process: with several instances each counts its own share.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    /** What is being counted, for the message: 登录尝试, 查询. */
    private readonly what = '登录尝试',
  ) {}

  /** Counts a hit for `key` at `now`; over the limit → TOO_MANY_REQUESTS with the wait in minutes. */
  hit(key: string, now: Date): void {
    const since = now.getTime() - this.windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (recent.length >= this.limit) {
      const waitMinutes = Math.max(1, Math.ceil(((recent[0] ?? now.getTime()) + this.windowMs - now.getTime()) / 60_000));
      this.hits.set(key, recent);
      throw new DomainError('TOO_MANY_REQUESTS', `${this.what}过于频繁，请${waitMinutes}分钟后再试`);
    }
    recent.push(now.getTime());
    this.hits.set(key, recent);
    // Keep the map from growing without bound under a spray of addresses.
    if (this.hits.size > 10_000) for (const [k, times] of this.hits) if ((times.at(-1) ?? 0) <= since) this.hits.delete(k);
  }
}

import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { DomainError } from '@skillcert/shared';
import Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { Clock } from './clock';

/** What a window says about one more hit: allowed, or refused until `retryAt` (epoch ms). */
export type WindowVerdict = { allowed: true } | { allowed: false; retryAt: number };

/**
 * Sliding-window counts per key. With several server processes the counts must
 * be shared, or each instance grants its own allowance and a restart resets it:
 * Redis does that. The in-memory store is for the embedded SQLite demo, which is
 * one process by nature (configuration refuses MariaDB without Redis).
 */
export abstract class RateLimitStore {
  abstract hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<WindowVerdict>;
  /** Whether the shared store answers (for the health check); undefined when the counts are this process's own by design. */
  abstract shared(): Promise<boolean | undefined>;
}

export class MemoryRateLimitStore extends RateLimitStore {
  shared(): Promise<boolean | undefined> {
    return Promise.resolve(undefined);
  }

  private readonly hits = new Map<string, number[]>();

  hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<WindowVerdict> {
    const since = nowMs - windowMs;
    const recent = (this.hits.get(key) ?? []).filter((t) => t > since);
    const verdict: WindowVerdict = recent.length >= limit ? { allowed: false, retryAt: (recent[0] ?? nowMs) + windowMs } : { allowed: true };
    if (verdict.allowed) recent.push(nowMs);
    this.hits.set(key, recent);
    // Keep the map from growing without bound under a spray of addresses.
    if (this.hits.size > 10_000) for (const [k, times] of this.hits) if ((times.at(-1) ?? 0) <= since) this.hits.delete(k);
    return Promise.resolve(verdict);
  }
}

/**
 * One sorted set per key, scored by time: trimmed, counted and (when allowed)
 * added in one script, so two instances cannot both take the last place.
 */
const SLIDING_WINDOW = `
local key, now, window, limit, member = KEYS[1], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), ARGV[4]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
if redis.call('ZCARD', key) >= limit then
  local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + window
end
redis.call('ZADD', key, now, member)
redis.call('PEXPIRE', key, window)
return 0
`;

/**
 * The shared counts, in Redis. When Redis does not answer, each instance counts
 * on its own (a limit per instance, never none) and says so once per outage; the
 * health check reports it.
 */
@Injectable()
export class RedisRateLimitStore extends RateLimitStore implements OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis;
  private readonly fallback = new MemoryRateLimitStore();
  private away = false;
  private sequence = 0;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    super();
    // A throttle must not hold a request up: no offline queue, one quick try.
    this.redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 1000, lazyConnect: false });
    this.redis.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    this.redis.defineCommand('slidingWindow', { numberOfKeys: 1, lua: SLIDING_WINDOW });
  }

  async hit(key: string, limit: number, windowMs: number, nowMs: number): Promise<WindowVerdict> {
    const member = `${nowMs}:${process.pid}:${this.sequence++}:${Math.random().toString(36).slice(2, 8)}`;
    try {
      const retryAt = Number(await (this.redis as Redis & SlidingWindowCommand).slidingWindow(this.prefix + key, nowMs, windowMs, limit, member));
      if (this.away) this.logger.log({ event: 'rate-limit-shared-again' });
      this.away = false;
      return retryAt > 0 ? { allowed: false, retryAt } : { allowed: true };
    } catch (error) {
      // Redis away: this instance counts on its own until it is back — several instances each allow the limit, none allows more.
      if (!this.away) this.logger.warn({ event: 'rate-limit-per-instance', error: error instanceof Error ? error.message : String(error) });
      this.away = true;
      return this.fallback.hit(key, limit, windowMs, nowMs);
    }
  }

  async shared(): Promise<boolean> {
    if (this.redis.status !== 'ready') return false;
    return this.redis.ping().then(
      (answer) => answer === 'PONG',
      () => false,
    );
  }

  async onModuleDestroy(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

interface SlidingWindowCommand {
  slidingWindow(key: string, now: number, window: number, limit: number, member: string): Promise<number>;
}

export const rateLimitStoreProvider = {
  provide: RateLimitStore,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): RateLimitStore =>
    config.redis ? new RedisRateLimitStore(config.redis.url, config.redis.keyPrefix) : new MemoryRateLimitStore(),
};

/** The throttles the server keeps, each per 10 minutes: per client address, or (reveals) per staff member. */
export type ThrottleName = 'staff-login' | 'certificate-verify' | 'resident-id-reveal';

/** Whole ID numbers one reviewer may read per 10 minutes: a busy counter reads one per person in front of it, nobody reads the register. */
const REVEALS_PER_REVIEWER = 20;

const WINDOW_MS = 10 * 60_000;

@Injectable()
export class Throttles {
  private readonly limits: Record<ThrottleName, { limit: number; what: string }>;

  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.limits = {
      // A counter's shared network still fits, a password spray does not.
      'staff-login': { limit: config.loginAttemptsPerAddress, what: '登录尝试' },
      // The public check answers whoever asks; this keeps anyone from walking the number space.
      'certificate-verify': { limit: config.verifyLookupsPerAddress, what: '查询' },
      'resident-id-reveal': { limit: REVEALS_PER_REVIEWER, what: '查看完整身份证号码' },
    };
  }

  /** Counts one attempt by `who` (a client address, a staff id); over the limit → TOO_MANY_REQUESTS with the wait in minutes. */
  async hit(name: ThrottleName, who: string): Promise<void> {
    const { limit, what } = this.limits[name];
    const now = this.clock.now().getTime();
    const verdict = await this.store.hit(`${name}:${who}`, limit, WINDOW_MS, now);
    if (verdict.allowed) return;
    const waitMinutes = Math.max(1, Math.ceil((verdict.retryAt - now) / 60_000));
    throw new DomainError('TOO_MANY_REQUESTS', `${what}过于频繁，请${waitMinutes}分钟后再试`);
  }
}

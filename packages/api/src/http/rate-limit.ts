/**
 * Token buckets (one per API key, and one per client address for unauthenticated attempts): `capacity` requests
 * at once, refilled at `refillPerSecond`. A request that finds the bucket empty is refused with 429 and told, in
 * Retry-After, how many seconds until a token is back.
 */

export interface RateLimitConfig {
  /** Burst size. */
  capacity: number;
  /** Sustained requests per second. */
  refillPerSecond: number;
}

export const RATE_LIMIT_DEFAULTS: RateLimitConfig = { capacity: 600, refillPerSecond: 300 };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly nowMs: () => number,
    private readonly maxBuckets = 100_000,
  ) {}

  /** Take a token for `who`: 0 when granted, else the seconds to wait. */
  take(who: string): number {
    const now = this.nowMs();
    const { capacity, refillPerSecond } = this.config;
    let b = this.buckets.get(who);
    if (!b) {
      if (this.buckets.size >= this.maxBuckets) this.buckets.clear();
      b = { tokens: capacity, at: now };
      this.buckets.set(who, b);
    } else {
      b.tokens = Math.min(capacity, b.tokens + ((now - b.at) / 1000) * refillPerSecond);
      b.at = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / refillPerSecond));
  }
}

/**
 * Per-user question limits: a token bucket. Each user starts with `burst` questions; one more is earned
 * back every `refillSeconds`, up to `burst`. So a burst of `burst` questions is always answered, and a
 * sustained flood is held to one question every `refillSeconds`. `refillSeconds = 0` turns limits off.
 *
 * Only a question that gets a fresh reply takes a token: a duplicate pointer, a thanks reaction or a
 * notice never does (the callers decide; see answerQuestion.ts). Transport-neutral and pure apart from
 * the injected clock, so the gateway, the HTTP endpoint and the tests share it.
 *
 * `take` also says whether this refusal is the first of a limited spell, so a door that cannot be
 * ephemeral (a DM) can reply once and react afterwards instead of replying to every message.
 */
export interface RateLimitOptions {
  /** Questions a user may ask at once. */
  burst: number;
  /** Seconds to earn back one question; 0 disables limits. */
  refillSeconds: number;
  now?: () => number;
  /** Users tracked before idle, full buckets are forgotten. */
  maxUsers?: number;
}

export type RateDecision =
  | { ok: true }
  | {
      ok: false;
      /** Milliseconds until the next question is allowed. */
      retryAfterMs: number;
      /** True for the first refusal since the user last got an answer. */
      firstInSpell: boolean;
    };

interface Bucket {
  tokens: number;
  at: number;
  /** A refusal was reported since the last allowed question. */
  told: boolean;
}

export const RATE_LIMIT_DEFAULTS = { burst: 4, refillSeconds: 5, maxUsers: 50_000 } as const;

export class RateLimits {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;
  private readonly refillMs: number;
  private readonly now: () => number;
  private readonly maxUsers: number;

  constructor(options: Partial<RateLimitOptions> = {}) {
    this.burst = Math.max(1, Math.floor(options.burst ?? RATE_LIMIT_DEFAULTS.burst));
    this.refillMs = Math.max(0, (options.refillSeconds ?? RATE_LIMIT_DEFAULTS.refillSeconds) * 1000);
    this.now = options.now ?? Date.now;
    this.maxUsers = options.maxUsers ?? RATE_LIMIT_DEFAULTS.maxUsers;
  }

  get enabled(): boolean {
    return this.refillMs > 0;
  }

  /** Questions `userId` may ask right now (whole ones). */
  available(userId: string): number {
    if (!this.enabled) return Infinity;
    return Math.floor(this.refilled(userId, this.now()).tokens);
  }

  /** Whether `userId` may ask now, without taking anything. */
  peek(userId: string): RateDecision {
    if (!this.enabled) return { ok: true };
    const bucket = this.refilled(userId, this.now());
    if (bucket.tokens >= 1) return { ok: true };
    return { ok: false, retryAfterMs: this.waitFor(bucket), firstInSpell: !bucket.told };
  }

  /** Takes one question from `userId`'s bucket when there is one; otherwise says how long to wait. */
  take(userId: string): RateDecision {
    if (!this.enabled) return { ok: true };
    const now = this.now();
    const bucket = this.refilled(userId, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.told = false;
      this.store(userId, bucket, now);
      return { ok: true };
    }
    const firstInSpell = !bucket.told;
    bucket.told = true;
    this.store(userId, bucket, now);
    return { ok: false, retryAfterMs: this.waitFor(bucket), firstInSpell };
  }

  private waitFor(bucket: Bucket): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) * this.refillMs));
  }

  private refilled(userId: string, now: number): Bucket {
    const bucket = this.buckets.get(userId);
    if (!bucket) return { tokens: this.burst, at: now, told: false };
    const earned = (now - bucket.at) / this.refillMs;
    return { tokens: Math.min(this.burst, bucket.tokens + Math.max(0, earned)), at: now, told: bucket.told };
  }

  private store(userId: string, bucket: Bucket, now: number): void {
    this.buckets.delete(userId);
    this.buckets.set(userId, bucket);
    if (this.buckets.size > this.maxUsers) this.prune(now);
  }

  /** Forgets users whose bucket is full again (they are the same as new users); then, if need be, the oldest. */
  private prune(now: number): void {
    const target = Math.floor(this.maxUsers * 0.9);
    for (const [user, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) / this.refillMs >= this.burst) this.buckets.delete(user);
    }
    for (const user of this.buckets.keys()) {
      if (this.buckets.size <= target) break;
      this.buckets.delete(user);
    }
  }
}

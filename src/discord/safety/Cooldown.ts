/** Per-user cooldown between answers. `seconds = 0` disables it. Clock injectable for tests. */
export class Cooldown {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.seconds > 0;
  }

  /** Milliseconds the user must still wait (0 when free). */
  remaining(userId: string): number {
    if (!this.enabled) return 0;
    const until = this.until.get(userId);
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left <= 0) {
      this.until.delete(userId);
      return 0;
    }
    return left;
  }

  /** Starts the user's cooldown (call when an answer is actually given). */
  start(userId: string): void {
    if (!this.enabled) return;
    const now = this.now();
    this.until.set(userId, now + this.seconds * 1000);
    if (this.until.size > 10_000) this.prune(now);
  }

  /** Checks and starts in one step: true when the user may go ahead. */
  take(userId: string): { ok: true } | { ok: false; retryAfterMs: number } {
    const left = this.remaining(userId);
    if (left > 0) return { ok: false, retryAfterMs: left };
    this.start(userId);
    return { ok: true };
  }

  private prune(now: number): void {
    for (const [user, until] of this.until) if (until <= now) this.until.delete(user);
  }
}

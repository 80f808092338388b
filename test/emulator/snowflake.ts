/**
 * Snowflake ids that look like Discord's: (ms since the Discord epoch) << 22 | worker | process | increment.
 * Ids from one generator are unique and strictly increasing.
 */
export const DISCORD_EPOCH = 1420070400000n;

export class SnowflakeGenerator {
  private lastMs = 0n;
  private increment = 0n;

  constructor(
    private readonly workerId = 1n,
    private readonly processId = 0n,
  ) {}

  next(): string {
    let ms = BigInt(Date.now()) - DISCORD_EPOCH;
    if (ms <= this.lastMs) {
      // Same (or a past) millisecond: keep counting; borrow the next ms when the 12-bit increment runs out.
      ms = this.lastMs;
      this.increment += 1n;
      if (this.increment > 0xfffn) {
        ms += 1n;
        this.increment = 0n;
      }
    } else {
      this.increment = 0n;
    }
    this.lastMs = ms;
    return ((ms << 22n) | (this.workerId << 17n) | (this.processId << 12n) | this.increment).toString();
  }
}

/** The creation time (ms since the Unix epoch) encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH);
}

/** ISO timestamp for a snowflake, as Discord formats `timestamp` fields. */
export function snowflakeIso(id: string): string {
  return new Date(snowflakeTime(id)).toISOString().replace('Z', '+00:00');
}

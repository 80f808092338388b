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

/** Discord's sharding formula: the shard that receives a guild's events. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * Snowflakes placed on a chosen shard: the timestamp is moved back (at most `shardCount - 1` ms) until
 * `shardOf(id, shardCount) === shard`. They use worker id 2, so they never collide with a
 * SnowflakeGenerator's ids (worker 1).
 */
export class ShardedSnowflakes {
  private increment = 0n;

  next(shard: number, shardCount: number): string {
    if (!Number.isInteger(shard) || shard < 0 || shard >= shardCount) {
      throw new RangeError(`shard ${shard} is not in 0..${shardCount - 1}`);
    }
    const count = BigInt(shardCount);
    let ms = BigInt(Date.now()) - DISCORD_EPOCH;
    ms -= (((ms - BigInt(shard)) % count) + count) % count;
    this.increment = (this.increment + 1n) & 0xfffn;
    return ((ms << 22n) | (2n << 17n) | this.increment).toString();
  }
}

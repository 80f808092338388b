/**
 * Pacing IDENTIFY as Discord asks: a shard's rate-limit bucket is `shard_id % max_concurrency`, each
 * bucket may identify once per 5 seconds, and buckets are started in order. So shards go in waves of
 * `max_concurrency` consecutive ids (`0..mc-1`, then `mc..2mc-1`, ...), one wave per slot.
 */

/** Discord's identify window per bucket. */
export const IDENTIFY_WINDOW_MS = 5_000;

/**
 * One slot for a process that cannot see the others' identifies: the window plus the up-to-1.5 s jitter
 * discord.js's own throttler adds between two identifies of a bucket.
 */
export const IDENTIFY_SLOT_MS = 6_500;

/** The shard ids grouped into identify waves (each wave holds at most one shard per bucket). */
export function identifyWaves(ids: readonly number[], maxConcurrency: number): number[][] {
  const mc = Math.max(1, Math.floor(maxConcurrency));
  const waves = new Map<number, number[]>();
  for (const id of [...ids].sort((a, b) => a - b)) {
    const wave = Math.floor(id / mc);
    waves.set(wave, [...(waves.get(wave) ?? []), id]);
  }
  return [...waves.entries()].sort(([a], [b]) => a - b).map(([, wave]) => wave);
}

/**
 * How long a process running `ids` (one range of a deployment started all at once, as a StatefulSet
 * with parallel pods starts them) waits before its first identify, so that its wave comes after the
 * waves of the lower shard ids that other processes hold: the first id's wave times one slot.
 */
export function identifyStartDelayMs(ids: readonly number[], maxConcurrency: number): number {
  if (ids.length === 0) return 0;
  const first = Math.min(...ids);
  return Math.floor(first / Math.max(1, Math.floor(maxConcurrency))) * IDENTIFY_SLOT_MS;
}

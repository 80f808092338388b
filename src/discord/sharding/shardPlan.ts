/**
 * What the gateway side of this process does, from the configuration:
 *
 * - `single`: one client, one connection (no SHARD_COUNT, or SHARD_COUNT=1).
 * - `spawn`: SHARD_COUNT without SHARD_IDS: discord.js's ShardingManager runs one child process per
 *   shard on this machine (`count` may still be `auto`, resolved from `GET /gateway/bot`).
 * - `client`: one client runs `ids` of `count` shards: SHARD_IDS given (one range per container or
 *   machine), or this process is a ShardingManager child (`managed`; discord.js passes its shard in
 *   the SHARDS and SHARD_COUNT variables of the child's environment).
 */
import type { AppConfig } from '../../config/env.js';

export type ShardPlan =
  | { mode: 'single' }
  | { mode: 'spawn'; count: number | 'auto' }
  | { mode: 'client'; ids: number[]; count: number; managed: boolean };

export function shardPlan(
  config: Pick<AppConfig, 'shards'>,
  env: NodeJS.ProcessEnv = process.env,
): ShardPlan {
  const managed = managedShards(env);
  if (managed) return { mode: 'client', ...managed, managed: true };
  const shards = config.shards;
  if (!shards || shards.count === 1) return { mode: 'single' };
  if (shards.ids && typeof shards.count === 'number') {
    return { mode: 'client', ids: shards.ids, count: shards.count, managed: false };
  }
  return { mode: 'spawn', count: shards.count };
}

/** The shards discord.js's ShardingManager gave this child process, if it is one. */
function managedShards(env: NodeJS.ProcessEnv): { ids: number[]; count: number } | undefined {
  if (!env.SHARDING_MANAGER || env.SHARDS === undefined || env.SHARD_COUNT === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(env.SHARDS);
  } catch {
    return undefined;
  }
  const ids = (Array.isArray(parsed) ? parsed : [parsed]).filter(
    (id): id is number => Number.isInteger(id) && (id as number) >= 0,
  );
  const count = Number(env.SHARD_COUNT);
  if (ids.length === 0 || !Number.isInteger(count) || count < 1) return undefined;
  return { ids, count };
}

/** `0-3`, `5`, `0-1_4_6-7`: a process's shard ids, short, for file names and logs. */
export function describeShards(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join('_');
}

/** Discord's sharding formula: the shard that receives a guild's events. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * Which front end `npm start` runs, from the environment (the chosen runner validates it fully):
 *
 * - `http`: DISCORD_PUBLIC_KEY or INTERACTIONS_PORT set: the Interactions Endpoint, no gateway, with or
 *   without DISCORD_TOKEN (a half-set pair is reported by the config check, not ignored);
 * - `shard-manager`: DISCORD_TOKEN and a SHARD_COUNT other than 1 without SHARD_IDS: a process per shard;
 * - `gateway`: DISCORD_TOKEN otherwise (one client; a SHARD_IDS range; or a ShardingManager child);
 * - `console`: nothing of the above: the local console.
 */
export type StartMode = 'http' | 'shard-manager' | 'gateway' | 'console';

export function startMode(env: NodeJS.ProcessEnv): StartMode {
  const set = (name: string) => Boolean(env[name]?.trim());
  if (set('DISCORD_PUBLIC_KEY') || set('INTERACTIONS_PORT')) return 'http';
  if (!set('DISCORD_TOKEN')) return 'console';
  if (env.SHARDING_MANAGER) return 'gateway';
  if (set('SHARD_COUNT') && env.SHARD_COUNT?.trim() !== '1' && !set('SHARD_IDS')) return 'shard-manager';
  return 'gateway';
}

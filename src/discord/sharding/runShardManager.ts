import { loadConfig } from '../../config/env.js';
import { maskUrlCredentials } from '../../config/secretSafe.js';
import { createLogger } from '../../logging/logger.js';
import { handleShutdownSignals } from '../shutdown.js';
import { SHARD_PROCESS_DEFAULTS, ShardProcesses } from './ShardProcesses.js';

/**
 * `npm start` with SHARD_COUNT and no SHARD_IDS: spawns a bot process per shard (ShardProcesses) and
 * stops them all on SIGINT/SIGTERM.
 */
export async function runShardManager(): Promise<void> {
  const config = loadConfig({ requireToken: true });
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] }).child({
    role: 'shard-manager',
  });
  const shards = await ShardProcesses.start({ config, logger }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`could not start the shards against ${maskUrlCredentials(config.apiUrl)}: ${reason}`);
  });
  // Long enough for every child to drain (they are stopped in parallel).
  handleShutdownSignals(() => shards.stop(), {
    logger,
    timeoutMs: SHARD_PROCESS_DEFAULTS.stopTimeoutMs + 5_000,
  });
}

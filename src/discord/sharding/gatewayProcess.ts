/**
 * A gateway bot process's part of a sharded deployment: which shards its client runs, the learning-log
 * file it writes, the fields its log lines carry, and the wait for its identify slot.
 *
 * Guild commands (DISCORD_GUILD_ID) are registered by the one process whose shards hold that guild, so
 * a deployment of many processes registers them once.
 */
import { REST } from 'discord.js';
import type { Logger } from 'pino';
import type { BotConfig } from '../../config/env.js';
import { learningLogFileName } from '../learningLogFileName.js';
import { fetchGatewayBot } from './gatewayBot.js';
import { identifyStartDelayMs } from './identifySlots.js';
import { describeShards, shardOfGuild, shardPlan } from './shardPlan.js';

/** What a ShardingManager child tells its manager when a signal starts its shutdown. */
export const STOPPING_MESSAGE = 'conceptBotStopping';

export interface GatewayProcess {
  /** The same configuration object, `shards` resolved to this process's ids (when sharded). */
  config: BotConfig;
  /** The shard ids this process runs; undefined for the unsharded bot. */
  shards: number[] | undefined;
  /** Fields for every log line (`{ shards: '0-3' }`). */
  logBindings: Record<string, string>;
  learningLogFileName: string;
  /**
   * Call once before logging in. Resolves when this process may identify (SHARD_IDS ranges wait for the
   * lower ranges' waves). A ShardingManager child also stops cleanly (SIGTERM to itself) should its
   * manager go away, instead of running on unmanaged.
   */
  beforeLogin(logger: Logger, options?: { sleep?: (ms: number) => Promise<void> }): Promise<void>;
}

/** Adjusts `config` in place (its token-hiding toJSON stays) and says how this process takes part. */
export function gatewayProcess(config: BotConfig, env: NodeJS.ProcessEnv = process.env): GatewayProcess {
  const plan = shardPlan(config, env);
  if (plan.mode === 'spawn') {
    throw new Error('SHARD_COUNT without SHARD_IDS runs the ShardingManager, not a bot process');
  }
  if (plan.mode === 'single') {
    return {
      config,
      shards: undefined,
      logBindings: {},
      learningLogFileName: learningLogFileName({ kind: 'gateway' }),
      beforeLogin: async () => undefined,
    };
  }
  const { ids, count } = plan;
  const hostsGuild = config.guildId !== undefined && ids.includes(shardOfGuild(config.guildId, count));
  config.shards = { count, ids };
  if (!hostsGuild) config.guildId = undefined;
  return {
    config,
    shards: ids,
    logBindings: { shards: describeShards(ids) },
    learningLogFileName: learningLogFileName({ kind: 'gateway', shards: ids }),
    async beforeLogin(logger, options = {}) {
      if (plan.managed) {
        // Started in its wave by the manager. A Ctrl+C reaches the whole process group: say so, so the
        // manager does not signal again (a second signal would cut the drain short).
        for (const signal of ['SIGINT', 'SIGTERM'] as const) {
          process.once(signal, () => {
            if (process.connected)
              process.send?.({ [STOPPING_MESSAGE]: true }, undefined, {}, () => undefined);
          });
        }
        process.once('disconnect', () => {
          logger.warn({ event: 'manager-gone' }, 'the sharding manager went away: stopping');
          process.kill(process.pid, 'SIGTERM');
        });
        return;
      }
      if (Math.min(...ids) === 0) return;
      const rest = new REST({ api: config.apiUrl, retries: 3, timeout: 15_000 }).setToken(config.token);
      const { maxConcurrency } = await fetchGatewayBot(rest);
      const delayMs = identifyStartDelayMs(ids, maxConcurrency);
      if (delayMs === 0) return;
      logger.info(
        { event: 'identify-wait', delayMs, maxConcurrency, shards: describeShards(ids) },
        `waiting ${Math.round(delayMs / 100) / 10} s for the lower shards to identify first`,
      );
      await (options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(delayMs);
    },
  };
}

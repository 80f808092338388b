/**
 * The ShardingManager mode: one child process per shard on this machine, each a complete bot (its own
 * client, knowledge with hot reload, cooldowns and learning log), spawned by discord.js's
 * ShardingManager. The manager process answers nothing itself.
 *
 *   const shards = await ShardProcesses.start({ config, logger });
 *   ...
 *   await shards.stop(); // SIGTERM to every child, each drains and exits
 *
 * IDENTIFY is paced as Discord asks: the shard count and `max_concurrency` come from `GET /gateway/bot`,
 * children start in waves of `max_concurrency` consecutive ids, and a wave starts only 5 s after the
 * one before it was ready (discord.js's own spawn delay counts from the spawn instead, which a slow
 * start can squeeze). A child that dies is restarted after a pause that doubles while it keeps dying
 * young; after `maxFastDeaths` in a row the manager gives up (`onGiveUp`), so a bad token or broken
 * knowledge does not burn the day's session starts.
 */
import { fileURLToPath } from 'node:url';
import { REST, ShardingManager, type Shard } from 'discord.js';
import type { Logger } from 'pino';
import type { BotConfig } from '../../config/env.js';
import { fetchGatewayBot } from './gatewayBot.js';
import { STOPPING_MESSAGE } from './gatewayProcess.js';
import { IDENTIFY_WINDOW_MS, identifyWaves } from './identifySlots.js';

export const SHARD_PROCESS_DEFAULTS = {
  /** Start, knowledge load, connect and READY of one child. */
  spawnTimeoutMs: 90_000,
  /** A child that ran less than this died young. */
  minUptimeMs: 60_000,
  /** First pause before restarting a dead child; doubles for each young death in a row. */
  respawnDelayMs: IDENTIFY_WINDOW_MS + 500,
  maxRespawnDelayMs: 120_000,
  maxFastDeaths: 5,
  /** How long stop() waits for a child to drain and exit before killing it. */
  stopTimeoutMs: 20_000,
  /** How long stop() waits to hear that children got a terminal's signal themselves. */
  signalGraceMs: 300,
} as const;

export interface ShardProcessesOptions {
  config: BotConfig;
  logger: Logger;
  /** The script every child runs; default src/main.ts (which sees it is a shard and runs the bot). */
  file?: string;
  /** Node flags for the children; default this process's, with tsx added when missing. */
  execArgv?: string[];
  /** Extra environment for the children (on top of this process's). */
  env?: Record<string, string>;
  limits?: Partial<typeof SHARD_PROCESS_DEFAULTS>;
  /** Called when a child keeps dying young; default: stop every child and exit 1. */
  onGiveUp?: (shardId: number) => void;
}

export class ShardProcesses {
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private readonly fastDeaths = new Map<number, number>();
  private readonly respawnTimers = new Set<NodeJS.Timeout>();
  /** Children that said a signal already started their shutdown (a Ctrl+C reaches them too). */
  private readonly stoppingOnTheirOwn = new Set<number>();

  static async start(options: ShardProcessesOptions): Promise<ShardProcesses> {
    const { config, logger } = options;
    const shards = config.shards;
    if (!shards) throw new Error('ShardProcesses needs SHARD_COUNT');
    const rest = new REST({ api: config.apiUrl, retries: 3, timeout: 15_000 }).setToken(config.token);
    const info = await fetchGatewayBot(rest);
    const count = shards.count === 'auto' ? info.shards : shards.count;
    if (info.remaining < count) {
      const resetsAt = new Date(Date.now() + info.resetAfterMs).toISOString();
      throw new Error(
        `Discord allows ${info.remaining} more session starts today, fewer than the ${count} shards; it resets at ${resetsAt}`,
      );
    }
    const ids = Array.from({ length: count }, (_, i) => i);
    const manager = new ShardingManager(options.file ?? defaultShardFile(), {
      totalShards: count,
      shardList: ids,
      mode: 'process',
      respawn: false,
      token: config.token,
      execArgv: options.execArgv ?? withTsx(process.execArgv),
    });
    const running = new ShardProcesses(manager, count, info.maxConcurrency, options);
    logger.info(
      {
        event: 'shards-spawning',
        count,
        recommended: info.shards,
        maxConcurrency: info.maxConcurrency,
        waves: identifyWaves(ids, info.maxConcurrency).length,
      },
      `starting ${count} shard processes`,
    );
    try {
      await running.spawnInWaves(ids);
    } catch (error) {
      await running.stop();
      throw error;
    }
    logger.info({ event: 'shards-ready', count }, 'every shard is ready');
    return running;
  }

  private constructor(
    readonly manager: ShardingManager,
    readonly count: number,
    readonly maxConcurrency: number,
    private readonly options: ShardProcessesOptions,
  ) {}

  private get limits(): typeof SHARD_PROCESS_DEFAULTS {
    return { ...SHARD_PROCESS_DEFAULTS, ...this.options.limits };
  }

  private get logger(): Logger {
    return this.options.logger;
  }

  private async spawnInWaves(ids: number[]): Promise<void> {
    const waves = identifyWaves(ids, this.maxConcurrency);
    for (const [index, wave] of waves.entries()) {
      if (this.stopping) return;
      await Promise.all(wave.map((id) => this.spawnFirst(id)));
      // The next wave's identifies reuse these buckets: 5 s after these are in (READY follows IDENTIFY).
      if (index < waves.length - 1) await sleep(IDENTIFY_WINDOW_MS + 500);
    }
  }

  private async spawnFirst(id: number): Promise<void> {
    const shard = this.manager.createShard(id);
    Object.assign(shard.env as Record<string, string>, this.options.env ?? {});
    shard.on('error', (err: unknown) =>
      this.logger.error({ event: 'shard-error', shardId: id, err }, 'shard error'),
    );
    shard.on('ready', () => this.logger.info({ event: 'shard-ready', shardId: id }, `shard ${id} ready`));
    shard.on('message', (message: unknown) => {
      if ((message as Record<string, unknown> | null)?.[STOPPING_MESSAGE]) this.stoppingOnTheirOwn.add(id);
    });
    shard.on('spawn', () => this.stoppingOnTheirOwn.delete(id));
    await shard.spawn(this.limits.spawnTimeoutMs);
    this.watch(shard);
  }

  /** Restarts a child that dies, pausing longer while it keeps dying young. */
  private watch(shard: Shard): void {
    let startedAt = Date.now();
    shard.on('spawn', () => {
      startedAt = Date.now();
    });
    shard.on('death', (child) => {
      if (this.stopping) return;
      const uptimeMs = Date.now() - startedAt;
      const young = uptimeMs < this.limits.minUptimeMs;
      const deaths = young ? (this.fastDeaths.get(shard.id) ?? 0) + 1 : 0;
      this.fastDeaths.set(shard.id, deaths);
      this.logger.error(
        {
          event: 'shard-died',
          shardId: shard.id,
          exitCode: 'exitCode' in child ? child.exitCode : null,
          signal: 'signalCode' in child ? child.signalCode : null,
          uptimeMs,
          youngDeaths: deaths,
        },
        `shard ${shard.id} exited`,
      );
      if (deaths >= this.limits.maxFastDeaths) {
        this.logger.fatal(
          { event: 'shard-gave-up', shardId: shard.id, deaths },
          `shard ${shard.id} keeps dying within ${this.limits.minUptimeMs / 1000} s of starting: giving up`,
        );
        (this.options.onGiveUp ?? (() => this.giveUp()))(shard.id);
        return;
      }
      const delayMs = Math.min(
        this.limits.respawnDelayMs * 2 ** Math.max(0, deaths - 1),
        this.limits.maxRespawnDelayMs,
      );
      const timer = setTimeout(() => {
        this.respawnTimers.delete(timer);
        if (this.stopping) return;
        shard
          .spawn(this.limits.spawnTimeoutMs)
          .catch((err: unknown) =>
            this.logger.error(
              { event: 'shard-respawn-failed', shardId: shard.id, err },
              'shard did not come back',
            ),
          );
      }, delayMs);
      this.respawnTimers.add(timer);
    });
  }

  private giveUp(): void {
    void this.stop().finally(() => {
      this.logger.flush();
      process.exit(1);
    });
  }

  /** Children still running. */
  get alive(): number {
    return [...this.manager.shards.values()].filter((s) => s.process && s.process.exitCode === null).length;
  }

  /**
   * SIGTERM to every child (each lets its replies finish), SIGKILL after stopTimeoutMs. Children that
   * already got the signal themselves (a Ctrl+C in the terminal reaches the whole group) are left to
   * finish. Idempotent.
   */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      this.stopping = true;
      for (const timer of this.respawnTimers) clearTimeout(timer);
      this.respawnTimers.clear();
      // Give a terminal's own signal a moment to be reported before signalling again.
      if (this.alive > this.stoppingOnTheirOwn.size) await sleep(this.limits.signalGraceMs);
      await Promise.all(
        [...this.manager.shards.values()].map(async (shard) => {
          const child = shard.process;
          if (!child || child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
          if (!this.stoppingOnTheirOwn.has(shard.id)) child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), this.limits.stopTimeoutMs);
          await exited;
          clearTimeout(timer);
        }),
      );
      this.logger.info({ event: 'shards-stopped', count: this.count }, 'every shard stopped');
    })();
    return this.stopped;
  }
}

function defaultShardFile(): string {
  return fileURLToPath(new URL('../../main.ts', import.meta.url));
}

/** The children run TypeScript like this process does: through tsx. */
function withTsx(execArgv: string[]): string[] {
  return execArgv.some((a) => a.includes('tsx')) ? execArgv : [...execArgv, '--import', 'tsx'];
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

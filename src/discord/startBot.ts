/**
 * Starting and stopping the Discord bot.
 *
 *   const bot = await startBot({ config, getEngine, learningLog?, logger? });
 *   bot.fatal.then((close) => ...);            // the gateway closed for good (bad token, intents)
 *   const { unsent } = await bot.stop();       // drains queued replies, then destroys the client
 *
 * Resolves once the gateway session is ready and, with `config.guildId`, the guild's commands are in
 * sync (fetched, and overwritten only when they differ). Logs the invite URL. Never logs the token.
 *
 * `stop()` drains: from its call every interaction gets an ephemeral "restarting, ask again in a
 * moment" and every chat question a 🔄 reaction, while the replies already queued are sent, for up to
 * `drainTimeoutMs` (config.drainSeconds). What is still unsent then is abandoned, logged at error with
 * a count by channel, and returned as `unsent` (the process should exit non-zero).
 */
import { Events, GatewayIntentBits, type Client, type Message } from 'discord.js';
import type { Logger } from 'pino';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { BotConfig } from '../config/env.js';
import type { LearningLog } from '../learn/types.js';
import { createLogger } from '../logging/logger.js';
import { createContext } from './BotContext.js';
import { fatalClose, type FatalClose } from './lifecycle/gatewayClose.js';
import { HealthFile } from './lifecycle/HealthFile.js';
import { syncCommands } from './commands/registerCommands.js';
import { createClient, intentsFor } from './createClient.js';
import { onGatewayInteractions } from './gateway/gatewayInteractions.js';
import { InFlight } from './InFlight.js';
import { inviteUrl } from './inviteUrl.js';
import { routeInteraction, routeMessage } from './router.js';

export interface StartBotOptions {
  config: BotConfig;
  /** Called for every question: a knowledge reload may swap the engine at any time. */
  getEngine: () => ConceptEngine;
  learningLog?: LearningLog;
  logger?: Logger;
  /** How long stop() waits for queued and in-flight replies (default config.drainSeconds). */
  drainTimeoutMs?: number;
}

export interface StopReport {
  /** Replies that could not be sent before the drain timeout. */
  unsent: number;
}

export interface RunningBot {
  client: Client;
  /** Drains (see above), destroys the client. Idempotent. */
  stop(): Promise<StopReport>;
  /** Resolves when the gateway closes with a code no reconnect can fix; never rejects. */
  fatal: Promise<FatalClose>;
}

/** After the drain deadline, how long handlers get to see their posts abandoned and finish. */
const SETTLE_MS = 1_000;

export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, getEngine } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: [config.token] });
  const client = createClient(config);
  const ctx = createContext({ client, config, getEngine, logger, learningLog: options.learningLog });
  const inFlight = new InFlight();
  const health = config.healthFile ? new HealthFile(config.healthFile, logger) : undefined;
  let destroyed = false;
  let onFatal!: (close: FatalClose) => void;
  const fatal = new Promise<FatalClose>((resolve) => (onFatal = resolve));

  // Routed until the client is destroyed: during the drain the router and handlers answer "restarting".
  onGatewayInteractions(client, (interaction, reply) => {
    if (destroyed) return;
    void inFlight.track(routeInteraction(ctx, interaction, reply));
  });
  client.on(Events.MessageCreate, (message: Message) => {
    if (destroyed) return;
    void inFlight.track(routeMessage(ctx, message));
  });
  client.on(Events.Error, (err) => logger.error({ event: 'client-error', err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ event: 'client-warning' }, message));
  client.on(Events.ShardDisconnect, (closeEvent, shardId) => {
    const fatalCode = fatalClose(closeEvent.code);
    if (fatalCode) {
      health?.set('failed');
      logger.fatal(
        { event: 'gateway-fatal', code: fatalCode.code, closeName: fatalCode.name, shardId },
        `gateway closed with ${fatalCode.code} (${fatalCode.name}): ${fatalCode.fix}`,
      );
      onFatal(fatalCode);
      return;
    }
    logger.warn({ event: 'gateway-disconnect', code: closeEvent.code, shardId }, 'gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    if (destroyed) return; // the client closing its own socket on stop
    health?.set('reconnecting');
    logger.info({ event: 'gateway-reconnecting', shardId });
  });
  client.on(Events.ShardResume, (shardId, replayed) => {
    health?.set('connected');
    logger.info({ event: 'gateway-resumed', shardId, replayed }, 'gateway resumed');
  });
  client.on(Events.ShardReady, () => health?.set('connected'));
  client.rest.on('rateLimited', (info) =>
    logger.warn(
      {
        event: 'rate-limited',
        route: info.route,
        method: info.method,
        retryAfterMs: info.retryAfter,
        global: info.global,
      },
      'rate limited',
    ),
  );

  const onUnhandledRejection = (reason: unknown) =>
    logger.error({ event: 'unhandled-rejection', err: reason }, 'unhandled promise rejection');
  process.on('unhandledRejection', onUnhandledRejection);

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    process.off('unhandledRejection', onUnhandledRejection);
    await health?.close();
    await client.destroy();
    throw error;
  }
  health?.set('connected');

  const applicationId = config.clientId ?? client.application?.id ?? client.user?.id;
  if (config.clientId && client.application && client.application.id !== config.clientId) {
    logger.warn(
      { event: 'config-mismatch', configured: config.clientId, actual: client.application.id },
      'DISCORD_CLIENT_ID does not match the application of DISCORD_TOKEN',
    );
  }
  logger.info(
    {
      event: 'ready',
      user: client.user?.tag,
      applicationId,
      guilds: client.guilds.cache.size,
      intents: intentsFor(config).map((bit) => GatewayIntentBits[bit]),
      answerChannels: config.answerChannelIds.length,
      sections: safeSectionCount(getEngine),
    },
    'bot ready',
  );
  if (applicationId) {
    logger.info({ event: 'invite', url: inviteUrl(applicationId) }, 'invite the bot with this URL');
    if (config.guildId) {
      try {
        await syncCommands(client.rest, applicationId, config.guildId, logger);
      } catch (err) {
        logger.error(
          { event: 'commands-failed', err, guildId: config.guildId },
          'could not register commands',
        );
      }
    }
  }

  let stopped: Promise<StopReport> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      ctx.drain.begin();
      health?.set('stopping');
      const drainMs = options.drainTimeoutMs ?? config.drainSeconds * 1000;
      const queued = ctx.outbox.pending;
      logger.info({ event: 'draining', queued, handlers: inFlight.size, drainMs }, 'sending queued replies');
      const finished = await inFlight.drain(drainMs);
      const abandoned = ctx.outbox.close();
      if (!finished) await inFlight.drain(SETTLE_MS);
      const unsent = abandoned.unsent + ctx.outbox.refused + inFlight.size;
      if (unsent > 0) {
        logger.error(
          {
            event: 'shutdown-unsent',
            unsent,
            queued: abandoned.unsent,
            unfinishedHandlers: inFlight.size,
            byChannel: abandoned.byChannel,
            drainMs,
          },
          `${unsent} repl${unsent === 1 ? 'y' : 'ies'} could not be sent within the ${drainMs / 1000} s drain`,
        );
      }
      destroyed = true;
      await client.destroy();
      await health?.close();
      process.off('unhandledRejection', onUnhandledRejection);
      logger.info({ event: 'stopped', unsent }, 'bot stopped');
      return { unsent };
    })();
    return stopped;
  };
  return { client, stop, fatal };
}

function safeSectionCount(getEngine: () => ConceptEngine): number | undefined {
  try {
    return getEngine().sectionCount;
  } catch {
    return undefined;
  }
}

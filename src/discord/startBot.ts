/**
 * Starting and stopping the Discord bot.
 *
 *   const bot = await startBot({ config, getEngine, learningLog?, logger? });
 *   ...
 *   await bot.stop(); // lets in-flight replies finish, then destroys the client
 *
 * Resolves once the gateway session is ready and, with `config.guildId`, the guild's commands are in
 * sync (fetched, and overwritten only when they differ). Logs the invite URL. Never logs the token.
 */
import { Events, GatewayIntentBits, type Client, type Message } from 'discord.js';
import type { Logger } from 'pino';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { BotConfig } from '../config/env.js';
import type { LearningLog } from '../learn/types.js';
import { createLogger } from '../logging/logger.js';
import { createContext } from './BotContext.js';
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
  /** How long stop() waits for in-flight replies (default 10 s). */
  drainTimeoutMs?: number;
}

export interface RunningBot {
  client: Client;
  /** Stops taking events, lets in-flight replies finish, destroys the client. Idempotent. */
  stop(): Promise<void>;
}

export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, getEngine } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: [config.token] });
  const client = createClient(config);
  const ctx = createContext({ client, config, getEngine, logger, learningLog: options.learningLog });
  const inFlight = new InFlight();
  let stopping = false;

  onGatewayInteractions(client, (interaction, reply) => {
    if (stopping) return;
    void inFlight.track(routeInteraction(ctx, interaction, reply));
  });
  client.on(Events.MessageCreate, (message: Message) => {
    if (stopping) return;
    void inFlight.track(routeMessage(ctx, message));
  });
  client.on(Events.Error, (err) => logger.error({ event: 'client-error', err }, 'client error'));
  client.on(Events.Warn, (message) => logger.warn({ event: 'client-warning' }, message));
  client.on(Events.ShardDisconnect, (closeEvent, shardId) =>
    logger.warn({ event: 'gateway-disconnect', code: closeEvent.code, shardId }, 'gateway disconnected'),
  );
  client.on(Events.ShardReconnecting, (shardId) => logger.info({ event: 'gateway-reconnecting', shardId }));
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ event: 'gateway-resumed', shardId, replayed }, 'gateway resumed'),
  );
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
    await client.destroy();
    throw error;
  }

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

  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      stopping = true;
      const drained = await inFlight.drain(options.drainTimeoutMs ?? 10_000);
      if (!drained)
        logger.warn({ event: 'shutdown-timeout', pending: inFlight.size }, 'gave up waiting for replies');
      await client.destroy();
      process.off('unhandledRejection', onUnhandledRejection);
      logger.info({ event: 'stopped' }, 'bot stopped');
    })();
    return stopped;
  };
  return { client, stop };
}

function safeSectionCount(getEngine: () => ConceptEngine): number | undefined {
  try {
    return getEngine().sectionCount;
  } catch {
    return undefined;
  }
}

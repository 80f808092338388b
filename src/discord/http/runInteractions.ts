import { REST, Routes } from 'discord.js';
import type { APIApplication } from 'discord-api-types/v10';
import { LiveEngine } from '../../answer/LiveEngine.js';
import { loadConfig } from '../../config/env.js';
import { JsonlLearningLog } from '../../learn/JsonlLearningLog.js';
import { createLogger } from '../../logging/logger.js';
import { createBotContext } from '../BotContext.js';
import { syncCommands } from '../commands/registerCommands.js';
import { learningLogFileName } from '../learningLogFileName.js';
import { handleShutdownSignals } from '../shutdown.js';
import { InteractionsServer } from './InteractionsServer.js';

/**
 * `npm start` with DISCORD_PUBLIC_KEY and INTERACTIONS_PORT: the Interactions Endpoint over HTTP, no
 * gateway. The knowledge is watched for hot reload and the learning log written, as in the gateway
 * bot. DISCORD_TOKEN is optional: with it (and DISCORD_GUILD_ID) the commands are registered on start,
 * and "Find answer" can reply to the message itself; follow-ups need only each interaction's token.
 */
export async function runInteractions(): Promise<void> {
  const config = loadConfig();
  const http = config.interactions;
  if (!http) throw new Error('HTTP mode needs DISCORD_PUBLIC_KEY and INTERACTIONS_PORT');
  const logger = createLogger({ level: config.logLevel, secrets: [config.token] }).child({ role: 'http' });
  const live = await LiveEngine.start(config.knowledgeDir, { logger });
  const learningLog = new JsonlLearningLog({
    dataDir: config.dataDir,
    logger,
    fileName: learningLogFileName({ kind: 'http', port: http.port }),
  });
  const rest = new REST({ api: config.apiUrl, retries: 3, timeout: 15_000 });
  if (config.token) rest.setToken(config.token);
  rest.on('rateLimited', (info) =>
    logger.warn(
      { event: 'rate-limited', route: info.route, method: info.method, retryAfterMs: info.retryAfter },
      'rate limited',
    ),
  );
  const ctx = createBotContext({
    config,
    getEngine: () => live.current,
    logger,
    learningLog,
    botRest: config.token ? rest : undefined,
  });

  let server: InteractionsServer;
  try {
    if (config.token && config.guildId) await registerGuildCommands(rest, config, logger);
    server = await InteractionsServer.start({
      publicKey: http.publicKey,
      port: http.port,
      host: http.host,
      ctx,
      rest,
      logger,
    });
  } catch (error) {
    live.close();
    await learningLog.close();
    throw error;
  }
  logger.info(
    {
      event: 'ready',
      mode: 'http',
      port: server.port,
      sections: live.current.sectionCount,
      postsAsBot: Boolean(config.token),
    },
    'set the Interactions Endpoint URL in the Developer Portal to https://<your host>/interactions',
  );
  const onUnhandledRejection = (reason: unknown) =>
    logger.error({ event: 'unhandled-rejection', err: reason }, 'unhandled promise rejection');
  process.on('unhandledRejection', onUnhandledRejection);
  handleShutdownSignals(
    async () => {
      await server.stop();
      live.close();
      await learningLog.close();
      process.off('unhandledRejection', onUnhandledRejection);
      logger.info({ event: 'stopped' }, 'interactions server stopped');
    },
    { logger },
  );
}

async function registerGuildCommands(
  rest: REST,
  config: { clientId: string | undefined; guildId: string | undefined },
  logger: ReturnType<typeof createLogger>,
): Promise<void> {
  try {
    const applicationId =
      config.clientId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
    await syncCommands(rest, applicationId, config.guildId, logger);
  } catch (err) {
    logger.error({ event: 'commands-failed', err, guildId: config.guildId }, 'could not register commands');
  }
}

import { LiveEngine } from './answer/LiveEngine.js';
import { loadConfig } from './config/env.js';
import { maskUrlCredentials } from './config/secretSafe.js';
import { EXIT_CONFIG, fatalLoginError } from './discord/lifecycle/gatewayClose.js';
import { gatewayProcess } from './discord/sharding/gatewayProcess.js';
import { createShutdown } from './discord/shutdown.js';
import { startBot, type RunningBot } from './discord/startBot.js';
import { JsonlLearningLog } from './learn/JsonlLearningLog.js';
import { createLogger } from './logging/logger.js';
import { redactSecrets } from './logging/redact.js';

/**
 * The bot process: validated configuration, the knowledge watched for hot reload, the log of
 * unanswered questions, the Discord client, and a clean stop on SIGINT/SIGTERM.
 *
 * Exit statuses (cli/exitCodes.ts): 0 after a clean stop; 1 when replies were still unsent at the end
 * of the drain, or the stop failed; 2 when a setting must change: invalid configuration, or Discord
 * refusing the token or the intents at login or later (a fatal gateway close), with a log line saying
 * what to fix.
 */
export async function runBot(): Promise<void> {
  const config = loadConfig({ requireToken: true });
  // Sharded: this process's shard ids, its own learning-log file, and its turn to identify.
  const shards = gatewayProcess(config);
  const logger = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: [config.token],
  }).child(shards.logBindings);
  const live = await LiveEngine.start(config.knowledgeDir, { logger });
  const learningLog = new JsonlLearningLog({
    dataDir: config.dataDir,
    logger,
    fileName: shards.learningLogFileName,
  });
  await shards.beforeLogin(logger);
  let bot: RunningBot;
  try {
    bot = await startBot({ config, getEngine: () => live.current, learningLog, logger });
  } catch (error) {
    live.close();
    await learningLog.close();
    const fatal = fatalLoginError(error);
    if (fatal) {
      logger.fatal(
        { event: 'gateway-fatal', code: fatal.code, closeName: fatal.name },
        `could not log in to Discord (${fatal.name}): ${fatal.fix}`,
      );
      process.exit(EXIT_CONFIG);
    }
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), [config.token]);
    // The cause is left out on purpose: its message and stack may carry the URL's credentials.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`could not connect to Discord at ${maskUrlCredentials(config.apiUrl)}: ${reason}`);
  }
  const shutdown = createShutdown(
    async () => {
      const { unsent } = await bot.stop();
      live.close();
      await learningLog.close();
      return unsent > 0 ? 1 : 0;
    },
    // Past the drain, the client and the learning log need a moment to close.
    { logger, timeoutMs: config.drainSeconds * 1000 + 10_000 },
  );
  void bot.fatal.then(() => shutdown.begin('gateway-fatal', EXIT_CONFIG));
}

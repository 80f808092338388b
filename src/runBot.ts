import { LiveEngine } from './answer/LiveEngine.js';
import { loadConfig } from './config/env.js';
import { gatewayProcess } from './discord/sharding/gatewayProcess.js';
import { handleShutdownSignals } from './discord/shutdown.js';
import { startBot } from './discord/startBot.js';
import { JsonlLearningLog } from './learn/JsonlLearningLog.js';
import { createLogger } from './logging/logger.js';

/**
 * The bot process: validated configuration, the knowledge watched for hot reload, the log of
 * unanswered questions, the Discord client, and a clean stop on SIGINT/SIGTERM.
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
  const bot = await startBot({ config, getEngine: () => live.current, learningLog, logger }).catch(
    (error: unknown) => {
      live.close();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`could not connect to Discord at ${config.apiUrl}: ${reason}`);
    },
  );
  handleShutdownSignals(
    async () => {
      await bot.stop();
      live.close();
      await learningLog.close();
    },
    { logger },
  );
}

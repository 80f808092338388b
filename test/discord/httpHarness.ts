/**
 * HTTP-mode e2e setup: the loopback emulator delivering signed interactions to the real
 * InteractionsServer (same router and handlers as the gateway bot), commands registered as a deploy
 * would register them.
 */
import { REST } from 'discord.js';
import type { ConceptEngine } from '../../src/answer/ConceptEngine.js';
import { loadEngine } from '../../src/answer/loadEngine.js';
import { parseConfig, type AppConfig } from '../../src/config/env.js';
import { createBotContext } from '../../src/discord/BotContext.js';
import { syncCommands } from '../../src/discord/commands/registerCommands.js';
import {
  InteractionsServer,
  type InteractionsServerOptions,
} from '../../src/discord/http/InteractionsServer.js';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import { DiscordEmulator } from '../emulator/DiscordEmulator.js';
import { LogCapture, REAL_KNOWLEDGE, RecordingLearningLog, type EngineRef } from './harness.js';

export interface HttpHarness {
  emu: DiscordEmulator;
  server: InteractionsServer;
  config: AppConfig;
  engineRef: EngineRef;
  logs: LogCapture;
  logger: Logger;
  learning: RecordingLearningLog;
  close(): Promise<void>;
}

export interface HttpHarnessOptions {
  engine?: ConceptEngine;
  /** Give the server the bot token too (channel posts for "Find answer"). Default false. */
  withToken?: boolean;
  env?: Record<string, string>;
  emulator?: Parameters<typeof DiscordEmulator.start>[0];
  limits?: InteractionsServerOptions['limits'];
}

export async function startHttpHarness(options: HttpHarnessOptions = {}): Promise<HttpHarness> {
  const emu = await DiscordEmulator.start(options.emulator);
  const engine = options.engine ?? (await loadEngine(REAL_KNOWLEDGE));
  const engineRef: EngineRef = { current: engine, fail: false };
  const config = parseConfig({
    ...(options.withToken ? { DISCORD_TOKEN: emu.token } : {}),
    DISCORD_API_URL: emu.apiUrl,
    DISCORD_PUBLIC_KEY: emu.publicKey,
    INTERACTIONS_PORT: '8080',
    INTERACTIONS_HOST: '127.0.0.1',
    COOLDOWN_SECONDS: '0',
    DUPLICATE_WINDOW_SECONDS: '0',
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logs = new LogCapture();
  const logger = createLogger({ level: 'debug', destination: logs, secrets: [emu.token] });
  const learning = new RecordingLearningLog();
  const rest = new REST({ api: emu.apiUrl, retries: 3, timeout: 15_000 });
  if (options.withToken) rest.setToken(emu.token);
  const ctx = createBotContext({
    config,
    getEngine: () => {
      if (engineRef.fail) throw new Error('engine exploded (test)');
      return engineRef.current;
    },
    logger,
    learningLog: learning,
    botRest: options.withToken ? rest : undefined,
  });
  // Commands are registered with the bot token once (npm run deploy-commands); HTTP mode itself needs none.
  await syncCommands(new REST({ api: emu.apiUrl }).setToken(emu.token), emu.applicationId, emu.guildId);
  const server = await InteractionsServer.start({
    publicKey: emu.publicKey,
    port: 0,
    host: '127.0.0.1',
    ctx,
    rest,
    logger,
    limits: options.limits,
  });
  emu.setInteractionsEndpoint(server.url);
  return {
    emu,
    server,
    config,
    engineRef,
    logs,
    logger,
    learning,
    close: async () => {
      await server.stop();
      await emu.stop();
    },
  };
}

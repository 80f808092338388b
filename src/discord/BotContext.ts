/**
 * What every handler needs: configuration, the current engine, logging, and the bot's safety state.
 * `BotContext` is the same for every transport (gateway, HTTP interactions); `GatewayContext` adds the
 * discord.js client, which only the chat-message handler needs.
 */
import type { Client, REST } from 'discord.js';
import type { Logger } from 'pino';
import type { ConceptEngine } from '../answer/ConceptEngine.js';
import type { AppConfig, BotConfig } from '../config/env.js';
import type { LearningEvent, LearningLog } from '../learn/types.js';
import { DrainState } from './lifecycle/DrainState.js';
import { Outbox } from './lifecycle/Outbox.js';
import { SendFailureLog } from './reply/sendFailures.js';
import { AnswerMemory } from './safety/AnswerMemory.js';
import { RateLimits } from './safety/RateLimits.js';
import { RecentPosts } from './safety/RecentPosts.js';

export interface BotContext {
  config: AppConfig;
  /** Always call: a knowledge reload may swap the engine at any time. */
  getEngine: () => ConceptEngine;
  logger: Logger;
  /** Per-user question allowance (QUESTION_BURST, COOLDOWN_SECONDS). */
  limits: RateLimits;
  recentPosts: RecentPosts;
  /** Posts to channels, one at a time per channel, answers first; drained on stop. */
  outbox: Outbox;
  /** Set when the bot is stopping: interactions get "restarting", questions are not answered. */
  drain: DrainState;
  memory: AnswerMemory;
  sendFailures: SendFailureLog;
  /** Records a learning event without waiting and without ever throwing. */
  learn: (event: LearningEvent) => void;
  /** REST authenticated with the bot token, for posting in channels; absent when there is no token. */
  botRest: REST | undefined;
}

export interface GatewayContext extends BotContext {
  client: Client;
  config: BotConfig;
}

export const noopLearningLog: LearningLog = { record: () => undefined };

export interface BotContextOptions {
  config: AppConfig;
  getEngine: () => ConceptEngine;
  logger: Logger;
  learningLog?: LearningLog;
  botRest?: REST;
}

export function createBotContext(options: BotContextOptions): BotContext {
  const { logger } = options;
  const log = options.learningLog ?? noopLearningLog;
  return {
    config: options.config,
    getEngine: options.getEngine,
    logger,
    limits: new RateLimits({
      burst: options.config.questionBurst,
      refillSeconds: options.config.cooldownSeconds,
    }),
    recentPosts: new RecentPosts(options.config.duplicateWindowSeconds),
    outbox: new Outbox(),
    drain: new DrainState(),
    memory: new AnswerMemory(),
    sendFailures: new SendFailureLog(logger),
    botRest: options.botRest,
    learn: (event) => {
      try {
        const result: unknown = log.record(event);
        if (result instanceof Promise)
          result.catch((err: unknown) => logger.warn({ err, event: 'learning-log' }));
      } catch (err) {
        logger.warn({ err, event: 'learning-log' }, 'learning log failed');
      }
    },
  };
}

export function createContext(options: {
  client: Client;
  config: BotConfig;
  getEngine: () => ConceptEngine;
  logger: Logger;
  learningLog?: LearningLog;
}): GatewayContext {
  const { client, config, ...rest } = options;
  return { ...createBotContext({ ...rest, config, botRest: client.rest }), client, config };
}

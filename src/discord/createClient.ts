/** The discord.js client as this bot needs it: minimal intents, no pings by default, patient REST. */
import { Client, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import type { BotConfig } from '../config/env.js';

export function intentsFor(config: Pick<BotConfig, 'answerChannelIds'>): GatewayIntentBits[] {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  // Plain (non-mention) questions in answer channels need the privileged Message Content intent.
  if (config.answerChannelIds.length > 0) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

export function clientOptions(config: BotConfig): ClientOptions {
  // A sharded process runs exactly its shard ids (see sharding/gatewayProcess.ts).
  const sharding =
    config.shards?.ids && typeof config.shards.count === 'number'
      ? { shards: config.shards.ids, shardCount: config.shards.count }
      : {};
  return {
    ...sharding,
    intents: intentsFor(config),
    partials: [Partials.Channel],
    // Nothing the bot sends may ping @everyone, @here, roles or users unless a message says otherwise.
    allowedMentions: { parse: [], repliedUser: false },
    failIfNotExists: false,
    rest: { api: config.apiUrl, retries: 3, timeout: 15_000 },
  };
}

export function createClient(config: BotConfig): Client {
  return new Client(clientOptions(config));
}

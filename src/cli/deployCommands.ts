/**
 * `npm run deploy-commands`: registers the bot's commands globally (they can take a while to appear
 * everywhere). Needs DISCORD_TOKEN; DISCORD_CLIENT_ID is optional (asked from Discord when unset).
 * Pushes only when the registered commands differ. `--guild` registers to DISCORD_GUILD_ID instead.
 */
import { REST, Routes } from 'discord.js';
import type { APIApplication } from 'discord-api-types/v10';
import { ConfigError, loadConfig } from '../config/env.js';
import { syncCommands } from '../discord/commands/registerCommands.js';
import { inviteUrl } from '../discord/inviteUrl.js';
import { createLogger } from '../logging/logger.js';
import { parseCommandLine, type CommandLineSpec, type FlagSpecs } from './commandLine.js';

const SPEC = {
  command: 'deploy-commands',
  usage: ['[--guild]'],
  details: `Needs DISCORD_TOKEN; DISCORD_CLIENT_ID is optional (asked from Discord when unset). Pushes only
when the registered commands differ. Global commands can take a while to appear everywhere.`,
  flags: {
    guild: { type: 'boolean', help: 'register to the server DISCORD_GUILD_ID instead (instant)' },
  },
} as const satisfies CommandLineSpec<FlagSpecs>;

async function main(): Promise<number> {
  const { flags } = parseCommandLine(SPEC);
  let config;
  try {
    config = loadConfig({ requireToken: true });
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  const logger = createLogger({
    level: config.logLevel,
    format: config.logFormat,
    secrets: [config.token],
    name: 'deploy-commands',
  });
  const guild = flags.guild;
  if (guild && !config.guildId) {
    console.error('--guild needs DISCORD_GUILD_ID to be set');
    return 2;
  }
  const rest = new REST({ api: config.apiUrl, retries: 3, timeout: 15_000 }).setToken(config.token);
  const applicationId =
    config.clientId ?? ((await rest.get(Routes.currentApplication())) as APIApplication).id;
  const result = await syncCommands(rest, applicationId, guild ? config.guildId : undefined, logger);
  console.log(
    `${result.changed ? 'Registered' : 'Already up to date:'} ${result.count} commands ${result.scope === 'guild' ? `in guild ${config.guildId}` : 'globally (may take up to an hour to appear)'}.`,
  );
  console.log(`Invite URL: ${inviteUrl(applicationId)}`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`deploy-commands failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);

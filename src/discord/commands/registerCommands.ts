/** Pushing the command definitions to Discord: per guild on start (only when changed), or globally. */
import { Routes, type REST } from 'discord.js';
import type { Logger } from 'pino';
import { commandDefinitions } from './definitions.js';
import { sameCommands } from './sameCommands.js';

export interface RegisterResult {
  scope: 'guild' | 'global';
  changed: boolean;
  count: number;
}

/** Reads the current commands and overwrites them only when they differ from ours. */
export async function syncCommands(
  rest: REST,
  applicationId: string,
  guildId: string | undefined,
  logger?: Logger,
  definitions: readonly unknown[] = commandDefinitions,
): Promise<RegisterResult> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const scope = guildId ? 'guild' : 'global';
  const current = (await rest.get(route)) as unknown[];
  if (sameCommands(definitions, current)) {
    logger?.info(
      { event: 'commands', scope, guildId, changed: false, count: definitions.length },
      'commands up to date',
    );
    return { scope, changed: false, count: definitions.length };
  }
  await rest.put(route, { body: definitions });
  logger?.info(
    { event: 'commands', scope, guildId, changed: true, count: definitions.length },
    'commands registered',
  );
  return { scope, changed: true, count: definitions.length };
}

import { ExitCode } from '../../cli/exitCodes.js';

/**
 * Gateway close codes after which reconnecting cannot help: the process must stop, say what to fix and
 * exit non-zero, so a supervisor (systemd `Restart=on-failure`, Docker) notices.
 */
export interface FatalClose {
  code: number;
  /** Discord's name for the code. */
  name: string;
  /** What the operator must do. */
  fix: string;
}

const FATAL: Record<number, Omit<FatalClose, 'code'>> = {
  4004: {
    name: 'Authentication failed',
    fix: 'Discord refused the bot token (it was reset or is wrong): reset it in the Developer Portal (your app › Bot › Reset Token) and set DISCORD_TOKEN to the new token',
  },
  4010: {
    name: 'Invalid shard',
    fix: 'the shard settings are invalid: check SHARD_COUNT and SHARD_IDS',
  },
  4011: {
    name: 'Sharding required',
    fix: 'the bot is in too many servers for one gateway connection: set SHARD_COUNT=auto',
  },
  4012: {
    name: 'Invalid API version',
    fix: 'this discord.js speaks a gateway version Discord no longer accepts: update the dependencies (npm update discord.js)',
  },
  4013: {
    name: 'Invalid intents',
    fix: 'the bot asked for intents Discord does not know: update the dependencies (npm update discord.js)',
  },
  4014: {
    name: 'Disallowed intents',
    fix: 'the bot asked for a privileged intent the application is not approved for: enable Message Content Intent in the Developer Portal (your app › Bot › Privileged Gateway Intents), or unset ANSWER_CHANNEL_IDS',
  },
};

/** The fatal close for `code`, or undefined when the client may reconnect. */
export function fatalClose(code: number): FatalClose | undefined {
  const known = FATAL[code];
  return known && { code, ...known };
}

/** Reads a fatal close out of a login failure (discord.js rejects login with its own messages). */
export function fatalLoginError(error: unknown): FatalClose | undefined {
  const text =
    error instanceof Error
      ? `${error.name} ${error.message} ${String((error as { code?: unknown }).code ?? '')}`
      : String(error);
  if (/TokenInvalid|invalid token|Authentication failed/i.test(text)) return fatalClose(4004);
  if (/disallowed intents/i.test(text)) return fatalClose(4014);
  if (/invalid intents/i.test(text)) return fatalClose(4013);
  if (/sharding is required/i.test(text)) return fatalClose(4011);
  if (/invalid shard/i.test(text)) return fatalClose(4010);
  if (/invalid API version/i.test(text)) return fatalClose(4012);
  return undefined;
}

/** Exit status for a setting to fix, which no restart can: the project's "configuration error" status. */
export const EXIT_CONFIG = ExitCode.usage;

/**
 * Structured logging: pino, one event a line, as JSON or, for a person at a terminal, as a readable line
 * (pino-pretty): `LOG_FORMAT` decides, and unset it is pretty when stdout is a terminal, JSON otherwise.
 * Secrets never reach the output, in either format: known paths are redacted, and every finished line
 * goes through `redactSecrets` (redact.ts) before it is written: registered secret strings (the bot
 * token), interaction and webhook tokens in URLs, token-shaped strings and URL credentials.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import pretty from 'pino-pretty';
import type { LogFormat, LogLevel } from '../config/env.js';
import { colorEnabled } from '../terminal/colorSupport.js';
import { redactSecrets } from './redact.js';

export type { Logger } from 'pino';

/** Object paths whose values are always replaced with `[redacted]`. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'config.token',
  'DISCORD_TOKEN',
  '*.DISCORD_TOKEN',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'headers.Authorization',
  '*.headers.Authorization',
];

export interface LoggerOptions {
  level?: LogLevel;
  /** Where lines go (default stdout). Tests pass a memory stream. */
  destination?: DestinationStream;
  /** Strings to scrub wherever they appear in messages or error text (the bot token). */
  secrets?: (string | undefined)[];
  name?: string;
  /** Default: pretty when the lines go to stdout and stdout is a terminal, else JSON. */
  format?: LogFormat;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = (options.secrets ?? []).filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (text: string): string => secrets.reduce((t, s) => t.split(s).join('[redacted]'), text);
  return pino(
    {
      name: options.name ?? 'concept-bot',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: {
        err: (err: unknown) => {
          const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
          for (const key of ['message', 'stack', 'url']) {
            if (typeof out[key] === 'string') out[key] = scrub(out[key] as string);
          }
          return out;
        },
      },
      hooks: {
        streamWrite: (line) => redactSecrets(line, secrets),
        logMethod(args, method) {
          if (secrets.length > 0) {
            for (let i = 0; i < args.length; i++) {
              if (typeof args[i] === 'string') args[i] = scrub(args[i] as string);
            }
          }
          method.apply(this, args as Parameters<typeof method>);
        },
      },
    },
    destinationFor(options),
  );
}

function destinationFor(options: LoggerOptions): DestinationStream {
  const toStdout = options.destination === undefined;
  const format = options.format ?? (toStdout && process.stdout.isTTY ? 'pretty' : 'json');
  if (format === 'json') return options.destination ?? pino.destination({ dest: 1, sync: true });
  return pretty({
    destination: options.destination ?? 1,
    sync: true,
    colorize: colorEnabled(toStdout ? process.stdout : {}),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
}

/** A logger that writes nothing (library default). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

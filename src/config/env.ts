/**
 * The bot's configuration, read in one place: `.env` (loaded once by dotenv) then `process.env`,
 * validated with zod. Every bad or missing variable is reported at once, each named with what is wrong.
 * No value that may be a secret appears in an error message (see secretSafe.ts: a token pasted into the
 * wrong variable is described, not echoed; a URL's credentials are masked), and `BotConfig.toJSON`
 * hides the token from loggers.
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { maskUrlCredentials, showValue } from './secretSafe.js';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
/** `pretty`: one readable line an event; `json`: pino's JSON lines. Unset: pretty on a terminal, else JSON. */
export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export const DEFAULTS = {
  apiUrl: 'https://discord.com/api',
  knowledgeDir: './knowledge',
  dataDir: './data',
  cooldownSeconds: 5,
  questionBurst: 4,
  duplicateWindowSeconds: 120,
  drainSeconds: 10,
  logLevel: 'info',
  interactionsHost: '0.0.0.0',
} as const satisfies Record<string, string | number>;

/** Gateway sharding: how many shards the bot has in all, and which of them this process runs. */
export interface ShardConfig {
  /** `auto`: the count Discord recommends (`GET /gateway/bot`). */
  count: number | 'auto';
  /** The shard ids this process runs in one client (`SHARD_IDS`); unset: every shard, a process each. */
  ids: number[] | undefined;
}

/** Discord's Interactions Endpoint served over HTTP (no gateway connection). */
export interface InteractionsConfig {
  /** The application's Ed25519 public key, 64 hex digits. */
  publicKey: string;
  port: number;
  host: string;
}

/** Everything the Discord front end needs; `token` is present when the bot is to run. */
export interface AppConfig {
  token: string | undefined;
  /** Application id; when unset the bot asks Discord (`client.application.id`). */
  clientId: string | undefined;
  /** Guild to register commands to on start; unset means no registration on start. */
  guildId: string | undefined;
  /** REST base, without the version (`https://discord.com/api`). */
  apiUrl: string;
  /** Channels where plain questions (no mention) are answered; needs the Message Content intent. */
  answerChannelIds: string[];
  knowledgeDir: string;
  dataDir: string;
  /** Per-user limit: seconds to earn back one question once the burst is used; 0 turns limits off. */
  cooldownSeconds: number;
  /** Per-user limit: questions a user may ask at once (always answered). */
  questionBurst: number;
  /** On SIGTERM/SIGINT, how long queued replies may take to send before the bot gives up on them. */
  drainSeconds: number;
  /** A file the bot rewrites while connected, for a container healthcheck; unset writes none. */
  healthFile: string | undefined;
  /** A channel does not get the same section twice within this window; 0 disables it. */
  duplicateWindowSeconds: number;
  logLevel: LogLevel;
  /** Set when `SHARD_COUNT` is; unset runs one gateway connection (one shard). */
  shards: ShardConfig | undefined;
  /** Set when `DISCORD_PUBLIC_KEY` and `INTERACTIONS_PORT` are: `npm start` serves HTTP interactions. */
  interactions: InteractionsConfig | undefined;
  /** Undefined: chosen by the log's destination (pretty on a terminal, JSON otherwise). */
  logFormat: LogFormat | undefined;
}

export interface BotConfig extends AppConfig {
  token: string;
}

export interface ConfigIssue {
  variable: string;
  message: string;
}

/** Thrown when the environment is invalid; `message` lists every problem, one a line. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(
      `Invalid configuration (${issues.length} problem${issues.length === 1 ? '' : 's'}; see .env.example):\n` +
        issues.map((i) => `  - ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const SNOWFLAKE = /^\d{17,20}$/;
const TOKEN_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** Blank values (`VAR=` in .env) count as unset; others are trimmed. */
function blankToUndefined(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

const snowflake = (what: string) =>
  z.string().regex(SNOWFLAKE, {
    error: (iss) => `must be ${what} (a Discord id of 17-20 digits), got ${showValue(iss.input)}`,
  });

const seconds = (fallback: number, max: number) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return fallback;
        const n = Number(v);
        if (!/^\d+(\.\d+)?$/.test(v) || !Number.isFinite(n) || n > max) {
          ctx.addIssue({
            code: 'custom',
            message: `must be a number of seconds from 0 to ${max}, got ${showValue(v)}`,
          });
          return z.NEVER;
        }
        return n;
      }),
  );

const wholeNumber = (fallback: number, min: number, max: number, what: string) =>
  z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return fallback;
        const n = Number(v);
        if (!/^\d+$/.test(v) || n < min || n > max) {
          ctx.addIssue({
            code: 'custom',
            message: `must be a whole number of ${what} from ${min} to ${max}, got ${showValue(v)}`,
          });
          return z.NEVER;
        }
        return n;
      }),
  );

/** Most shards a bot can ask for here: far above what Discord recommends for the largest bots. */
export const MAX_SHARDS = 100_000;

const shardCount = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx): number | 'auto' | undefined => {
      if (v === undefined) return undefined;
      if (v.toLowerCase() === 'auto') return 'auto';
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1 || n > MAX_SHARDS) {
        ctx.addIssue({
          code: 'custom',
          message: `must be "auto" or a whole number of shards from 1 to ${MAX_SHARDS}, got ${showValue(v)}`,
        });
        return z.NEVER;
      }
      return n;
    }),
);

/** `0-3`, `4`, `0-1,6-7`: shard ids and inclusive ranges, comma-separated; sorted, without repeats. */
const shardIds = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx): number[] | undefined => {
      if (v === undefined) return undefined;
      const ids = new Set<number>();
      for (const part of v.split(',').map((p) => p.trim())) {
        const m = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
        const from = m ? Number(m[1]) : NaN;
        const to = m ? Number(m[2] ?? m[1]) : NaN;
        if (!m || to < from || to >= MAX_SHARDS) {
          ctx.addIssue({
            code: 'custom',
            message: `must be shard ids or ranges such as "0-3" or "0,2,4-5", got ${showValue(v)}`,
          });
          return z.NEVER;
        }
        for (let id = from; id <= to; id++) ids.add(id);
      }
      return [...ids].sort((a, b) => a - b);
    }),
);

const HEX_KEY = /^[0-9a-f]{64}$/i;

const port = z.preprocess(
  blankToUndefined,
  z
    .string()
    .optional()
    .transform((v, ctx): number | undefined => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1 || n > 65_535) {
        ctx.addIssue({ code: 'custom', message: `must be a TCP port from 1 to 65535, got ${showValue(v)}` });
        return z.NEVER;
      }
      return n;
    }),
);

function tokenSchema(required: boolean) {
  const shape = z.string().refine((t) => !/^bot\s/i.test(t), {
    error: 'must be the bare token, without the "Bot " prefix',
  });
  const checked = shape.refine((t) => /^bot\s/i.test(t) || TOKEN_SHAPE.test(t), {
    error:
      'does not look like a bot token (three dot-separated parts); copy it again from the Developer Portal',
  });
  const missing = 'is missing: set it to the bot token (Developer Portal › your app › Bot › Reset Token)';
  return z.preprocess(
    blankToUndefined,
    required ? z.string({ error: missing }).pipe(checked) : checked.optional(),
  );
}

function schema(requireToken: boolean) {
  return z.object({
    DISCORD_TOKEN: tokenSchema(requireToken),
    DISCORD_CLIENT_ID: optional(snowflake('the application id')),
    DISCORD_GUILD_ID: optional(snowflake('the server (guild) id')),
    DISCORD_API_URL: z.preprocess(
      blankToUndefined,
      z
        .string()
        .optional()
        .transform((v, ctx) => {
          if (v === undefined) return DEFAULTS.apiUrl;
          let url: URL;
          try {
            url = new URL(v);
          } catch {
            ctx.addIssue({
              code: 'custom',
              message: `must be an http(s) URL such as ${DEFAULTS.apiUrl}, got ${showValue(maskUrlCredentials(v))}`,
            });
            return z.NEVER;
          }
          if (url.protocol !== 'http:' && url.protocol !== 'https:') {
            ctx.addIssue({
              code: 'custom',
              message: `must use http or https, got ${showValue(url.protocol)}`,
            });
            return z.NEVER;
          }
          if (/\/v\d+\/?$/.test(url.pathname)) {
            ctx.addIssue({
              code: 'custom',
              message: `must be the REST base without the version (${DEFAULTS.apiUrl}, not …/v10), got ${showValue(maskUrlCredentials(v))}`,
            });
            return z.NEVER;
          }
          return v.replace(/\/+$/, '');
        }),
    ),
    ANSWER_CHANNEL_IDS: z.preprocess(
      blankToUndefined,
      z
        .string()
        .optional()
        .transform((v, ctx) => {
          const ids = (v ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '');
          const bad = ids.filter((id) => !SNOWFLAKE.test(id));
          if (bad.length > 0) {
            ctx.addIssue({
              code: 'custom',
              message: `must be comma-separated channel ids (17-20 digits each); not ids: ${bad.map(showValue).join(', ')}`,
            });
            return z.NEVER;
          }
          return [...new Set(ids)];
        }),
    ),
    KNOWLEDGE_DIR: z.preprocess(blankToUndefined, z.string().default(DEFAULTS.knowledgeDir)),
    DATA_DIR: z.preprocess(blankToUndefined, z.string().default(DEFAULTS.dataDir)),
    COOLDOWN_SECONDS: seconds(DEFAULTS.cooldownSeconds, 3600),
    QUESTION_BURST: wholeNumber(DEFAULTS.questionBurst, 1, 100, 'questions'),
    DUPLICATE_WINDOW_SECONDS: seconds(DEFAULTS.duplicateWindowSeconds, 86_400),
    SHUTDOWN_DRAIN_SECONDS: seconds(DEFAULTS.drainSeconds, 600),
    HEALTH_FILE: optional(z.string()),
    LOG_LEVEL: z.preprocess(
      (v) =>
        typeof blankToUndefined(v) === 'string' ? (blankToUndefined(v) as string).toLowerCase() : undefined,
      z
        .enum(LOG_LEVELS, {
          error: (iss) => `must be one of ${LOG_LEVELS.join(', ')}, got ${showValue(iss.input)}`,
        })
        .default(DEFAULTS.logLevel),
    ),
    SHARD_COUNT: shardCount,
    SHARD_IDS: shardIds,
    DISCORD_PUBLIC_KEY: optional(
      z.string().regex(HEX_KEY, {
        error:
          "must be the application's public key: 64 hex digits (Developer Portal › your app › General Information)",
      }),
    ),
    INTERACTIONS_PORT: port,
    INTERACTIONS_HOST: z.preprocess(blankToUndefined, z.string().default(DEFAULTS.interactionsHost)),
    LOG_FORMAT: z.preprocess(
      (v) =>
        typeof blankToUndefined(v) === 'string' ? (blankToUndefined(v) as string).toLowerCase() : undefined,
      z
        .enum(LOG_FORMATS, {
          error: (iss) => `must be one of ${LOG_FORMATS.join(', ')} (or unset), got "${String(iss.input)}"`,
        })
        .optional(),
    ),
  });
}

type ParsedEnv = z.infer<ReturnType<typeof schema>>;

/** Rules that tie variables together; each problem names the variable to change. */
function crossChecks(v: ParsedEnv): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  if (v.SHARD_IDS !== undefined) {
    if (typeof v.SHARD_COUNT !== 'number') {
      issues.push({
        variable: 'SHARD_COUNT',
        message: `must be a fixed number of shards when SHARD_IDS is set (every process must agree on it), got ${v.SHARD_COUNT === undefined ? 'nothing' : '"auto"'}`,
      });
    } else {
      const outside = v.SHARD_IDS.filter((id) => id >= (v.SHARD_COUNT as number));
      if (outside.length > 0) {
        issues.push({
          variable: 'SHARD_IDS',
          message: `shard ids run from 0 to SHARD_COUNT - 1 (${v.SHARD_COUNT - 1}); out of range: ${outside.slice(0, 5).join(', ')}`,
        });
      }
    }
  }
  if (v.DISCORD_PUBLIC_KEY !== undefined && v.INTERACTIONS_PORT === undefined) {
    issues.push({
      variable: 'INTERACTIONS_PORT',
      message: 'is needed with DISCORD_PUBLIC_KEY: the port to serve the Interactions Endpoint on',
    });
  }
  if (v.INTERACTIONS_PORT !== undefined && v.DISCORD_PUBLIC_KEY === undefined) {
    issues.push({
      variable: 'DISCORD_PUBLIC_KEY',
      message: "is needed with INTERACTIONS_PORT: requests are verified with the application's public key",
    });
  }
  return issues;
}

/** Validates an environment; throws `ConfigError` listing every problem. Token optional (local console). */
export function parseConfig(env: Env, options: { requireToken?: boolean } = {}): AppConfig {
  const result = schema(options.requireToken ?? false).safeParse(env);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? 'environment'),
      message: issue.message,
    }));
    throw new ConfigError(issues);
  }
  const v = result.data;
  const issues = crossChecks(v);
  if (issues.length > 0) throw new ConfigError(issues);
  return hideToken({
    token: v.DISCORD_TOKEN,
    clientId: v.DISCORD_CLIENT_ID,
    guildId: v.DISCORD_GUILD_ID,
    apiUrl: v.DISCORD_API_URL,
    answerChannelIds: v.ANSWER_CHANNEL_IDS,
    knowledgeDir: v.KNOWLEDGE_DIR,
    dataDir: v.DATA_DIR,
    cooldownSeconds: v.COOLDOWN_SECONDS,
    questionBurst: v.QUESTION_BURST,
    duplicateWindowSeconds: v.DUPLICATE_WINDOW_SECONDS,
    drainSeconds: v.SHUTDOWN_DRAIN_SECONDS,
    healthFile: v.HEALTH_FILE,
    logLevel: v.LOG_LEVEL,
    shards: v.SHARD_COUNT === undefined ? undefined : { count: v.SHARD_COUNT, ids: v.SHARD_IDS },
    interactions:
      v.DISCORD_PUBLIC_KEY !== undefined && v.INTERACTIONS_PORT !== undefined
        ? {
            publicKey: v.DISCORD_PUBLIC_KEY.toLowerCase(),
            port: v.INTERACTIONS_PORT,
            host: v.INTERACTIONS_HOST,
          }
        : undefined,
    logFormat: v.LOG_FORMAT,
  });
}

/** Validates an environment for running the bot: `DISCORD_TOKEN` is required. */
export function parseBotConfig(env: Env): BotConfig {
  return parseConfig(env, { requireToken: true }) as BotConfig;
}

let dotenvLoaded = false;

/** Loads `.env` into `process.env` once (variables already set win) and returns `process.env`. */
export function readEnvironment(path?: string): NodeJS.ProcessEnv {
  if (!dotenvLoaded) {
    loadDotenv({ quiet: true, ...(path ? { path } : {}) });
    dotenvLoaded = true;
  }
  return process.env;
}

/** `.env` + environment → validated config. Pass `requireToken: true` to run the bot. */
export function loadConfig(options: { requireToken: true; envFile?: string }): BotConfig;
export function loadConfig(options?: { requireToken?: boolean; envFile?: string }): AppConfig;
export function loadConfig(options: { requireToken?: boolean; envFile?: string } = {}): AppConfig {
  return parseConfig(readEnvironment(options.envFile), { requireToken: options.requireToken ?? false });
}

/** Makes the token invisible to JSON.stringify, util.inspect-based loggers and pino. */
function hideToken<T extends AppConfig>(config: T): T {
  Object.defineProperty(config, 'toJSON', {
    enumerable: false,
    value: () => ({
      ...config,
      token: config.token === undefined ? undefined : '[redacted]',
      apiUrl: maskUrlCredentials(config.apiUrl),
    }),
  });
  return config;
}

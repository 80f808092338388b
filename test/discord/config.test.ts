import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseBotConfig, parseConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/logging/logger.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('config', () => {
  it('applies defaults', () => {
    const c = parseBotConfig({ DISCORD_TOKEN: TOKEN });
    expect(c).toMatchObject({
      token: TOKEN,
      clientId: undefined,
      guildId: undefined,
      apiUrl: 'https://discord.com/api',
      answerChannelIds: [],
      knowledgeDir: './knowledge',
      dataDir: './data',
      cooldownSeconds: 5,
      questionBurst: 4,
      duplicateWindowSeconds: 120,
      drainSeconds: 10,
      healthFile: undefined,
      logLevel: 'info',
    });
  });

  it('parses every variable', () => {
    const c = parseBotConfig({
      DISCORD_TOKEN: ` ${TOKEN} `,
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:1234/api/',
      ANSWER_CHANNEL_IDS: '323456789012345678, 423456789012345678,,323456789012345678',
      KNOWLEDGE_DIR: '/k',
      DATA_DIR: '/d',
      COOLDOWN_SECONDS: '0',
      QUESTION_BURST: '6',
      DUPLICATE_WINDOW_SECONDS: '2.5',
      SHUTDOWN_DRAIN_SECONDS: '30',
      HEALTH_FILE: '/tmp/concept-bot.health',
      LOG_LEVEL: 'DEBUG',
    });
    expect(c).toMatchObject({
      token: TOKEN,
      apiUrl: 'http://127.0.0.1:1234/api',
      answerChannelIds: ['323456789012345678', '423456789012345678'],
      cooldownSeconds: 0,
      questionBurst: 6,
      duplicateWindowSeconds: 2.5,
      drainSeconds: 30,
      healthFile: '/tmp/concept-bot.health',
      logLevel: 'debug',
    });
  });

  it('reports every bad or missing variable at once, naming each', () => {
    const err = errorOf(() =>
      parseBotConfig({
        DISCORD_CLIENT_ID: 'abc',
        DISCORD_API_URL: 'not a url',
        ANSWER_CHANNEL_IDS: '123456789012345678,general',
        COOLDOWN_SECONDS: '-1',
        DUPLICATE_WINDOW_SECONDS: 'soon',
        LOG_LEVEL: 'loud',
      }),
    );
    const vars = err.issues.map((i) => i.variable).sort();
    expect(vars).toEqual(
      [
        'ANSWER_CHANNEL_IDS',
        'COOLDOWN_SECONDS',
        'DISCORD_API_URL',
        'DISCORD_CLIENT_ID',
        'DISCORD_TOKEN',
        'DUPLICATE_WINDOW_SECONDS',
        'LOG_LEVEL',
      ].sort(),
    );
    expect(err.message).toContain('DISCORD_TOKEN: is missing');
    expect(err.message).toContain('"general"');
    expect(err.message).toContain('7 problems');
  });

  it('never prints the token, even when it is malformed', () => {
    const secret = 'Bot super-secret-token-value';
    const err = errorOf(() => parseBotConfig({ DISCORD_TOKEN: secret }));
    expect(err.message).toContain('DISCORD_TOKEN');
    expect(err.message).not.toContain('super-secret');
    const bad = 'no-dots-here-secretvalue';
    expect(errorOf(() => parseBotConfig({ DISCORD_TOKEN: bad })).message).not.toContain(bad);
  });

  it('makes the token optional for the local console', () => {
    expect(parseConfig({}).token).toBeUndefined();
  });

  it('hides the token from JSON and from the logger', () => {
    const c = parseBotConfig({ DISCORD_TOKEN: TOKEN });
    expect(JSON.stringify(c)).not.toContain(TOKEN);
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ destination: sink, secrets: [TOKEN] });
    logger.info({ config: c }, 'config');
    logger.info({ token: TOKEN, headers: { authorization: `Bot ${TOKEN}` } }, `login with ${TOKEN}`);
    logger.error({ err: new Error(`failed for ${TOKEN}`) }, 'boom');
    const out = lines.join('');
    expect(out).not.toContain(TOKEN);
    expect(out).toContain('[redacted]');
  });

  it('never echoes a value that may be a secret: a token pasted into the wrong variable', () => {
    const err = errorOf(() =>
      parseBotConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_CLIENT_ID: TOKEN,
        DISCORD_GUILD_ID: 'sk-proj-abcdefghijklmnopqrstuvwxyz0123456789',
        ANSWER_CHANNEL_IDS: `123456789012345678,${TOKEN}`,
        LOG_LEVEL: TOKEN,
      }),
    );
    expect(err.message).not.toContain(TOKEN);
    expect(err.message).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(err.message).toContain('DISCORD_CLIENT_ID: must be the application id');
    expect(err.message).toMatch(/not shown: it may be a secret/);
    expect(err.issues.map((i) => i.variable).sort()).toEqual(
      ['ANSWER_CHANNEL_IDS', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'LOG_LEVEL'].sort(),
    );
    // Ordinary mistakes are still shown, so they can be fixed.
    const plain = errorOf(() => parseBotConfig({ DISCORD_TOKEN: TOKEN, QUESTION_BURST: 'lots' }));
    expect(plain.message).toContain(
      'QUESTION_BURST: must be a whole number of questions from 1 to 100, got "lots"',
    );
  });

  it('masks the credentials of an API URL in errors and in the config as logged', () => {
    const err = errorOf(() =>
      parseBotConfig({
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: 'https://bot:hunter2secret@proxy.example/api/v10',
      }),
    );
    expect(err.message).not.toContain('hunter2secret');
    expect(err.message).toContain('https://***@proxy.example/api/v10');
    const ok = parseBotConfig({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: 'https://bot:hunter2secret@proxy.example/api',
    });
    expect(JSON.stringify(ok)).not.toContain('hunter2secret');
    expect(JSON.stringify(ok)).toContain('https://***@proxy.example/api');
  });
});

describe('log redaction', () => {
  function capture() {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    return { lines, logger: createLogger({ destination: sink, secrets: [TOKEN] }) };
  }

  it('scrubs interaction and webhook tokens from every logged URL and error', async () => {
    const interactionToken = `aW50ZXJhY3Rpb246${'x1Y2'.repeat(30)}`;
    const { lines, logger } = capture();
    const url = `https://discord.com/api/v10/interactions/123456789012345678/${interactionToken}/callback`;
    // The shape discord.js's REST errors have: the URL as an own property and in the message.
    const { DiscordAPIError } = await import('discord.js');
    const apiError = new DiscordAPIError(
      { code: 10062, message: 'Unknown interaction' },
      10062,
      404,
      'POST',
      url,
      { body: undefined, files: undefined },
    );
    logger.warn({ event: 'interaction-expired', err: apiError }, 'interaction expired');
    logger.error(
      { event: 'send-failed', url: `/webhooks/123456789012345678/${interactionToken}/messages/@original` },
      `send to ${url} failed`,
    );
    logger.info({
      nested: { deeper: { token: 'plain-secret-value' }, raw: { interaction_token: 'abc123def456' } },
    });
    const out = lines.join('');
    expect(out).not.toContain(interactionToken);
    expect(out).not.toContain('plain-secret-value');
    expect(out).not.toContain('abc123def456');
    expect(out).toContain('/interactions/123456789012345678/[redacted]/callback');
    expect(out).toContain('/webhooks/123456789012345678/[redacted]/messages');
  });

  it('scrubs token-shaped strings, Bot headers and URL credentials, and leaves ordinary text alone', () => {
    const { lines, logger } = capture();
    const other = 'OTk5OTk5OTk5OTk5OTk5OTk5.Gxyzab.zyxwvutsrqponmlkjihgfedcba9876543210';
    logger.info({ question: `my token is ${other} lol` }, 'question');
    logger.warn({ header: 'Bot abcdefghijklmnopqrstuvwxyz.123' }, 'header');
    logger.error({ event: 'connect-failed' }, 'could not reach https://user:pa55word@proxy.internal/api');
    logger.info(
      { event: 'question', entry: 'csharp-async-await/await-keyword' },
      'does await block the thread?',
    );
    const out = lines.join('');
    expect(out).not.toContain(other);
    expect(out).not.toContain('abcdefghijklmnopqrstuvwxyz.123');
    expect(out).not.toContain('pa55word');
    expect(out).toContain('https://***@proxy.internal/api');
    expect(out).toContain('csharp-async-await/await-keyword');
    expect(out).toContain('does await block the thread?');
  });
});

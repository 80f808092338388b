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
      duplicateWindowSeconds: 120,
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
      DUPLICATE_WINDOW_SECONDS: '2.5',
      LOG_LEVEL: 'DEBUG',
    });
    expect(c).toMatchObject({
      token: TOKEN,
      apiUrl: 'http://127.0.0.1:1234/api',
      answerChannelIds: ['323456789012345678', '423456789012345678'],
      cooldownSeconds: 0,
      duplicateWindowSeconds: 2.5,
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
});

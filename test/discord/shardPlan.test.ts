/** Choosing the process's part in a sharded deployment, pacing identifies, and naming its log. */
import { describe, expect, it } from 'vitest';
import { parseBotConfig, parseConfig } from '../../src/config/env.js';
import { learningLogFileName } from '../../src/discord/learningLogFileName.js';
import { gatewayProcess } from '../../src/discord/sharding/gatewayProcess.js';
import {
  IDENTIFY_SLOT_MS,
  identifyStartDelayMs,
  identifyWaves,
} from '../../src/discord/sharding/identifySlots.js';
import { describeShards, shardOfGuild, shardPlan } from '../../src/discord/sharding/shardPlan.js';
import { startMode } from '../../src/discord/startMode.js';
import { createLogger } from '../../src/logging/logger.js';
import { DiscordEmulator } from '../emulator/DiscordEmulator.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('shard plan', () => {
  const plan = (env: Record<string, string>, processEnv: NodeJS.ProcessEnv = {}) =>
    shardPlan(parseConfig(env), processEnv);

  it('runs one connection without SHARD_COUNT or with 1', () => {
    expect(plan({})).toEqual({ mode: 'single' });
    expect(plan({ SHARD_COUNT: '1' })).toEqual({ mode: 'single' });
  });

  it('spawns a process per shard for SHARD_COUNT alone, and runs a range in one client with SHARD_IDS', () => {
    expect(plan({ SHARD_COUNT: 'auto' })).toEqual({ mode: 'spawn', count: 'auto' });
    expect(plan({ SHARD_COUNT: '4' })).toEqual({ mode: 'spawn', count: 4 });
    expect(plan({ SHARD_COUNT: '8', SHARD_IDS: '4-7' })).toEqual({
      mode: 'client',
      ids: [4, 5, 6, 7],
      count: 8,
      managed: false,
    });
  });

  it('is a one-shard client inside a ShardingManager child, whatever SHARD_COUNT said', () => {
    const child = { SHARDING_MANAGER: 'true', SHARDS: '3', SHARD_COUNT: '4' };
    expect(plan({ SHARD_COUNT: '4' }, child)).toEqual({ mode: 'client', ids: [3], count: 4, managed: true });
    expect(plan({}, { ...child, SHARDS: '[2,3]' })).toMatchObject({ ids: [2, 3], managed: true });
  });

  it('picks the front end from the environment', () => {
    expect(startMode({})).toBe('console');
    expect(startMode({ DISCORD_TOKEN: TOKEN })).toBe('gateway');
    expect(startMode({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: 'auto' })).toBe('shard-manager');
    expect(startMode({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '1' })).toBe('gateway');
    expect(startMode({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARD_IDS: '0-1' })).toBe('gateway');
    expect(startMode({ DISCORD_TOKEN: TOKEN, SHARD_COUNT: '4', SHARDING_MANAGER: 'true' })).toBe('gateway');
    // HTTP mode needs no token, and wins over the gateway.
    expect(startMode({ DISCORD_PUBLIC_KEY: 'ab', INTERACTIONS_PORT: '8080' })).toBe('http');
    expect(startMode({ DISCORD_TOKEN: TOKEN, INTERACTIONS_PORT: '8080' })).toBe('http');
  });
});

describe('identify pacing', () => {
  it('groups shards in waves of max_concurrency consecutive ids, one per bucket', () => {
    expect(identifyWaves([0, 1, 2, 3], 1)).toEqual([[0], [1], [2], [3]]);
    expect(identifyWaves([3, 2, 1, 0, 4], 2)).toEqual([[0, 1], [2, 3], [4]]);
    expect(identifyWaves([0, 1, 2, 3, 4, 5, 6, 7], 16)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
    for (const wave of identifyWaves([...Array(40).keys()], 16)) {
      expect(new Set(wave.map((id) => id % 16)).size).toBe(wave.length);
    }
  });

  it('delays a range by the waves of the lower ids held elsewhere', () => {
    expect(identifyStartDelayMs([0, 1, 2, 3], 1)).toBe(0);
    expect(identifyStartDelayMs([4, 5, 6, 7], 1)).toBe(4 * IDENTIFY_SLOT_MS);
    expect(identifyStartDelayMs([4, 5, 6, 7], 2)).toBe(2 * IDENTIFY_SLOT_MS);
    expect(identifyStartDelayMs([16, 17], 16)).toBe(IDENTIFY_SLOT_MS);
  });

  it('follows the sharding formula', () => {
    // 81384788765712384 is on shard 7 of 17 (the example Discord libraries document).
    expect(shardOfGuild('81384788765712384', 17)).toBe(7);
    expect(shardOfGuild('81384788765712384', 1)).toBe(0);
  });
});

describe('a gateway process of a sharded deployment', () => {
  const base = { DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: '81384788765712384' };

  it('runs its range, registers guild commands only where the guild lives, and names its log', () => {
    const holds = gatewayProcess(parseBotConfig({ ...base, SHARD_COUNT: '17', SHARD_IDS: '6-8' }), {});
    expect(holds.config.shards).toEqual({ count: 17, ids: [6, 7, 8] });
    expect(holds.config.guildId).toBe('81384788765712384');
    expect(holds.learningLogFileName).toBe('questions-shard-6-8.jsonl');
    expect(holds.logBindings).toEqual({ shards: '6-8' });
    const other = gatewayProcess(parseBotConfig({ ...base, SHARD_COUNT: '17', SHARD_IDS: '0-5' }), {});
    expect(other.config.guildId).toBeUndefined();
    expect(JSON.stringify(other.config)).not.toContain(TOKEN);
  });

  it('stays the plain bot without sharding', () => {
    const single = gatewayProcess(parseBotConfig(base), {});
    expect(single.config.shards).toBeUndefined();
    expect(single.config.guildId).toBe('81384788765712384');
    expect(single.learningLogFileName).toBe('questions.jsonl');
  });

  it('refuses to be the ShardingManager itself', () => {
    expect(() => gatewayProcess(parseBotConfig({ ...base, SHARD_COUNT: 'auto' }), {})).toThrow(
      /ShardingManager/,
    );
  });

  it('the range starting at 0 logs in at once', async () => {
    const first = gatewayProcess(parseBotConfig({ ...base, SHARD_COUNT: '4', SHARD_IDS: '0-1' }), {});
    const slept: number[] = [];
    await first.beforeLogin(createLogger({ level: 'silent' }), {
      sleep: async (ms) => void slept.push(ms),
    });
    expect(slept).toEqual([]);
  });
});

describe('a range process waits for its identify slot', () => {
  it("asks Discord's max_concurrency and sleeps through the lower ranges' waves", async () => {
    const emu = await DiscordEmulator.start({ recommendedShards: 8, maxConcurrency: 2 });
    try {
      const range = gatewayProcess(
        parseBotConfig({
          DISCORD_TOKEN: emu.token,
          DISCORD_API_URL: emu.apiUrl,
          SHARD_COUNT: '8',
          SHARD_IDS: '4-7',
        }),
        {},
      );
      const slept: number[] = [];
      await range.beforeLogin(createLogger({ level: 'silent' }), {
        sleep: async (ms) => void slept.push(ms),
      });
      expect(slept).toEqual([2 * IDENTIFY_SLOT_MS]);
      expect(emu.calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /gateway/bot']);
    } finally {
      await emu.stop();
    }
  });
});

describe('learning log file names', () => {
  it('gives each process of a deployment its own file', () => {
    expect(learningLogFileName({ kind: 'gateway' })).toBe('questions.jsonl');
    expect(learningLogFileName({ kind: 'gateway', shards: [3] })).toBe('questions-shard-3.jsonl');
    expect(learningLogFileName({ kind: 'gateway', shards: [0, 1, 2, 3] })).toBe('questions-shard-0-3.jsonl');
    expect(learningLogFileName({ kind: 'http', port: 8080, host: 'Bot Pod/1' })).toBe(
      'questions-http-bot-pod-1-8080.jsonl',
    );
    expect(describeShards([7, 0, 1, 2, 5, 8])).toBe('0-2_5_7-8');
  });
});

/**
 * Gateway sharding, end to end, with two shards and guilds on each: one client running both shards,
 * and discord.js's ShardingManager running a bot process per shard (the real `src/main.ts`). Every
 * guild's questions must be answered exactly once, by the shard that holds the guild.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/answer/loadEngine.js';
import type { BotConfig } from '../../src/config/env.js';
import { syncCommands } from '../../src/discord/commands/registerCommands.js';
import { ShardProcesses } from '../../src/discord/sharding/ShardProcesses.js';
import { startBot, type RunningBot } from '../../src/discord/startBot.js';
import { createLogger } from '../../src/logging/logger.js';
import { DiscordEmulator, type RecordedCall } from '../emulator/DiscordEmulator.js';
import { configFor, LogCapture, REAL_KNOWLEDGE, sleep } from './harness.js';

const SHARDS = 2;

interface TestGuild {
  id: string;
  shard: number;
  channels: { general: string; help: string };
}

/** The emulator's first guild plus two more on each shard. */
function guildsOnEveryShard(emu: DiscordEmulator): TestGuild[] {
  const guilds: TestGuild[] = [
    { id: emu.guildId, shard: emu.shardOf(emu.guildId, SHARDS), channels: emu.channels },
  ];
  for (const shard of [0, 1, 0, 1]) {
    const g = emu.createGuild({ shard: { id: shard, count: SHARDS } });
    guilds.push({ id: g.id, shard, channels: g.channels });
  }
  return guilds;
}

const isPostIn = (channelId: string) => (c: RecordedCall) =>
  c.method === 'POST' && c.path === `/channels/${channelId}/messages`;

/**
 * In every guild: a mention in #general and an /ask in #help; plus one DM (shard 0). Returns once each
 * was answered, then checks that nothing was answered twice.
 */
async function askEveryGuild(emu: DiscordEmulator, guilds: TestGuild[]): Promise<void> {
  const asker = emu.createUser('asker');
  const mark = emu.mark();
  const interactions = [];
  for (const g of guilds) {
    await emu.sendMessage({
      author: asker,
      content: `does await block the thread? (${g.id})`,
      mentionsBot: true,
      channelId: g.channels.general,
    });
    interactions.push(
      await emu.sendCommand({
        name: 'ask',
        options: { question: 'what does await do?' },
        user: asker,
        channelId: g.channels.help,
      }),
    );
  }
  await emu.sendMessage({ author: asker, content: 'is async void bad?', dm: true });
  const dm = emu.dmChannelId(asker.id);
  for (const g of guilds) await emu.waitForCall(isPostIn(g.channels.general), 10_000, mark);
  await emu.waitForCall(isPostIn(dm), 10_000, mark);
  for (const ix of interactions) expect((await ix.acknowledged).type).toBe(4);
  await sleep(300); // a duplicate, if any, would arrive now
  const calls = emu.calls.slice(mark);
  for (const g of guilds) {
    expect(calls.filter(isPostIn(g.channels.general)), `guild ${g.id}`).toHaveLength(1);
    expect(emu.messagesIn(g.channels.general)).toHaveLength(1);
    expect(emu.messagesIn(g.channels.help)).toHaveLength(1);
  }
  expect(calls.filter(isPostIn(dm))).toHaveLength(1);
  for (const ix of interactions) expect(ix.callbacks).toHaveLength(1);
}

describe('sharding: one client running shards 0 and 1 (e2e)', () => {
  let emu: DiscordEmulator;
  let bot: RunningBot;
  let guilds: TestGuild[];
  const logs = new LogCapture();

  beforeAll(async () => {
    // max_concurrency 1: the two shards share a bucket and must identify 5 s apart.
    emu = await DiscordEmulator.start({
      recommendedShards: SHARDS,
      maxConcurrency: 1,
      enforceIdentifyRate: true,
    });
    guilds = guildsOnEveryShard(emu);
    await syncCommands(new REST({ api: emu.apiUrl }).setToken(emu.token), emu.applicationId, undefined);
    const config: BotConfig = configFor(emu, { guildId: undefined, shards: { count: SHARDS, ids: [0, 1] } });
    const engine = await loadEngine(REAL_KNOWLEDGE);
    const logger = createLogger({ level: 'info', destination: logs, secrets: [config.token] });
    bot = await startBot({ config, getEngine: () => engine, logger });
    await emu.waitForShards(SHARDS, 20_000);
  }, 40_000);
  afterAll(async () => {
    await bot?.stop();
    expect(emu?.internalErrors).toEqual([]);
    await emu?.stop();
  });

  it('identifies each shard once, paced by max_concurrency', () => {
    const identifies = emu.identifyLog.map((r) => ({ shard: r.shard, tooSoon: r.tooSoon }));
    expect(identifies).toEqual([
      { shard: [0, 2], tooSoon: false },
      { shard: [1, 2], tooSoon: false },
    ]);
    const [first, second] = emu.identifyLog;
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(5_000);
    expect(bot.client.guilds.cache.size).toBe(guilds.length);
  });

  it("answers every guild's questions exactly once, and the DM once", async () => {
    await askEveryGuild(emu, guilds);
  });
});

describe('sharding: a process per shard with the ShardingManager (e2e)', () => {
  let emu: DiscordEmulator;
  let shards: ShardProcesses;
  let guilds: TestGuild[];
  let dataDir: string;

  beforeAll(async () => {
    emu = await DiscordEmulator.start({
      recommendedShards: SHARDS,
      maxConcurrency: 1,
      enforceIdentifyRate: true,
    });
    guilds = guildsOnEveryShard(emu);
    await syncCommands(new REST({ api: emu.apiUrl }).setToken(emu.token), emu.applicationId, undefined);
    dataDir = await mkdtemp(path.join(tmpdir(), 'concept-bot-shards-'));
    const config: BotConfig = configFor(emu, {
      guildId: undefined,
      shards: { count: 'auto', ids: undefined },
    });
    shards = await ShardProcesses.start({
      config,
      logger: createLogger({ level: 'silent' }),
      execArgv: ['--import', 'tsx'],
      env: {
        DISCORD_API_URL: emu.apiUrl,
        KNOWLEDGE_DIR: REAL_KNOWLEDGE,
        DATA_DIR: dataDir,
        COOLDOWN_SECONDS: '0',
        DUPLICATE_WINDOW_SECONDS: '0',
        LOG_LEVEL: 'warn',
      },
    });
    await emu.waitForShards(SHARDS, 20_000);
  }, 90_000);
  afterAll(async () => {
    await shards?.stop();
    expect(emu?.internalErrors).toEqual([]);
    await emu?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('asks Discord for the shard count, then starts the shards in identify waves', () => {
    expect(shards.count).toBe(SHARDS);
    expect(shards.alive).toBe(SHARDS);
    const waves = emu.identifyLog.map((r) => r.shard);
    expect(waves).toEqual([
      [0, 2],
      [1, 2],
    ]);
    expect(emu.identifyLog.some((r) => r.tooSoon)).toBe(false);
  });

  it("answers every guild's questions exactly once, each from its own shard process", async () => {
    await askEveryGuild(emu, guilds);
  }, 30_000);

  it('writes a learning log per shard process', async () => {
    const asker = emu.createUser('curious');
    for (const shard of [0, 1]) {
      const g = guilds.find((x) => x.shard === shard)!;
      await emu.sendMessage({
        author: asker,
        content: 'zxqv blorp frindle',
        mentionsBot: true,
        channelId: g.channels.help,
      });
    }
    // Each process writes its own file; wait until both hold the question just asked.
    const unansweredIn = async (file: string) =>
      (await readFile(path.join(dataDir, file), 'utf8').catch(() => ''))
        .split('\n')
        .filter((l) => l.trim() !== '')
        .some((l) => {
          try {
            return (JSON.parse(l) as { type: string }).type === 'unanswered';
          } catch {
            return false; // a line being written
          }
        });
    const expected = ['questions-shard-0.jsonl', 'questions-shard-1.jsonl'];
    const deadline = Date.now() + 10_000;
    let done: boolean[] = [];
    while (Date.now() < deadline) {
      done = await Promise.all(expected.map(unansweredIn));
      if (done.every(Boolean)) break;
      await sleep(50);
    }
    expect(done).toEqual([true, true]);
    expect((await readdir(dataDir)).filter((f) => f.endsWith('.jsonl')).sort()).toEqual(expected);
  });

  it('stops every shard process on stop(), each draining and exiting 0', async () => {
    const children = [...shards.manager.shards.values()].map((s) => s.process!);
    const codes = children.map((c) => new Promise<number | null>((resolve) => c.once('exit', resolve)));
    await shards.stop();
    expect(await Promise.all(codes)).toEqual([0, 0]);
    expect(shards.alive).toBe(0);
  });
});

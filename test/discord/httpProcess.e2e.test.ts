/**
 * `npm start` in HTTP mode as a user runs it: the real process (src/main.ts) with DISCORD_PUBLIC_KEY and
 * INTERACTIONS_PORT and no DISCORD_TOKEN serves the Interactions Endpoint, answers, writes its own
 * learning log, and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCommands } from '../../src/discord/commands/registerCommands.js';
import { DiscordEmulator } from '../emulator/DiscordEmulator.js';
import { REAL_KNOWLEDGE, sleep } from './harness.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start in HTTP mode (process e2e)', () => {
  let emu: DiscordEmulator;
  let child: ChildProcess;
  let dataDir: string;
  let port: number;
  const lines: Record<string, unknown>[] = [];
  let exit: Promise<number | null>;

  beforeAll(async () => {
    emu = await DiscordEmulator.start();
    await syncCommands(new REST({ api: emu.apiUrl }).setToken(emu.token), emu.applicationId, emu.guildId);
    dataDir = await mkdtemp(path.join(tmpdir(), 'concept-bot-http-'));
    port = await freePort();
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DISCORD_TOKEN: '',
        DISCORD_PUBLIC_KEY: emu.publicKey,
        INTERACTIONS_PORT: String(port),
        INTERACTIONS_HOST: '127.0.0.1',
        DISCORD_API_URL: emu.apiUrl,
        KNOWLEDGE_DIR: REAL_KNOWLEDGE,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const part of parts) if (part.trim()) lines.push(JSON.parse(part) as Record<string, unknown>);
    });
    const deadline = Date.now() + 30_000;
    while (!lines.some((l) => l.event === 'ready')) {
      if (Date.now() > deadline) throw new Error(`no ready line; got ${JSON.stringify(lines)}`);
      await sleep(50);
    }
    emu.setInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
  }, 40_000);

  afterAll(async () => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    await emu?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts in HTTP mode without a token and opens no gateway connection', async () => {
    expect(lines.find((l) => l.event === 'ready')).toMatchObject({ mode: 'http', port, postsAsBot: false });
    await emu.verifyInteractionsEndpoint();
    const user = emu.createUser('asker');
    const ix = await emu.sendCommand({
      name: 'ask',
      options: { question: 'does await block the thread?' },
      user,
    });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    expect(ack.data.embeds[0].footer.text).toMatch(/C# async\/await/);
    // The per-user limit (default: 4 at once, then one every 5 s) holds in HTTP mode too.
    for (const question of ['is async void bad?', 'how do i handle errors', 'thread pool']) {
      const next = await emu.sendCommand({ name: 'ask', options: { question }, user });
      expect((await next.acknowledged).data.embeds?.length).toBeGreaterThan(0);
    }
    const again = await emu.sendCommand({ name: 'ask', options: { question: 'zxqv blorp frindle' }, user });
    expect((await again.acknowledged).data.content).toContain('ask again in');
    const other = emu.createUser('other');
    const unknown = await emu.sendCommand({
      name: 'ask',
      options: { question: 'zxqv blorp frindle' },
      user: other,
    });
    expect((await unknown.acknowledged).data.content).toContain("I don't know that yet");
    expect(emu.gatewayConnections).toEqual([]);
    expect(emu.calls.filter((c) => c.path.startsWith('/gateway'))).toEqual([]);
  });

  it('writes its own learning log file and exits 0 on SIGTERM', async () => {
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    const files = (await readdir(dataDir)).filter((f) => f.endsWith('.jsonl'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^questions-http-.+-${port}\\.jsonl$`));
    const records = (await readFile(path.join(dataDir, files[0]!), 'utf8')).trim().split('\n');
    // What was not answered outright is logged (an offer as 'suggested'); the confident answer is not.
    const logged = records.map((r) => JSON.parse(r) as { type: string; question: string });
    expect(logged.filter((r) => r.type === 'unanswered').map((r) => r.question)).toEqual([
      'zxqv blorp frindle',
    ]);
    expect(logged.map((r) => r.question)).not.toContain('does await block the thread?');
    expect(logged.every((r) => ['unanswered', 'suggested'].includes(r.type))).toBe(true);
    expect(lines.some((l) => l.event === 'stopped')).toBe(true);
  });
});

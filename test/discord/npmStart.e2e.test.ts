/**
 * `npm start` as a supervisor runs it (systemd, Docker, a terminal): the real npm and bot processes
 * against the loopback emulator, which applies Discord's channel limit of 5 messages per 5 s.
 *
 * - SIGTERM to npm reaches the bot (no orphan keeps running on the token); the bot drains its queued
 *   replies, answers interactions arriving meanwhile with "restarting", and exits 0 when everything
 *   was sent, 1 (with an error line counting them) when the drain timeout left replies unsent.
 * - A fatal gateway close (4004) and disallowed intents at login exit 2 with what to fix.
 * - The health file says `connected` while the bot runs and is removed when it stops.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DISCORD_ROUTE_LIMITS, DiscordEmulator, type EmulatorOptions } from '../emulator/DiscordEmulator.js';
import { REAL_KNOWLEDGE, isEphemeral, repliesTo, waitUntil } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Started {
  emu: DiscordEmulator;
  npm: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exit: Promise<number | null>;
  dataDir: string;
  healthFile: string;
}

const running: Started[] = [];

afterEach(async () => {
  for (const s of running.splice(0)) {
    // Whatever of it is left (an orphaned bot, should npm not have passed the signal on).
    try {
      process.kill(-s.npm.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await s.emu.stop();
    await rm(s.dataDir, { recursive: true, force: true });
  }
});

async function npmStart(env: Record<string, string>, emulator: EmulatorOptions = {}): Promise<Started> {
  const emu = await DiscordEmulator.start({
    rateLimit: { limit: 50, windowMs: 1000, routes: DISCORD_ROUTE_LIMITS },
    ...emulator,
  });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'concept-bot-npm-start-'));
  const healthFile = path.join(dataDir, 'health.json');
  // Its own process group, so the test can tell whether anything of it outlives npm.
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      ...emu.botEnv(),
      KNOWLEDGE_DIR: REAL_KNOWLEDGE,
      DATA_DIR: dataDir,
      HEALTH_FILE: healthFile,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  let stderr = '';
  npm.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const part of parts) {
      if (!part.startsWith('{')) continue; // npm's own "> concept-bot start" banner
      lines.push(JSON.parse(part) as Record<string, unknown>);
    }
  });
  npm.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
  const started = { emu, npm, lines, stderr: () => stderr, exit, dataDir, healthFile };
  running.push(started);
  return started;
}

async function ready(s: Started): Promise<void> {
  await waitUntil(
    () => s.lines.some((l) => l.event === 'commands') || s.npm.exitCode !== null,
    () => `the bot to be ready; stdout ${JSON.stringify(s.lines)}; stderr ${s.stderr()}`,
    40_000,
  );
  expect(s.npm.exitCode).toBeNull();
}

/** The status the bot's health file holds now (undefined while there is none to read). */
function healthStatus(s: Started): string | undefined {
  try {
    return (JSON.parse(readFileSync(s.healthFile, 'utf8')) as { status?: string }).status;
  } catch {
    return undefined;
  }
}

/** `node scripts/healthcheck.mjs` (the Dockerfile's HEALTHCHECK) for this bot: its exit status. */
function healthcheck(s: Started): number | null {
  return spawnSync(process.execPath, ['scripts/healthcheck.mjs'], {
    cwd: ROOT,
    env: { ...process.env, HEALTH_FILE: s.healthFile },
  }).status;
}

/** Whether any process of the npm's process group is still alive. */
function groupAlive(s: Started): boolean {
  try {
    process.kill(-s.npm.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

async function queueMentions(s: Started, count: number): Promise<{ id: string }[]> {
  const asked: { id: string }[] = [];
  for (let i = 0; i < count; i++) {
    asked.push(
      await s.emu.sendMessage({
        author: s.emu.createUser(`q${i}`),
        content: `zxqv blorp frindle number ${i}`,
        mentionsBot: true,
      }),
    );
  }
  await waitUntil(() => asked.filter((m) => repliesTo(s.emu, m.id).length > 0).length >= 5, 'five replies');
  return asked;
}

describe('npm start under a supervisor (process e2e)', () => {
  it('SIGTERM with replies queued: drains, says "restarting" to late askers, counts what was lost, exits 1', async () => {
    const s = await npmStart({ SHUTDOWN_DRAIN_SECONDS: '2' });
    await ready(s);
    // The health file is rewritten asynchronously (write, then rename): read it until it says so.
    await waitUntil(
      () => healthStatus(s) === 'connected',
      () => `health "connected", not ${healthStatus(s)}`,
      5_000,
    );
    expect(healthcheck(s)).toBe(0);
    const asked = await queueMentions(s, 12);

    s.npm.kill('SIGTERM'); // npm's pid only, as systemd or Docker would
    await waitUntil(() => s.lines.some((l) => l.event === 'draining'), 'the drain to start', 5_000);
    const ix = await s.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: s.emu.createUser('late'),
    });
    const ack = (await ix.acknowledged).data;
    expect(isEphemeral(ack)).toBe(true);
    expect(ack.content).toContain('restarting');

    expect(await s.exit).toBe(1);
    const answered = asked.filter((m) => repliesTo(s.emu, m.id).length === 1).length;
    expect(answered).toBeLessThan(12);
    const unsent = s.lines.find((l) => l.event === 'shutdown-unsent');
    expect(unsent).toMatchObject({ level: 50, unsent: 12 - answered });
    expect(s.lines.find((l) => l.event === 'stopped')).toMatchObject({ unsent: 12 - answered });
    await waitUntil(() => !groupAlive(s), 'every process of npm start to be gone', 5_000);
    expect(existsSync(s.healthFile)).toBe(false);
    expect(healthcheck(s)).toBe(1);
  }, 60_000);

  it('SIGTERM with a few replies queued: every one is sent and the exit is 0', async () => {
    const s = await npmStart({ SHUTDOWN_DRAIN_SECONDS: '10' });
    await ready(s);
    const asked = await queueMentions(s, 8);
    s.npm.kill('SIGTERM');
    expect(await s.exit).toBe(0);
    for (const m of asked) expect(repliesTo(s.emu, m.id)).toHaveLength(1);
    expect(s.lines.some((l) => l.event === 'shutdown-unsent')).toBe(false);
    await waitUntil(() => !groupAlive(s), 'every process of npm start to be gone', 5_000);
  }, 60_000);

  it('a 4004 close (token reset) exits 2 with what to fix', async () => {
    const s = await npmStart({});
    await ready(s);
    await s.emu.dropConnection(4004);
    expect(await s.exit).toBe(2);
    const fatal = s.lines.find((l) => l.event === 'gateway-fatal');
    expect(fatal).toMatchObject({ level: 60, code: 4004 });
    expect(String(fatal?.msg)).toContain('Reset Token');
    await waitUntil(() => !groupAlive(s), 'every process of npm start to be gone', 5_000);
  }, 60_000);

  it('disallowed intents at login exit 2 and say which setting to change', async () => {
    const s = await npmStart({ ANSWER_CHANNEL_IDS: '123456789012345678' }, { allowedPrivilegedIntents: 0 });
    expect(await s.exit).toBe(2);
    const fatal = s.lines.find((l) => l.event === 'gateway-fatal');
    expect(fatal).toMatchObject({ level: 60, code: 4014 });
    expect(String(fatal?.msg)).toContain('Message Content Intent');
  }, 60_000);

  it('masks the credentials of DISCORD_API_URL when Discord cannot be reached', async () => {
    const s = await npmStart({ DISCORD_API_URL: 'http://proxyuser:hunter2secret@127.0.0.1:9/api' });
    expect(await s.exit).toBe(1);
    const output = JSON.stringify(s.lines) + s.stderr();
    expect(s.stderr()).toContain('could not connect to Discord at http://***@127.0.0.1:9/api');
    expect(output).not.toContain('hunter2secret');
    expect(output).not.toContain(s.emu.token);
  }, 60_000);

  it('never prints the token, even from errors', async () => {
    const s = await npmStart({ SHUTDOWN_DRAIN_SECONDS: '1' });
    await ready(s);
    s.npm.kill('SIGTERM');
    await s.exit;
    const output = JSON.stringify(s.lines) + s.stderr();
    expect(output).not.toContain(s.emu.token);
  }, 60_000);
});

/**
 * The container as the Dockerfile describes it, without a Docker daemon: a directory holding only what
 * its COPY lines copy, the bot started with its CMD and ENV, against the loopback emulator.
 *
 * - Nothing the bot reads at run time is missing from the image (a file outside the COPY lines would
 *   fail here, not in production).
 * - The HEALTHCHECK command reports healthy while the gateway is connected, and unhealthy once stopped.
 * - `docker stop` (SIGTERM to the CMD's process) drains and exits 0.
 *
 * The production install (`npm ci --omit=dev`) is covered by test/cli/bin.test.ts, which installs the
 * packed package with its runtime dependencies only; here the repository's node_modules are linked in.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../emulator/DiscordEmulator.js';
import { repliesTo, waitUntil } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

interface Dockerfile {
  workdir: string;
  env: Record<string, string>;
  copies: { sources: string[]; destination: string }[];
  cmd: string[];
  healthcheck: string[];
}

/** The instructions this test needs, read from the Dockerfile (continuation lines joined). */
function readDockerfile(text: string): Dockerfile {
  const instructions = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const file: Dockerfile = { workdir: '/', env: {}, copies: [], cmd: [], healthcheck: [] };
  for (const line of instructions) {
    const [keyword, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (keyword === 'WORKDIR') file.workdir = args;
    if (keyword === 'ENV') {
      for (const [, name, value] of args.matchAll(/(\w+)=(\S+)/g)) file.env[name!] = value!;
    }
    if (keyword === 'COPY' && !args.startsWith('--')) {
      const parts = args.split(/\s+/);
      file.copies.push({ sources: parts.slice(0, -1), destination: parts.at(-1)! });
    }
    if (keyword === 'CMD') file.cmd = JSON.parse(args) as string[];
    if (keyword === 'HEALTHCHECK')
      file.healthcheck = JSON.parse(args.slice(args.indexOf('CMD') + 3)) as string[];
  }
  return file;
}

const dockerfile = readDockerfile(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8'));
const temp = mkdtempSync(path.join(tmpdir(), 'concept-bot-image-'));
const app = path.join(temp, 'app');
const processes: ChildProcess[] = [];
let emu: DiscordEmulator | undefined;

afterAll(async () => {
  for (const child of processes) child.kill('SIGKILL');
  await emu?.stop();
  rmSync(temp, { recursive: true, force: true });
});

/** A path inside the container, as a path inside the test's directory. */
function hostPath(inside: string): string {
  const relative = path.posix.relative(dockerfile.workdir, path.posix.resolve(dockerfile.workdir, inside));
  return relative.startsWith('..') ? path.join(temp, inside) : path.join(app, relative);
}

function buildImageDirectory(): void {
  mkdirSync(app, { recursive: true });
  for (const { sources, destination } of dockerfile.copies) {
    for (const source of sources) {
      const target = destination.endsWith('/')
        ? path.join(hostPath(destination), path.basename(source))
        : hostPath(destination);
      cpSync(path.join(ROOT, source), target, { recursive: true });
    }
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'), 'dir');
}

/** The image's ENV with its paths moved into the test's directory. */
function imageEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(dockerfile.env).map(([name, value]) => [
      name,
      value.startsWith('/') ? hostPath(value) : value,
    ]),
  );
}

/** An exec-form command of the Dockerfile as program and arguments here: its `node` is this Node. */
function hostCommand(command: readonly string[]): [string, string[]] {
  const [program, ...args] = command;
  return [program === 'node' ? process.execPath : program!, args];
}

function run(command: readonly string[], env: NodeJS.ProcessEnv) {
  return spawnSync(...hostCommand(command), { cwd: app, env, encoding: 'utf8' });
}

describe('the Dockerfile image', () => {
  it('copies what the CMD needs, stays healthy while connected, answers, and stops cleanly on SIGTERM', async () => {
    expect(dockerfile.cmd[0]).toBe('node');
    expect(dockerfile.healthcheck.length).toBeGreaterThan(0);
    buildImageDirectory();
    emu = await DiscordEmulator.start();
    const env: NodeJS.ProcessEnv = { ...process.env, ...imageEnv(), ...emu.botEnv(), LOG_LEVEL: 'info' };
    // The image has /tmp, and its RUN line makes /data.
    mkdirSync(env.DATA_DIR!, { recursive: true });
    mkdirSync(path.dirname(env.HEALTH_FILE!), { recursive: true });
    const bot = spawn(...hostCommand(dockerfile.cmd), {
      cwd: app,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    processes.push(bot);
    let stdout = '';
    let stderr = '';
    bot.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    bot.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exit = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));

    await waitUntil(
      () => stdout.includes('"event":"commands"') || bot.exitCode !== null,
      () => `the bot to be ready; stdout ${stdout}; stderr ${stderr}`,
      40_000,
    );
    expect(bot.exitCode, stderr).toBeNull();
    await waitUntil(
      () => run(dockerfile.healthcheck, env).status === 0,
      () => `the healthcheck to pass: ${JSON.stringify(run(dockerfile.healthcheck, env))}`,
      10_000,
    );

    const asked = await emu.sendMessage({
      author: emu.createUser('learner'),
      content: 'does await block the thread?',
      mentionsBot: true,
    });
    await waitUntil(() => repliesTo(emu!, asked.id).length > 0, 'a reply to the mention', 15_000);
    const reply = repliesTo(emu, asked.id)[0]!.body as { embeds?: { title?: string }[] };
    expect(reply.embeds?.[0]?.title).toBe('`await` keyword');

    bot.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(run(dockerfile.healthcheck, env).status).not.toBe(0);
  });
});

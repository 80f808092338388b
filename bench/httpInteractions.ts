/**
 * HTTP interactions mode on this machine: the bot runs as `npm start` does it (src/main.ts in its own
 * process, DISCORD_PUBLIC_KEY + INTERACTIONS_PORT, no token, logging silent, cooldown and duplicate
 * window off) and the loopback emulator signs and POSTs interactions to it, taking each response as
 * the callback (with Discord's checks).
 *
 * - latency: one request at a time, `/ask` and `/lookup` autocomplete alternately; a sample is the time
 *   from sending the signed POST to having the whole response (what Discord waits for);
 * - throughput: `/ask` requests kept `concurrency` in flight over keep-alive connections; requests per
 *   second counts the answered ones.
 *
 *   benchHttpInteractions({ questions, runs, requests, concurrency, knowledgeDir? })
 *
 * The emulator shares this process, so its signing and checks are in the figures too (on a 2-core
 * machine the two processes each get a core).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { REST } from 'discord.js';
import { syncCommands } from '../src/discord/commands/registerCommands.js';
import { DiscordEmulator, type EmulatedInteraction } from '../test/emulator/DiscordEmulator.js';
import { percentile } from './percentile.js';

export interface HttpBenchOptions {
  questions: string[];
  /** Measured one-at-a-time interactions (at least 200); 20 warm-up ones are not counted. */
  runs: number;
  /** Requests in the throughput run. */
  requests: number;
  concurrency: number;
  /** Default ./knowledge. */
  knowledgeDir?: string;
}

export interface Stats {
  p50: number;
  p99: number;
  n: number;
}

export interface HttpBenchResult {
  latency: Stats & { byKind: Record<'ask' | 'autocomplete', Stats> };
  throughput: {
    requests: number;
    answered: number;
    concurrency: number;
    seconds: number;
    perSecond: number;
    /** CPU time the bot process spent per answered request (Linux /proc; undefined elsewhere). */
    botCpuMsPerRequest: number | undefined;
  };
}

const WARMUP = 20;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startBotProcess(
  emu: DiscordEmulator,
  port: number,
  knowledgeDir: string,
  dataDir: string,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DISCORD_TOKEN: '',
      DISCORD_PUBLIC_KEY: emu.publicKey,
      INTERACTIONS_PORT: String(port),
      INTERACTIONS_HOST: '127.0.0.1',
      DISCORD_API_URL: emu.apiUrl,
      KNOWLEDGE_DIR: knowledgeDir,
      COOLDOWN_SECONDS: '0',
      DUPLICATE_WINDOW_SECONDS: '0',
      LOG_LEVEL: 'silent',
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot process exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return child;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the bot process did not start listening within 30 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function benchHttpInteractions(options: HttpBenchOptions): Promise<HttpBenchResult> {
  const questions = options.questions.map((q) => q.slice(0, 500)).filter((q) => q.trim() !== '');
  if (questions.length === 0) throw new Error('benchHttpInteractions: no questions');
  const runs = Math.max(200, Math.floor(options.runs));
  const emu = await DiscordEmulator.start({ rateLimit: false, ackTimeoutMs: 3000 });
  const port = await freePort();
  // The bench's unanswered questions are no one's to learn from.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'concept-bot-bench-http-'));
  let child: ChildProcess | undefined;
  try {
    await syncCommands(new REST({ api: emu.apiUrl }).setToken(emu.token), emu.applicationId, emu.guildId);
    child = await startBotProcess(emu, port, options.knowledgeDir ?? './knowledge', dataDir);
    emu.setInteractionsEndpoint(`http://127.0.0.1:${port}/interactions`);
    await emu.verifyInteractionsEndpoint();
    const user = emu.createUser('bench');

    const samples = { ask: [] as number[], autocomplete: [] as number[] };
    for (let i = 0; i < runs + WARMUP; i++) {
      const question = questions[i % questions.length]!;
      const kind = i % 2 === 0 ? 'ask' : 'autocomplete';
      const ix =
        kind === 'ask'
          ? await emu.sendCommand({ name: 'ask', options: { question }, user })
          : await emu.sendAutocomplete({
              name: 'lookup',
              focused: 'entry',
              value: question.slice(0, 12),
              user,
            });
      await ix.acknowledged;
      const delivery = emu.deliveries.at(-1)!;
      if (delivery.error) throw new Error(`interaction failed: ${delivery.error}`);
      if (i >= WARMUP) samples[kind].push(delivery.ms);
      trim(emu);
    }

    let next = 0;
    let answered = 0;
    const cpuBefore = await cpuMs(child.pid);
    const started = performance.now();
    const worker = async () => {
      while (next < options.requests) {
        const question = questions[next++ % questions.length]!;
        const ix: EmulatedInteraction = await emu.sendCommand({ name: 'ask', options: { question }, user });
        const ok = await ix.acknowledged.then(
          () => true,
          () => false,
        );
        if (ok) answered++;
        trim(emu);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = await cpuMs(child.pid);
    const botCpuMsPerRequest =
      cpuBefore !== undefined && cpuAfter !== undefined && answered > 0
        ? (cpuAfter - cpuBefore) / answered
        : undefined;

    const stats = (v: number[]): Stats => ({ p50: percentile(v, 50), p99: percentile(v, 99), n: v.length });
    return {
      latency: {
        ...stats([...samples.ask, ...samples.autocomplete]),
        byKind: { ask: stats(samples.ask), autocomplete: stats(samples.autocomplete) },
      },
      throughput: {
        requests: options.requests,
        answered,
        concurrency: options.concurrency,
        seconds,
        perSecond: answered / seconds,
        botCpuMsPerRequest,
      },
    };
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await emu.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** User + system CPU time of a process so far (ms), from /proc on Linux. */
async function cpuMs(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    const { readFile } = await import('node:fs/promises');
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / 100 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/** Keeps the emulator's records from growing over a long run. */
function trim(emu: DiscordEmulator): void {
  if (emu.deliveries.length > 2_000) emu.deliveries.splice(0, 1_000);
  if (emu.calls.length > 2_000) emu.calls.splice(0, emu.calls.length);
}

// `npx tsx bench/httpInteractions.ts [knowledgeDir]`: a quick stand-alone run.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile('test/eval/questions.jsonl', 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { question: string }).question);
  const result = await benchHttpInteractions({
    knowledgeDir: process.argv[2],
    questions: lines,
    runs: 500,
    requests: 3000,
    concurrency: 16,
  });
  console.log(JSON.stringify(result, null, 2));
}

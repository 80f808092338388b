/**
 * End-to-end Discord latency on the loopback emulator: the real bot (startBot, real discord.js client)
 * answers questions, and each sample is the time from the emulator dispatching the event (an `/ask`
 * interaction or a message mentioning the bot, alternately) to the bot's reply request arriving (a
 * post, or a reaction for thanks; `RecordedCall.at` minus dispatch time). Cooldown and duplicate window are off, emulator rate limits
 * are off, and logging is silent, so the figure is the bot's own handling time plus loopback I/O.
 * Mentions are paced to stay under Discord's global 50 requests/s (which discord.js enforces by
 * queueing; interaction callbacks are exempt), so samples measure latency, not that queue.
 *
 *   benchDiscordLatency({ knowledgeDir?, engine?, questions, runs }) → { p50, p99, n }
 *
 * `runs` is the number of measured replies (questions are cycled), at least 500; 20 warm-up replies
 * are not counted. `knowledgeDir` may be `synthetic:<sections>` for bench/syntheticKnowledge.ts.
 */
import { performance } from 'node:perf_hooks';
import { ConceptEngine } from '../src/answer/ConceptEngine.js';
import { loadEngine } from '../src/answer/loadEngine.js';
import { startBot } from '../src/discord/startBot.js';
import { createLogger } from '../src/logging/logger.js';
import { configFor } from '../test/discord/harness.js';
import { DiscordEmulator, type RecordedCall } from '../test/emulator/DiscordEmulator.js';
import { percentile } from './percentile.js';
import { syntheticKnowledge } from './syntheticKnowledge.js';

export interface DiscordLatencyOptions {
  knowledgeDir?: string;
  engine?: ConceptEngine;
  questions: string[];
  runs: number;
}

export interface DiscordLatencyResult {
  p50: number;
  p99: number;
  n: number;
  /** The same figures per path. */
  byPath: Record<'slash' | 'mention', { p50: number; p99: number; n: number }>;
}

const MIN_RUNS = 500;
const WARMUP = 20;
/** Minimum gap between bot message POSTs: ~40/s, under discord.js's global 50/s. */
const MESSAGE_GAP_MS = 25;

async function engineFor(options: DiscordLatencyOptions): Promise<ConceptEngine> {
  if (options.engine) return options.engine;
  const dir = options.knowledgeDir ?? './knowledge';
  const synthetic = /^synthetic:(\d+)$/.exec(dir);
  if (synthetic) return ConceptEngine.build(syntheticKnowledge(Number(synthetic[1])));
  return loadEngine(dir);
}

/** The bot's reply to a mention: a post in the channel, or a reaction on it (thanks, a repeat). */
const isReplyTo = (channelId: string, messageId: string) => (c: RecordedCall) =>
  (c.method === 'POST' && c.path === `/channels/${channelId}/messages`) ||
  (c.method === 'PUT' && c.path.startsWith(`/channels/${channelId}/messages/${messageId}/reactions/`));

export async function benchDiscordLatency(options: DiscordLatencyOptions): Promise<DiscordLatencyResult> {
  const questions = options.questions.map((q) => q.slice(0, 500)).filter((q) => q.trim() !== '');
  if (questions.length === 0) throw new Error('benchDiscordLatency: no questions');
  const runs = Math.max(MIN_RUNS, Math.floor(options.runs));
  const engine = await engineFor(options);
  const emu = await DiscordEmulator.start({ rateLimit: false, ackTimeoutMs: 3000 });
  const config = configFor(emu, { logLevel: 'silent' });
  const bot = await startBot({ config, getEngine: () => engine, logger: createLogger({ level: 'silent' }) });
  const samples = { slash: [] as number[], mention: [] as number[] };
  try {
    await emu.waitForReady();
    const user = emu.createUser('bench');
    const channel = emu.channels.general;
    let lastMessageAt = -Infinity;
    for (let i = 0; i < runs + WARMUP; i++) {
      const question = questions[i % questions.length]!;
      const path = i % 2 === 0 ? 'slash' : 'mention';
      let ms: number;
      if (path === 'slash') {
        const ix = await emu.sendCommand({ name: 'ask', options: { question }, user, channelId: channel });
        const call = await emu.waitForCall(
          (c) => c.method === 'POST' && c.path.startsWith(`/interactions/${ix.id}/`),
          10_000,
          0,
        );
        ms = call.at - ix.dispatchedAt;
      } else {
        const wait = lastMessageAt + MESSAGE_GAP_MS - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const mark = emu.mark();
        const dispatchedAt = performance.now();
        lastMessageAt = dispatchedAt;
        const asked = await emu.sendMessage({
          author: user,
          content: question,
          mentionsBot: true,
          channelId: channel,
        });
        const call = await emu.waitForCall(isReplyTo(channel, asked.id as string), 10_000, mark);
        ms = call.at - dispatchedAt;
      }
      if (i >= WARMUP) samples[path].push(ms);
      // Keep memory flat over long runs.
      if (emu.calls.length > 2_000) emu.calls.splice(0, emu.calls.length);
    }
  } finally {
    await bot.stop();
    await emu.stop();
  }
  const all = [...samples.slash, ...samples.mention];
  const stats = (v: number[]) => ({ p50: percentile(v, 50), p99: percentile(v, 99), n: v.length });
  return { ...stats(all), byPath: { slash: stats(samples.slash), mention: stats(samples.mention) } };
}

// `npx tsx bench/discordLatency.ts [knowledgeDir|synthetic:N]`: a quick stand-alone run.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFile } = await import('node:fs/promises');
  const lines = (await readFile('test/eval/questions.jsonl', 'utf8'))
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { question: string }).question);
  const result = await benchDiscordLatency({ knowledgeDir: process.argv[2], questions: lines, runs: 500 });
  console.log(JSON.stringify(result));
}

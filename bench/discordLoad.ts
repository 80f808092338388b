/**
 * Discord load test: the real bot process (`node --import tsx src/main.ts`, as `npm start` runs it)
 * against the loopback emulator with Discord's own channel limits (5 messages per 5 s a channel, a
 * reaction per 250 ms). 300 users each send one `/ask` and one mention, spread over 10 channels and
 * 10 seconds, and the gateway connection is dropped in the middle (the bot must RESUME and get the
 * missed events replayed). Default limits, duplicate window and drain, as shipped.
 *
 * It checks and reports:
 * - every interaction acknowledged, and within 3 s (p50/p99 of dispatch → callback);
 * - every mention answered: a reply, or a reaction (👆 "answered just above", ⏳ limited), none lost;
 *   p50/p99 of dispatch → reply or reaction (replies wait for the channel's budget);
 * - nothing duplicated: no interaction acknowledged twice, no mention replied to twice;
 * - the bot process's peak RSS (VmHWM), and that SIGTERM afterwards exits 0 (nothing left unsent).
 *
 *   benchDiscordLoad({ users?, channels?, seconds?, questions }) → DiscordLoadResult
 *   npx tsx bench/discordLoad.ts            // a stand-alone run, prints the result as JSON
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  DISCORD_ROUTE_LIMITS,
  DiscordEmulator,
  type RecordedCall,
} from '../test/emulator/DiscordEmulator.js';
import { percentile } from './percentile.js';

export interface DiscordLoadOptions {
  questions: string[];
  users?: number;
  channels?: number;
  seconds?: number;
  /** Most to wait for the last mention to be answered after the last one was sent. */
  settleMs?: number;
}

export interface DiscordLoadResult {
  interactions: {
    sent: number;
    acknowledged: number;
    within3s: number;
    duplicated: number;
    p50: number;
    p99: number;
    max: number;
  };
  mentions: {
    sent: number;
    answered: number;
    byReply: number;
    byPointerReaction: number;
    byLimitReaction: number;
    byOtherReaction: number;
    lost: number;
    duplicated: number;
    p50: number;
    p99: number;
    max: number;
  };
  /** What the bot's channel posts were: answers (embeds), duplicate pointers, other notices. */
  channelPosts: { answers: number; pointers: number; notices: number };
  gateway: { resumes: number; identifies: number };
  /** The bot process's resident memory when ready, before the load, MB. */
  idleRssMb: number;
  /** The bot process's peak resident memory, MB. */
  peakRssMb: number;
  exitCode: number | null;
  wallSeconds: number;
}

const ROOT = path.resolve(import.meta.dirname, '..');

/** A process's resident memory in MB from /proc (`VmHWM`: the peak so far, `VmRSS`: now). */
function rssMb(pid: number, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return NaN;
  }
}

export async function benchDiscordLoad(options: DiscordLoadOptions): Promise<DiscordLoadResult> {
  const users = options.users ?? 300;
  const channelCount = options.channels ?? 10;
  const seconds = options.seconds ?? 10;
  const questions = options.questions.filter((q) => q.trim() !== '');
  const emu = await DiscordEmulator.start({
    ackTimeoutMs: 3000,
    rateLimit: { limit: 50, windowMs: 1000, routes: DISCORD_ROUTE_LIMITS },
  });
  const channels = Array.from({ length: channelCount }, (_, i) => emu.createChannel(`load-${i}`));
  const dataDir = await mkdtemp(path.join(tmpdir(), 'concept-bot-load-'));
  const bot = spawn(process.execPath, ['--max-semi-space-size=32', '--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...emu.botEnv(),
      KNOWLEDGE_DIR: path.join(ROOT, 'knowledge'),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => bot.once('exit', (code) => resolve(code)));
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(bot.pid!) || 0)), 500);
  const started = performance.now();
  try {
    await emu.waitForReady(60_000);
    const deadline = Date.now() + 30_000;
    while (emu.registeredCommands(emu.guildId).length === 0) {
      if (Date.now() > deadline) throw new Error('the bot registered no commands');
      await new Promise((r) => setTimeout(r, 50));
    }
    const idle = rssMb(bot.pid!, 'VmRSS');
    const people = Array.from({ length: users }, (_, i) => emu.createUser(`load-${i}`));
    // Slash commands and mentions alternate; each user's mention comes about half the run after
    // their /ask, as a person's follow-up would.
    const events = people.flatMap((_, i) => {
      const j = (i + Math.floor(users / 2)) % users;
      return [
        {
          kind: 'slash' as const,
          user: people[i]!,
          channel: channels[i % channelCount]!,
          question: questions[i % questions.length]!,
        },
        {
          kind: 'mention' as const,
          user: people[j]!,
          channel: channels[(j * 7 + 3) % channelCount]!,
          question: questions[(j * 13 + 5) % questions.length]!,
        },
      ];
    });
    const spacing = (seconds * 1000) / events.length;
    const interactions: { id: string; at: number; acked: Promise<{ at: number } | null> }[] = [];
    const mentions: { id: string; at: number }[] = [];
    let dropped = false;
    const t0 = performance.now();
    for (let i = 0; i < events.length; i++) {
      const due = t0 + i * spacing;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (!dropped && i >= events.length / 2) {
        dropped = true;
        void emu.dropConnection();
      }
      const e = events[i]!;
      if (e.kind === 'slash') {
        const ix = await emu.sendCommand({
          name: 'ask',
          options: { question: e.question.slice(0, 500) },
          user: e.user,
          channelId: e.channel,
        });
        interactions.push({ id: ix.id, at: ix.dispatchedAt, acked: ix.acknowledged.catch(() => null) });
      } else {
        const at = performance.now();
        const msg = await emu.sendMessage({
          author: e.user,
          content: e.question,
          mentionsBot: true,
          channelId: e.channel,
        });
        mentions.push({ id: msg.id as string, at });
      }
    }
    const acks = await Promise.all(interactions.map((x) => x.acked));

    const firstResponse = (id: string): number | undefined => {
      const reply = emu.calls.find(
        (c) => isPost(c) && c.status === 200 && c.body?.message_reference?.message_id === id,
      );
      const reaction = emu.calls.find(
        (c) => c.method === 'PUT' && c.status === 204 && c.path.includes(`/messages/${id}/reactions/`),
      );
      const times = [reply?.at, reaction?.at].filter((t): t is number => t !== undefined);
      return times.length ? Math.min(...times) : undefined;
    };
    const settleBy = Date.now() + (options.settleMs ?? 120_000);
    while (mentions.some((m) => firstResponse(m.id) === undefined) && Date.now() < settleBy) {
      await new Promise((r) => setTimeout(r, 100));
    }

    const ackMs = interactions.map((x, i) => (acks[i] ? acks[i]!.at - x.at : Infinity));
    const callbacks = new Map<string, number>();
    for (const c of emu.calls) {
      const m = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(c.path);
      if (m && c.status >= 200 && c.status < 300) callbacks.set(m[1]!, (callbacks.get(m[1]!) ?? 0) + 1);
    }
    const answerMs: number[] = [];
    let byReply = 0;
    let byPointer = 0;
    let byLimit = 0;
    let byOther = 0;
    let mentionDuplicates = 0;
    for (const m of mentions) {
      const first = firstResponse(m.id);
      if (first !== undefined) answerMs.push(first - m.at);
      const replies = emu.calls.filter(
        (c) => isPost(c) && c.status === 200 && c.body?.message_reference?.message_id === m.id,
      ).length;
      if (replies > 1) mentionDuplicates++;
      const reactions = ((emu.message(m.id)?.reactions ?? []) as { emoji: { name: string } }[]).map(
        (r) => r.emoji.name,
      );
      if (replies > 0) byReply++;
      else if (reactions.includes('👆')) byPointer++;
      else if (reactions.includes('⏳')) byLimit++;
      else if (reactions.length > 0) byOther++;
    }
    const posts = emu.calls.filter((c) => isPost(c) && c.status === 200);
    const pointers = posts.filter((c) => String(c.body?.content ?? '').startsWith('↩️')).length;
    const answers = posts.filter((c) => (c.body?.embeds ?? []).length > 0).length;
    const answered = answerMs.length;

    bot.kill('SIGTERM');
    const exitCode = await exited;
    const finite = ackMs.filter(Number.isFinite);
    return {
      interactions: {
        sent: interactions.length,
        acknowledged: finite.length,
        within3s: ackMs.filter((ms) => ms <= 3000).length,
        duplicated: [...callbacks.values()].filter((n) => n > 1).length,
        p50: round(percentile(finite, 50)),
        p99: round(percentile(finite, 99)),
        max: round(Math.max(...finite)),
      },
      mentions: {
        sent: mentions.length,
        answered,
        byReply,
        byPointerReaction: byPointer,
        byLimitReaction: byLimit,
        byOtherReaction: byOther,
        lost: mentions.length - answered,
        duplicated: mentionDuplicates,
        p50: round(percentile(answerMs, 50)),
        p99: round(percentile(answerMs, 99)),
        max: round(Math.max(...answerMs)),
      },
      channelPosts: { answers, pointers, notices: posts.length - answers - pointers },
      gateway: { resumes: emu.resumes, identifies: emu.identifies },
      idleRssMb: idle,
      peakRssMb: peak,
      exitCode,
      wallSeconds: round((performance.now() - started) / 1000),
    };
  } finally {
    clearInterval(sampler);
    if (bot.exitCode === null && bot.signalCode === null) bot.kill('SIGKILL');
    await emu.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function isPost(c: RecordedCall): boolean {
  return c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path);
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** The load test's verdict on its own figures: the bar, as a list of failures. */
export function loadFailures(r: DiscordLoadResult): string[] {
  const failures: string[] = [];
  if (r.interactions.within3s !== r.interactions.sent)
    failures.push(
      `${r.interactions.sent - r.interactions.within3s} interactions not acknowledged within 3 s`,
    );
  if (r.interactions.duplicated > 0)
    failures.push(`${r.interactions.duplicated} interactions acknowledged twice`);
  if (r.mentions.lost > 0) failures.push(`${r.mentions.lost} mentions never answered`);
  if (r.mentions.duplicated > 0) failures.push(`${r.mentions.duplicated} mentions answered twice`);
  if (r.exitCode !== 0) failures.push(`the bot exited ${r.exitCode} on SIGTERM`);
  if (r.gateway.resumes < 1) failures.push('the gateway drop was not resumed');
  return failures;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lines = readFileSync(path.join(ROOT, 'test/eval/questions.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => (JSON.parse(l) as { question: string }).question);
  const result = await benchDiscordLoad({ questions: lines });
  console.log(JSON.stringify(result, null, 2));
  const failures = loadFailures(result);
  if (failures.length > 0) {
    console.error(`FAILED: ${failures.join('; ')}`);
    process.exitCode = 1;
  }
}

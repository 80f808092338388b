/** Shared e2e setup: the loopback Discord emulator plus the real bot (startBot) pointed at it. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { ConceptEngine } from '../../src/answer/ConceptEngine.js';
import { loadEngine } from '../../src/answer/loadEngine.js';
import type { BotConfig } from '../../src/config/env.js';
import { parseBotConfig } from '../../src/config/env.js';
import type { LearningEvent, LearningLog } from '../../src/learn/types.js';
import { createLogger, type Logger } from '../../src/logging/logger.js';
import { startBot, type RunningBot } from '../../src/discord/startBot.js';
import { DiscordEmulator, type RecordedCall } from '../emulator/DiscordEmulator.js';

export const REAL_KNOWLEDGE = path.resolve(import.meta.dirname, '../../knowledge');

/** Collects pino's JSON lines. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() === '') continue;
      this.raw.push(line);
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
  events(name: string): Record<string, unknown>[] {
    return this.lines.filter((l) => l.event === name);
  }
}

export class RecordingLearningLog implements LearningLog {
  readonly events: LearningEvent[] = [];
  record(event: LearningEvent): void {
    this.events.push(event);
  }
}

/** The engine the bot sees: swap `current` (hot reload) or set `fail` (handler errors). */
export interface EngineRef {
  current: ConceptEngine;
  fail: boolean;
}

export interface Harness {
  emu: DiscordEmulator;
  engineRef: EngineRef;
  bot: RunningBot;
  config: BotConfig;
  logs: LogCapture;
  logger: Logger;
  learning: RecordingLearningLog;
  engine: ConceptEngine;
  /** The channels asked for in `HarnessOptions.channels`, by name. */
  channels: Record<string, string>;
  /** Starts another bot against the same emulator (same config unless overridden). */
  restart(overrides?: Partial<BotConfig>): Promise<RunningBot>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  knowledgeDir?: string;
  engine?: ConceptEngine;
  config?: Partial<BotConfig>;
  /** Registers commands in the guild (default true). */
  registerGuild?: boolean;
  /** More text channels, made before the bot connects (ids in `Harness.channels`). */
  channels?: string[];
  emulator?: Parameters<typeof DiscordEmulator.start>[0];
}

export function configFor(emu: DiscordEmulator, overrides: Partial<BotConfig> = {}): BotConfig {
  const base = parseBotConfig({
    ...emu.botEnv(),
    COOLDOWN_SECONDS: '0',
    DUPLICATE_WINDOW_SECONDS: '0',
    LOG_LEVEL: 'debug',
  });
  return Object.assign(base, overrides);
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emu = await DiscordEmulator.start(options.emulator);
  const channels = Object.fromEntries(
    (options.channels ?? []).map((name) => [name, emu.createChannel(name)]),
  );
  const engine = options.engine ?? (await loadEngine(options.knowledgeDir ?? REAL_KNOWLEDGE));
  const engineRef: EngineRef = { current: engine, fail: false };
  const getEngine = () => {
    if (engineRef.fail) throw new Error('engine exploded (test)');
    return engineRef.current;
  };
  const config = configFor(emu, {
    ...(options.registerGuild === false ? { guildId: undefined } : {}),
    ...options.config,
  });
  const logs = new LogCapture();
  const logger = createLogger({ level: 'debug', destination: logs, secrets: [config.token] });
  const learning = new RecordingLearningLog();
  const bots: RunningBot[] = [];
  const start = async (cfg: BotConfig) => {
    const bot = await startBot({ config: cfg, getEngine, logger, learningLog: learning });
    bots.push(bot);
    return bot;
  };
  const bot = await start(config);
  await emu.waitForReady();
  return {
    emu,
    engineRef,
    bot,
    config,
    logs,
    logger,
    learning,
    engine,
    channels,
    restart: (overrides = {}) => start(Object.assign(configFor(emu), config, overrides)),
    close: async () => {
      await Promise.all(bots.map((b) => b.stop()));
      await emu.stop();
    },
  };
}

/** A temporary knowledge folder with the given files. */
export async function tempKnowledge(
  files: Record<string, string>,
): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-knowledge-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text, 'utf8');
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** The bot's next message POST in a channel (a reply to a chat message). */
export function isChannelPost(channelId?: string) {
  return (c: RecordedCall) =>
    c.method === 'POST' &&
    /^\/channels\/\d+\/messages$/.test(c.path) &&
    (!channelId || c.path.includes(channelId));
}

export function isCallback(interactionId: string) {
  return (c: RecordedCall) => c.method === 'POST' && c.path.startsWith(`/interactions/${interactionId}/`);
}

/** Custom ids of every button in a message body. */
export function customIds(body: { components?: { components?: { custom_id?: string }[] }[] }): string[] {
  return (body.components ?? []).flatMap((r) => (r.components ?? []).map((c) => c.custom_id ?? ''));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every message-bearing request the bot made sets allowed_mentions that cannot ping at large. */
export function expectNoMassPings(calls: RecordedCall[]): number {
  let checked = 0;
  for (const c of calls) {
    const isMessage =
      (c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path)) ||
      (c.method === 'POST' && /^\/webhooks\//.test(c.path)) ||
      (c.method === 'PATCH' && /^\/webhooks\//.test(c.path)) ||
      (c.method === 'POST' && /\/callback$/.test(c.path) && (c.body?.type === 4 || c.body?.type === 7));
    if (!isMessage) continue;
    const body = /\/callback$/.test(c.path) ? c.body?.data : c.body;
    const am = body?.allowed_mentions;
    if (
      !am ||
      !Array.isArray(am.parse) ||
      am.parse.length !== 0 ||
      (am.roles ?? []).length > 0 ||
      am.replied_user
    ) {
      throw new Error(`unsafe allowed_mentions in ${c.method} ${c.path}: ${JSON.stringify(am)}`);
    }
    checked++;
  }
  return checked;
}

/** No request of the bot was refused as invalid (400), unknown/expired (404) or double-acknowledged. */
export function expectAllAccepted(calls: RecordedCall[]): void {
  const refused = calls.filter((c) => c.status === 400 || c.status === 404);
  if (refused.length > 0) {
    throw new Error(
      `refused requests:\n${refused.map((c) => `${c.method} ${c.path} ${c.status} ${JSON.stringify(c.response)}`).join('\n')}`,
    );
  }
}

export function isEphemeral(body: { flags?: number } | undefined): boolean {
  return ((body?.flags ?? 0) & 64) === 64;
}

const CANDIDATES: Record<'answer' | 'suggest' | 'none', string[]> = {
  answer: [
    'what does await do?',
    'does await block the thread?',
    'is async void bad?',
    'how do i handle errors',
    'thread pool',
  ],
  suggest: [
    'what happens with the result',
    'what about exceptions and threads',
    'the method',
    'help with my method',
    'compile error',
    'banana bread recipe',
    'best banana bread recipe',
    'tell me about tasks',
    'what is the difference',
  ],
  none: ['zxqv blorp frindle', 'what is the weather like today', 'can you explain this', 'how does it work'],
};

/**
 * A question the current engine answers with `kind` (the engine is tuned by others, so tests pick
 * their questions by asking it rather than hard-coding its verdicts).
 */
export function questionOf(
  engine: ConceptEngine,
  kind: 'answer' | 'suggest' | 'none',
  exclude: string[] = [],
): string {
  const q = CANDIDATES[kind].find(
    (c) =>
      !exclude.includes(c) &&
      engine.ask(c).kind === kind &&
      (kind !== 'suggest' || engine.ask(c).suggestions.length > 0),
  );
  if (!q)
    throw new Error(
      `no candidate question gets kind "${kind}" from the current engine; add one to CANDIDATES`,
    );
  return q;
}

/** Waits until a log line with `event` (and matching `pred`) appears. */
export async function waitForLog(
  logs: LogCapture,
  event: string,
  pred: (line: Record<string, unknown>) => boolean = () => true,
  timeoutMs = 3000,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = logs.events(event).find(pred);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no "${event}" log line within ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** The bot's replies (channel posts it made, accepted) to the chat message `messageId`. */
export function repliesTo(emu: DiscordEmulator, messageId: string): RecordedCall[] {
  return emu.calls.filter(
    (c) => isChannelPost()(c) && c.status === 200 && c.body?.message_reference?.message_id === messageId,
  );
}

/** The emoji the bot has put on a message (as the emulator stores them). */
export function botReactions(emu: DiscordEmulator, messageId: string): string[] {
  const reactions = (emu.message(messageId)?.reactions ?? []) as { me?: boolean; emoji: { name: string } }[];
  return reactions.filter((r) => r.me).map((r) => r.emoji.name);
}

/** Waits until `check` holds (polling), or throws after `timeoutMs` with `what`. */
export async function waitUntil(
  check: () => boolean,
  what: string | (() => string),
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`,
      );
    }
    await sleep(10);
  }
}

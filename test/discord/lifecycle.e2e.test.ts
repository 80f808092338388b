/**
 * Stopping and failing cleanly, end to end (real discord.js client ↔ emulator with Discord's channel
 * limit of 5 messages per 5 s): queued replies are drained, whatever cannot be sent is counted, people
 * asking during the drain are told to ask again, and a fatal gateway close says what to fix.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DISCORD_ROUTE_LIMITS } from '../emulator/DiscordEmulator.js';
import {
  botReactions,
  isChannelPost,
  isEphemeral,
  repliesTo,
  startHarness,
  waitForLog,
  waitUntil,
  type Harness,
} from './harness.js';

const DISCORD_LIMITS = { limit: 50, windowMs: 1000, routes: DISCORD_ROUTE_LIMITS };

describe('drain on stop (e2e)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function queueMentions(harness: Harness, count: number) {
    const channel = harness.channels.busy!;
    const asked: { id: string }[] = [];
    for (let i = 0; i < count; i++) {
      asked.push(
        await harness.emu.sendMessage({
          author: harness.emu.createUser(`q${i}`),
          content: `zxqv blorp frindle number ${i}`,
          mentionsBot: true,
          channelId: channel,
        }),
      );
    }
    // The first five go out at once; the rest wait for the channel's budget.
    await waitUntil(
      () => harness.emu.calls.filter((c) => isChannelPost(channel)(c) && c.status === 200).length >= 5,
      'the first five posts',
    );
    return { channel, asked };
  }

  it('sends what fits in the drain, tells late askers to ask again, and counts what was not sent', async () => {
    h = await startHarness({
      channels: ['busy'],
      config: { drainSeconds: 2 },
      emulator: { rateLimit: DISCORD_LIMITS },
    });
    const { channel, asked } = await queueMentions(h, 12);
    const stopping = h.bot.stop();
    await waitForLog(h.logs, 'draining');

    // Arriving during the drain: an /ask gets an ephemeral "restarting", a mention a 🔄 reaction.
    const ix = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: h.emu.createUser('late'),
    });
    const ack = (await ix.acknowledged).data;
    expect(isEphemeral(ack)).toBe(true);
    expect(ack.content).toContain('restarting');
    const late = await h.emu.sendMessage({
      author: h.emu.createUser('late-mention'),
      content: 'what does await do?',
      mentionsBot: true,
      channelId: h.emu.channels.general,
    });
    await waitUntil(() => botReactions(h!.emu, late.id).length > 0, 'the 🔄 reaction');
    expect(botReactions(h.emu, late.id)).toEqual(['🔄']);

    const report = await stopping;
    const answered = asked.filter((m) => repliesTo(h!.emu, m.id).length === 1).length;
    expect(answered).toBeGreaterThanOrEqual(5);
    expect(answered).toBeLessThan(12);
    expect(report.unsent).toBe(12 - answered);
    const line = h.logs.events('shutdown-unsent')[0];
    expect(line).toMatchObject({ level: 50, unsent: 12 - answered, byChannel: { [channel]: 12 - answered } });
    expect(String(line?.msg)).toMatch(/repl(y|ies) could not be sent within the 2 s drain/);
    // Nothing was sent twice, and nothing after the client was destroyed.
    for (const m of asked) expect(repliesTo(h.emu, m.id).length).toBeLessThanOrEqual(1);
    expect(h.bot.client.isReady()).toBe(false);
  }, 20_000);

  it('sends every queued reply when the drain is long enough', async () => {
    h = await startHarness({
      channels: ['busy'],
      config: { drainSeconds: 10 },
      emulator: { rateLimit: DISCORD_LIMITS },
    });
    const { asked } = await queueMentions(h, 8);
    const report = await h.bot.stop();
    expect(report).toEqual({ unsent: 0 });
    for (const m of asked) expect(repliesTo(h.emu, m.id)).toHaveLength(1);
    expect(h.logs.events('shutdown-unsent')).toEqual([]);
  }, 20_000);
});

describe('fatal gateway closes (e2e)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('a 4004 close (token reset) is fatal and says what to fix', async () => {
    h = await startHarness();
    await h.emu.dropConnection(4004);
    const fatal = await h.bot.fatal;
    expect(fatal).toMatchObject({ code: 4004, name: 'Authentication failed' });
    const line = await waitForLog(h.logs, 'gateway-fatal');
    expect(line).toMatchObject({ level: 60, code: 4004 });
    expect(String(line.msg)).toContain('Reset Token');
    expect(String(line.msg)).toContain('DISCORD_TOKEN');
    expect(h.emu.identifies).toBe(1);
  });

  it('a resumable drop is not fatal', async () => {
    h = await startHarness();
    let fatal = false;
    void h.bot.fatal.then(() => (fatal = true));
    await h.emu.dropConnection(4000);
    await h.emu.waitForReady(10_000, { fresh: true });
    expect(fatal).toBe(false);
    expect(h.logs.events('gateway-fatal')).toEqual([]);
  });
});

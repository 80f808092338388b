/** Questions in chat (mentions, DMs, answer channels), end to end: real discord.js client ↔ emulator. */
import { GatewayIntentBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectAllAccepted,
  expectNoMassPings,
  isChannelPost,
  questionOf,
  startHarness,
  type Harness,
} from './harness.js';

const NO_REPLY_MS = 300;

describe('mentions and DMs (no Message Content intent)', () => {
  let h: Harness;
  let n = 0;
  const user = () => h.emu.createUser(`m${n++}`);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    if (!h) return;
    expect(h.emu.internalErrors).toEqual([]);
    expectAllAccepted(h.emu.calls);
    expectNoMassPings(h.emu.calls);
    await h.close();
  });

  it('identifies without the privileged Message Content intent', () => {
    const intents = h.emu.lastIntents ?? 0;
    expect(intents & GatewayIntentBits.MessageContent).toBe(0);
    expect(intents & GatewayIntentBits.Guilds).toBeTruthy();
    expect(intents & GatewayIntentBits.GuildMessages).toBeTruthy();
    expect(intents & GatewayIntentBits.DirectMessages).toBeTruthy();
  });

  it('answers a mention as a reply that pings nobody', async () => {
    const mark = h.emu.mark();
    const asked = await h.emu.sendMessage({
      author: user(),
      content: 'what does await do?',
      mentionsBot: true,
    });
    const post = await h.emu.waitForCall(isChannelPost(h.emu.channels.general), 5000, mark);
    expect(post.status).toBe(200);
    expect(post.body.message_reference.message_id).toBe(asked.id);
    expect(post.body.allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
    expect(post.body.embeds[0].title).toBe('`await` keyword');
    expect(post.response.mentions).toEqual([]);
  });

  it("matches on the asker's own words, not pasted code or quoted errors", async () => {
    const mark = h.emu.mark();
    await h.emu.sendMessage({
      author: user(),
      content:
        'does await block the thread?\n```csharp\ntry { Foo(); } catch (Exception e) { Console.WriteLine(e); }\n```\n> Unhandled exception. System.InvalidOperationException',
      mentionsBot: true,
    });
    const post = await h.emu.waitForCall(isChannelPost(), 5000, mark);
    const expected = h.engineRef.current.ask('does await block the thread?');
    expect(post.body.embeds[0].title).toBe(expected.match?.section.titleMarkdown);
  });

  it('answers a DM', async () => {
    const alice = user();
    const dm = h.emu.dmChannelId(alice.id);
    const mark = h.emu.mark();
    await h.emu.sendMessage({ author: alice, content: 'is async void bad?', dm: true });
    const post = await h.emu.waitForCall(isChannelPost(dm), 5000, mark);
    expect(post.status).toBe(200);
    expect(post.body.embeds.length).toBeGreaterThan(0);
  });

  it('gives the help text to an empty mention, and a hint to a code-only mention', async () => {
    let mark = h.emu.mark();
    await h.emu.sendMessage({ author: user(), content: '', mentionsBot: true });
    const help = await h.emu.waitForCall(isChannelPost(), 5000, mark);
    expect(help.body.embeds[0].title).toBe('concept-bot help');
    mark = h.emu.mark();
    await h.emu.sendMessage({
      author: user(),
      content: '```cs\nawait Task.Delay(1);\n```',
      mentionsBot: true,
    });
    const hint = await h.emu.waitForCall(isChannelPost(), 5000, mark);
    expect(hint.body.content).toContain('what would you like to know about it?');
    expect(hint.body.embeds ?? []).toEqual([]);
  });

  it('cannot be made to ping @everyone, roles or users', async () => {
    const victim = user();
    const mark = h.emu.mark();
    await h.emu.sendMessage({
      author: user(),
      content: `@everyone @here <@${victim.id}> <@&${h.emu.guildId}> what does await do?`,
      mentionsBot: true,
      mentionEveryone: true,
    });
    const post = await h.emu.waitForCall(isChannelPost(), 5000, mark);
    expect(post.body.allowed_mentions.parse).toEqual([]);
    expect(post.body.allowed_mentions.users).toEqual([]);
    expect(post.body.allowed_mentions.roles).toEqual([]);
    expect(post.response.mention_everyone).toBe(false);
    expect(post.response.mentions).toEqual([]);
    expect(post.response.mention_roles).toEqual([]);
  });

  it('copes with a 6,000-character question', async () => {
    const mark = h.emu.mark();
    const long = `what does await do? ${'please explain in detail '.repeat(240)}`.slice(0, 6000);
    expect(long.length).toBe(6000);
    await h.emu.sendMessage({ author: user(), content: long, mentionsBot: true });
    const post = await h.emu.waitForCall(isChannelPost(), 5000, mark);
    expect(post.status).toBe(200);
    const ix = await h.emu.sendCommand({ name: 'ask', options: { question: long }, user: user() });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    expect(ack.data.embeds[0].author.name.length).toBeLessThanOrEqual(256);
  });

  it('says "I don\'t know that yet" to a mention it cannot match', async () => {
    const mark = h.emu.mark();
    await h.emu.sendMessage({
      author: user(),
      content: questionOf(h.engineRef.current, 'none'),
      mentionsBot: true,
    });
    const post = await h.emu.waitForCall(isChannelPost(), 5000, mark);
    expect(post.body.content).toContain("I don't know that yet");
  });

  it('ignores other bots, itself, and messages that do not mention it', async () => {
    const other = h.emu.world.createUser('otherbot', { bot: true });
    const mark = h.emu.mark();
    await h.emu.sendMessage({ author: other, content: 'what does await do?', mentionsBot: true });
    await h.emu.sendMessage({ author: user(), content: 'what does await do?' });
    await expect(h.emu.waitForCall(isChannelPost(), NO_REPLY_MS, mark)).rejects.toThrow();
  });

  it('answers the new engine after a hot swap', async () => {
    const { loadEngine } = await import('../../src/answer/loadEngine.js');
    const previous = h.engineRef.current;
    h.engineRef.current = await loadEngine(new URL('../fixtures/multi-topic', import.meta.url).pathname);
    try {
      const ix = await h.emu.sendCommand({ name: 'topics', user: user() });
      const reply = await ix.waitForReply();
      expect(reply.embeds[0].title).toMatch(/^2 topics/);
    } finally {
      h.engineRef.current = previous;
    }
  });
});

describe('answer channels (Message Content intent)', () => {
  let h: Harness;
  let answerChannel: string;
  let n = 0;
  const user = () => h.emu.createUser(`c${n++}`);

  beforeAll(async () => {
    h = await startHarness({ config: {} });
    // Restart with the help channel as an answer channel.
    await h.bot.stop();
    answerChannel = h.emu.channels.help;
    h.bot = await h.restart({ answerChannelIds: [answerChannel] });
    await h.emu.waitForReady();
  });
  afterAll(async () => {
    if (!h) return;
    expectAllAccepted(h.emu.calls);
    expectNoMassPings(h.emu.calls);
    await h.close();
  });

  it('asks for Message Content', () => {
    expect((h.emu.lastIntents ?? 0) & GatewayIntentBits.MessageContent).toBeTruthy();
  });

  it('answers a confident plain question', async () => {
    const mark = h.emu.mark();
    const asked = await h.emu.sendMessage({
      author: user(),
      content: 'what does await do?',
      channelId: answerChannel,
    });
    const post = await h.emu.waitForCall(isChannelPost(answerChannel), 5000, mark);
    expect(post.body.message_reference.message_id).toBe(asked.id);
    expect(post.body.embeds[0].title).toBe('`await` keyword');
  });

  it('stays silent when unsure, on no match, on chatter, and outside answer channels', async () => {
    const mark = h.emu.mark();
    await h.emu.sendMessage({
      author: user(),
      content: questionOf(h.engineRef.current, 'suggest'),
      channelId: answerChannel,
    });
    await h.emu.sendMessage({
      author: user(),
      content: questionOf(h.engineRef.current, 'none'),
      channelId: answerChannel,
    });
    await h.emu.sendMessage({ author: user(), content: 'good morning everyone', channelId: answerChannel });
    await h.emu.sendMessage({
      author: user(),
      content: '```cs\nawait Task.Delay(1); // what does await do?\n```',
      channelId: answerChannel,
    });
    await h.emu.sendMessage({
      author: user(),
      content: 'what does await do?',
      channelId: h.emu.channels.general,
    });
    await expect(h.emu.waitForCall(isChannelPost(), NO_REPLY_MS, mark)).rejects.toThrow();
  });
});

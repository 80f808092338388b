/**
 * The bot as people use it, end to end (real discord.js client ↔ loopback emulator with Discord's own
 * channel limits: 5 messages per 5 s, a reaction per 250 ms): bursts are answered, floods are limited
 * visibly (a reaction, an ephemeral notice, one DM reply), duplicates point instead of repeating,
 * thanks get a reaction, small talk a friendly line, an uncovered language is named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_ROUTE_LIMITS } from '../emulator/DiscordEmulator.js';
import {
  botReactions,
  expectAllAccepted,
  expectNoMassPings,
  isChannelPost,
  isEphemeral,
  repliesTo,
  sleep,
  startHarness,
  waitUntil,
  waitForLog,
  type Harness,
} from './harness.js';

/** Questions the shipped knowledge answers, each with a different section. */
const DISTINCT = ['what does await do?', 'is async void bad?', 'how do i handle errors', 'thread pool'];
/** Seven questions that get seven different replies (six sections and an "I don't know"). */
const SEVEN = [...DISTINCT, 'what is the syntax of an async method', 'fire and forget', 'zxqv blorp frindle'];

const DISCORD_LIMITS = { limit: 50, windowMs: 1000, routes: DISCORD_ROUTE_LIMITS };

function harness(config: Parameters<typeof startHarness>[0] = {}) {
  return startHarness({
    ...config,
    config: { cooldownSeconds: 5, questionBurst: 4, duplicateWindowSeconds: 120, ...config.config },
    emulator: { rateLimit: DISCORD_LIMITS },
  });
}

describe('limits that fit people (e2e)', () => {
  let h: Harness;
  let n = 0;
  const user = () => h.emu.createUser(`p${n++}`);

  beforeAll(async () => {
    h = await harness({ channels: ['flood', 'pointers', 'busy'] });
  });
  afterAll(async () => {
    if (!h) return;
    expect(h.emu.internalErrors).toEqual([]);
    expectAllAccepted(h.emu.calls.filter((c) => c.status !== 429));
    expectNoMassPings(h.emu.calls);
    await h.close();
  });

  it('answers a burst of 3 questions by slash command, all three', async () => {
    const asker = user();
    const acks = [];
    for (const question of DISTINCT.slice(0, 3)) {
      const ix = await h.emu.sendCommand({ name: 'ask', options: { question }, user: asker });
      acks.push(await ix.acknowledged);
    }
    for (const ack of acks) {
      expect(ack.type).toBe(4);
      expect(isEphemeral(ack.data)).toBe(false);
      expect(ack.data.embeds[0].title).toBeTruthy();
    }
  });

  it('answers a burst of 3 mentions, all three, each with its own reply', async () => {
    const asker = user();
    const channel = h.emu.channels.help;
    const asked: { id: string }[] = [];
    for (const question of DISTINCT.slice(0, 3)) {
      asked.push(
        await h.emu.sendMessage({ author: asker, content: question, mentionsBot: true, channelId: channel }),
      );
    }
    await waitUntil(() => asked.every((m) => repliesTo(h.emu, m.id).length === 1), 'three replies');
    for (const m of asked) expect(repliesTo(h.emu, m.id)[0]!.body.embeds[0].title).toBeTruthy();
  });

  it('answers a burst of 3 DMs, all three', async () => {
    const asker = user();
    const asked: { id: string }[] = [];
    for (const question of DISTINCT.slice(0, 3)) {
      asked.push(await h.emu.sendMessage({ author: asker, content: question, dm: true }));
    }
    await waitUntil(() => asked.every((m) => repliesTo(h.emu, m.id).length === 1), 'three DM replies');
  });

  it('answers one person asking by /ask, then 17 ms later by mention, then by DM', async () => {
    const asker = user();
    const ix = await h.emu.sendCommand({ name: 'ask', options: { question: DISTINCT[3]! }, user: asker });
    await sleep(17);
    const mention = await h.emu.sendMessage({
      author: asker,
      content: DISTINCT[3]!,
      mentionsBot: true,
      channelId: h.emu.channels.help,
    });
    const dm = await h.emu.sendMessage({ author: asker, content: DISTINCT[3]!, dm: true });
    expect((await ix.acknowledged).data.embeds[0].title).toBeTruthy();
    await waitUntil(
      () => repliesTo(h.emu, mention.id).length === 1 && repliesTo(h.emu, dm.id).length === 1,
      'the mention and DM answered',
    );
  });

  it('acknowledges each of a flood of 8 mentions visibly, with at most 5 posts', async () => {
    const flooder = user();
    const channel = h.channels.flood!;
    const mark = h.emu.mark();
    const asked: { id: string }[] = [];
    for (let i = 0; i < 8; i++) {
      const question = i < DISTINCT.length ? DISTINCT[i]! : `what does await do, part ${i}?`;
      asked.push(
        await h.emu.sendMessage({
          author: flooder,
          content: question,
          mentionsBot: true,
          channelId: channel,
        }),
      );
    }
    const acknowledged = (m: { id: string }) =>
      repliesTo(h.emu, m.id).length > 0 || botReactions(h.emu, m.id).length > 0;
    await waitUntil(() => asked.every(acknowledged), 'every flooded mention acknowledged', 10_000);
    const posts = h.emu.calls.slice(mark).filter((c) => isChannelPost(channel)(c) && c.status === 200);
    expect(posts.length).toBeLessThanOrEqual(5);
    // The first four (the burst) are answered; the rest get ⏳ and no post.
    for (const m of asked.slice(0, 4)) expect(repliesTo(h.emu, m.id)).toHaveLength(1);
    for (const m of asked.slice(4)) {
      expect(repliesTo(h.emu, m.id)).toHaveLength(0);
      expect(botReactions(h.emu, m.id)).toEqual(['⏳']);
    }
    // Each logged as limited (the line follows the reaction's request, so it may lag a moment).
    await waitUntil(
      () => h.logs.events('question').filter((l) => l.outcome === 'limited').length >= 4,
      'four "limited" log lines',
    );
  });

  it('tells a flooding DM asker once, then marks further DMs with ⏳', async () => {
    const flooder = user();
    const asked: { id: string }[] = [];
    for (let i = 0; i < 7; i++) {
      asked.push(await h.emu.sendMessage({ author: flooder, content: SEVEN[i]!, dm: true }));
    }
    const done = (m: { id: string }) =>
      repliesTo(h.emu, m.id).length > 0 || botReactions(h.emu, m.id).length > 0;
    await waitUntil(() => asked.every(done), 'every DM acknowledged', 10_000);
    const replies = asked.map((m) => repliesTo(h.emu, m.id));
    for (const r of replies.slice(0, 4)) expect(r).toHaveLength(1);
    expect(replies[4]).toHaveLength(1);
    expect(replies[4]![0]!.body.content).toContain('ask again in');
    for (const m of asked.slice(5)) {
      expect(repliesTo(h.emu, m.id)).toHaveLength(0);
      expect(botReactions(h.emu, m.id)).toEqual(['⏳']);
    }
  });

  it('gives a limited /ask an ephemeral notice that says when to ask again', async () => {
    const asker = user();
    const acks = [];
    for (let i = 0; i < 5; i++) {
      const ix = await h.emu.sendCommand({
        name: 'ask',
        options: { question: `zxqv blorp frindle ${i}` },
        user: asker,
        channelId: h.emu.channels.help,
      });
      acks.push(await ix.acknowledged);
    }
    for (const ack of acks.slice(0, 4)) expect(isEphemeral(ack.data)).toBe(false);
    expect(isEphemeral(acks[4]!.data)).toBe(true);
    expect(acks[4]!.data.content).toMatch(/ask again in \d+ seconds?/);
  });

  it('points a second asker at the answer above with a reaction, and that costs no question', async () => {
    const channel = h.channels.pointers!;
    const first = await h.emu.sendMessage({
      author: user(),
      content: 'what is the syntax of an async method',
      mentionsBot: true,
      channelId: channel,
    });
    await waitUntil(() => repliesTo(h.emu, first.id).length === 1, 'the first answer');
    const second = user();
    const repeat = await h.emu.sendMessage({
      author: second,
      content: 'what is the syntax of an async method',
      mentionsBot: true,
      channelId: channel,
    });
    await waitUntil(() => botReactions(h.emu, repeat.id).length > 0, 'the pointer reaction');
    expect(botReactions(h.emu, repeat.id)).toEqual(['👆']);
    expect(repliesTo(h.emu, repeat.id)).toHaveLength(0);
    // The pointer took nothing: the second asker still has a whole burst.
    const ix: Awaited<ReturnType<Harness['emu']['sendCommand']>>[] = [];
    for (const question of DISTINCT) {
      ix.push(
        await h.emu.sendCommand({
          name: 'ask',
          options: { question },
          user: second,
          channelId: h.channels.pointers!,
        }),
      );
    }
    for (const i of ix) expect(isEphemeral((await i.acknowledged).data)).toBe(false);
  });

  it('links the earlier answer once it has scrolled away', async () => {
    const channel = h.channels.pointers!;
    const first = await h.emu.sendMessage({
      author: user(),
      content: 'fire and forget',
      mentionsBot: true,
      channelId: channel,
    });
    await waitUntil(() => repliesTo(h.emu, first.id).length === 1, 'the first answer');
    const answerId = repliesTo(h.emu, first.id)[0]!.response.id as string;
    // The bot has seen its post land (where the answer sits in the channel counts from there).
    await waitForLog(h.logs, 'question', (l) => l.question === 'fire and forget' && l.delivered === 'posted');
    for (let i = 0; i < 12; i++)
      await h.emu.sendMessage({ author: user(), content: `chatter ${i}`, channelId: channel });
    const repeat = await h.emu.sendMessage({
      author: user(),
      content: 'fire and forget',
      mentionsBot: true,
      channelId: channel,
    });
    await waitUntil(
      () => repliesTo(h.emu, repeat.id).length === 1,
      () =>
        `the pointer reply (reactions: ${JSON.stringify(botReactions(h.emu, repeat.id))}; ${JSON.stringify(h.logs.events('question').at(-1))})`,
    );
    const pointer = repliesTo(h.emu, repeat.id)[0]!.body;
    expect(pointer.content).toContain(`/${channel}/${answerId}`);
    expect(pointer.embeds ?? []).toEqual([]);
  });
  it('in a busy channel, points with a reaction even at an answer that has scrolled away', async () => {
    const channel = h.channels.busy!;
    const first = await h.emu.sendMessage({
      author: user(),
      content: 'what does the async modifier do',
      mentionsBot: true,
      channelId: channel,
    });
    await waitUntil(() => repliesTo(h.emu, first.id).length === 1, 'the first answer');
    await waitForLog(h.logs, 'question', (l) => l.question === 'what does the async modifier do');
    // Ten people ask at once: the channel's budget (5 posts per 5 s) is spent, posts wait in the queue.
    for (let i = 0; i < 10; i++) {
      await h.emu.sendMessage({
        author: user(),
        content: `zxqv blorp frindle busy ${i}`,
        mentionsBot: true,
        channelId: channel,
      });
    }
    await waitUntil(
      () => h.emu.calls.filter((c) => isChannelPost(channel)(c) && c.status === 200).length >= 5,
      'the budget spent',
    );
    const repeat = await h.emu.sendMessage({
      author: user(),
      content: 'what does the async modifier do',
      mentionsBot: true,
      channelId: channel,
    });
    await waitUntil(() => botReactions(h.emu, repeat.id).length > 0, 'the pointer reaction');
    expect(botReactions(h.emu, repeat.id)).toEqual(['👆']);
    expect(repliesTo(h.emu, repeat.id)).toHaveLength(0);
  });
});

describe('replies a person would give (e2e)', () => {
  let h: Harness;
  let n = 0;
  const user = () => h.emu.createUser(`r${n++}`);
  /** A new user mentions the bot with `content`; the bot's one reply to it. */
  const replyToMention = async (content: string, what: string) => {
    const m = await h.emu.sendMessage({ author: user(), content, mentionsBot: true });
    await waitUntil(() => repliesTo(h.emu, m.id).length === 1, what);
    return repliesTo(h.emu, m.id)[0]!.body;
  };

  beforeAll(async () => {
    // `long`: a channel of its own, so no earlier answer there makes the long message a repeat.
    h = await harness({ channels: ['long'] });
  });
  afterAll(async () => {
    if (!h) return;
    expect(h.emu.internalErrors).toEqual([]);
    expectAllAccepted(h.emu.calls.filter((c) => c.status !== 429));
    expectNoMassPings(h.emu.calls);
    await h.close();
  });

  it('thanks and praise get a 👍 reaction, not "I don\'t know"', async () => {
    for (const content of ['thanks!', 'good bot', 'thanks, that helped a lot 🙏']) {
      const m = await h.emu.sendMessage({ author: user(), content, mentionsBot: true });
      await waitUntil(() => botReactions(h.emu, m.id).length > 0, `a reaction to "${content}"`);
      expect(botReactions(h.emu, m.id)).toEqual(['👍']);
      expect(repliesTo(h.emu, m.id)).toHaveLength(0);
    }
    const ix = await h.emu.sendCommand({ name: 'ask', options: { question: 'thanks!' }, user: user() });
    const ack = (await ix.acknowledged).data;
    expect(isEphemeral(ack)).toBe(true);
    expect(ack.content).toContain("You're welcome");
    expect(h.learning.events.filter((e) => e.question.startsWith('thank'))).toEqual([]);
  });

  it('small talk gets one friendly line that says what the bot can answer', async () => {
    const reply = await replyToMention('lol this server is dead', 'the small-talk reply');
    expect(reply.content).toMatch(/^👋 /);
    expect(reply.content).toContain('**C# async/await**');
    expect(reply.content).not.toContain("I don't know");
    expect(reply.embeds ?? []).toEqual([]);
    const dm = await h.emu.sendMessage({ author: user(), content: 'hello', dm: true });
    await waitUntil(() => repliesTo(h.emu, dm.id).length === 1, 'the DM greeting');
    expect(repliesTo(h.emu, dm.id)[0]!.body.content).toContain('I answer programming-concept questions');
  });

  it('a complaint gets one line on how to ask better, and is not logged as a question', async () => {
    const before = h.learning.events.length;
    const reply = await replyToMention("thanks but that's not what I asked", 'the reply to the complaint');
    expect(reply.content).toMatch(/^😕 Sorry that missed\./);
    expect(reply.content).toContain('**C# async/await**');
    expect(reply.embeds ?? []).toEqual([]);
    expect(reply.allowed_mentions).toMatchObject({ parse: [] });
    expect(h.learning.events.length).toBe(before);
  });

  it('a complaint replying to an answer logs that answer as not helpful, with its question', async () => {
    // In a DM, so that the channel's post budget the other tests use is not spent here.
    const asker = user();
    const q = await h.emu.sendMessage({
      author: asker,
      content: 'how do I catch exceptions from an async method?',
      dm: true,
    });
    await waitUntil(() => repliesTo(h.emu, q.id).length === 1, 'the answer');
    const answerPost = h.emu
      .messagesIn(q.channel_id as string)
      .find((m) => m.message_reference?.message_id === q.id)!;
    const complaint = await h.emu.sendMessage({
      author: asker,
      content: 'wrong answer',
      dm: true,
      referenceMessageId: answerPost.id as string,
    });
    await waitUntil(() => repliesTo(h.emu, complaint.id).length === 1, 'the reply to the complaint');
    expect(repliesTo(h.emu, complaint.id)[0]!.body.content).toContain(
      "I've noted that answer as not helpful",
    );
    expect(h.learning.events.at(-1)).toMatchObject({
      type: 'not-helpful',
      question: 'how do I catch exceptions from an async method?',
      entry: 'csharp-async-await/error-handling',
    });
  });

  it('names a language no topic covers, says what it knows, and logs it for the report', async () => {
    const m = await h.emu.sendMessage({
      author: user(),
      content: 'how do I use async await in java',
      mentionsBot: true,
    });
    await waitUntil(() => repliesTo(h.emu, m.id).length === 1, 'the reply');
    const reply = repliesTo(h.emu, m.id)[0]!.body.content as string;
    expect(reply).toContain("I don't have a Java topic yet; I know **C# async/await**");
    expect(reply).not.toContain('rephras');
    expect(h.learning.events.at(-1)).toMatchObject({
      type: 'unanswered',
      question: 'how do I use async await in java',
      languages: ['Java'],
    });
    const logged = await waitForLog(
      h.logs,
      'question',
      (l) => l.question === 'how do I use async await in java',
    );
    expect(logged).toMatchObject({ reason: 'unknown-language', unknownLanguages: ['Java'] });
    const ix = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'how do I use async await in java' },
      user: user(),
    });
    expect((await ix.acknowledged).data.content).toContain("I don't have a Java topic yet");
  });

  it('asks what the user wants to know about a message that is only code', async () => {
    const m = await h.emu.sendMessage({
      author: user(),
      content: '```cs\nawait Task.Delay(1);\n```',
      mentionsBot: true,
    });
    await waitUntil(() => repliesTo(h.emu, m.id).length === 1, 'the reply');
    expect(repliesTo(h.emu, m.id)[0]!.body.content).toContain('what would you like to know about it?');
  });

  it('hands the engine the whole message: mentions out, code blocks in', async () => {
    const seen: string[] = [];
    const engine = h.engineRef.current;
    h.engineRef.current = Object.create(engine, {
      ask: { value: (q: string) => (seen.push(q), engine.ask(q)) },
    }) as typeof engine;
    try {
      const victim = user();
      const content = [
        `<@${victim.id}> I keep getting a deadlock here:`,
        '```csharp',
        'var data = client.GetStringAsync(url).Result;',
        '```',
        'so does await block the thread?',
      ].join('\n');
      const m = await h.emu.sendMessage({ author: user(), content, mentionsBot: true });
      await waitUntil(() => repliesTo(h.emu, m.id).length === 1, 'the reply');
      expect(seen.at(-1)).toBe(
        'I keep getting a deadlock here:\n```csharp\nvar data = client.GetStringAsync(url).Result;\n```\nso does await block the thread?',
      );
    } finally {
      h.engineRef.current = engine;
    }
  });

  it('answers a 2,000-character message whose question is at its end', async () => {
    const story =
      'I have been porting an old desktop app to a web service and the team keeps arguing about how the request pipeline should behave when several downstream calls are slow, ';
    const question = 'so what does await actually do?';
    const words = story.repeat(20).split(' ');
    let content = '';
    for (const word of words) {
      if (content.length + word.length + 1 + question.length > 2000) break;
      content += `${word} `;
    }
    content += question;
    expect(content.length).toBeGreaterThan(1980);
    expect(content.length).toBeLessThanOrEqual(2000);
    const m = await h.emu.sendMessage({
      author: user(),
      content,
      mentionsBot: true,
      channelId: h.channels.long!,
    });
    await waitUntil(() => repliesTo(h.emu, m.id).length === 1, 'the reply');
    const expected = h.engineRef.current.ask(question).match?.section.titleMarkdown;
    expect(expected).toBeTruthy();
    expect(repliesTo(h.emu, m.id)[0]!.body.embeds?.[0]?.title).toBe(expected);
  });
});

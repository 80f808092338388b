/** Slash commands, the context menu and buttons, end to end: real discord.js client ↔ emulator. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/discord/commands/definitions.js';
import {
  botReactions,
  customIds,
  expectAllAccepted,
  expectNoMassPings,
  isCallback,
  isChannelPost,
  isEphemeral,
  questionOf,
  startHarness,
  waitForLog,
  type Harness,
} from './harness.js';

describe('commands (e2e)', () => {
  let h: Harness;
  let user: () => { id: string; username: string };
  let n = 0;

  beforeAll(async () => {
    h = await startHarness();
    user = () => h.emu.createUser(`user${n++}`);
  });

  afterAll(async () => {
    if (!h) return;
    expect(h.emu.internalErrors).toEqual([]);
    expectAllAccepted(h.emu.calls);
    expect(expectNoMassPings(h.emu.calls)).toBeGreaterThan(10);
    await h.close();
  });

  it('registers the guild commands on start, and a second start pushes nothing', async () => {
    const puts = () => h.emu.calls.filter((c) => c.method === 'PUT' && c.path.includes('/commands'));
    expect(puts()).toHaveLength(1);
    expect(puts()[0]?.path).toBe(`/applications/${h.emu.applicationId}/guilds/${h.emu.guildId}/commands`);
    expect(
      h.emu
        .registeredCommands(h.emu.guildId)
        .map((c) => c.name)
        .sort(),
    ).toEqual(commandDefinitions.map((c) => c.name).sort());
    expect(h.logs.events('invite')[0]?.url).toContain('permissions=85056');

    // A second bot process (the first one stopped) finds the commands up to date.
    await h.bot.stop();
    const mark = h.emu.mark();
    h.bot = await h.restart();
    const since = h.emu.calls.slice(mark).filter((c) => c.path.includes('/commands'));
    expect(since.map((c) => c.method)).toEqual(['GET']);
    expect(h.logs.events('commands').at(-1)).toMatchObject({ changed: false });
  });

  it('/ask answers publicly with the best section, quickly acknowledged', async () => {
    const ix = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: user(),
    });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    expect(ack.at - ix.dispatchedAt).toBeLessThan(3000);
    const body = ack.data;
    expect(isEphemeral(body)).toBe(false);
    expect(body.embeds[0].title).toBe('`await` keyword');
    expect(body.embeds[0].footer.text).toMatch(/C# async\/await · \d+% match/);
    expect(body.embeds[0].author.name).toContain('what does await do?');
    expect(body.allowed_mentions).toMatchObject({ parse: [], users: [], replied_user: false });
    const log = await waitForLog(h.logs, 'question', (l) => l.question === 'what does await do?');
    expect(log).toMatchObject({ via: 'ask', outcome: 'answer', entry: 'csharp-async-await/await-keyword' });
    expect(typeof log?.latencyMs).toBe('number');
  });

  it('/ask for: @user pings that user and only that user', async () => {
    const bob = user();
    const ix = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'is async void bad?', for: bob.id },
      user: user(),
    });
    const body = (await ix.acknowledged).data;
    expect(body.content).toBe(`Suggested for <@${bob.id}>`);
    expect(body.allowed_mentions).toEqual({ parse: [], users: [bob.id], roles: [], replied_user: false });
    const stored = h.emu.messagesIn(h.emu.channels.general).at(-1);
    expect(stored.mentions.map((m: { id: string }) => m.id)).toEqual([bob.id]);
  });

  it('/ask with no match says "I don\'t know that yet" and points to /topics', async () => {
    const question = questionOf(h.engineRef.current, 'none');
    const before = h.learning.events.length;
    const ix = await h.emu.sendCommand({ name: 'ask', options: { question }, user: user() });
    const body = (await ix.acknowledged).data;
    expect(body.content).toContain("I don't know that yet");
    expect(body.content).toContain('/topics');
    expect(h.learning.events.slice(before)).toMatchObject([{ type: 'unanswered', question }]);
  });

  it('/lookup autocompletes up to 25 entries within limits, answered at once', async () => {
    const ix = await h.emu.sendAutocomplete({ name: 'lookup', focused: 'entry', value: 'aw', user: user() });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(8);
    expect(ack.at - ix.dispatchedAt).toBeLessThan(3000);
    const choices = ack.data.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices[0]).toEqual({
      name: 'C# async/await › await keyword',
      value: 'csharp-async-await/await-keyword',
    });
    for (const c of choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
    const empty = await h.emu.sendAutocomplete({ name: 'lookup', focused: 'entry', value: '', user: user() });
    expect((await empty.acknowledged).data.choices.length).toBeLessThanOrEqual(25);
  });

  it('/lookup shows the picked section, and matches a typed non-entry like a question', async () => {
    const picked = await h.emu.sendCommand({
      name: 'lookup',
      options: { entry: 'csharp-async-await/fire-and-forget' },
      user: user(),
    });
    const body = (await picked.acknowledged).data;
    expect(body.embeds[0].title).toBe('Fire-and-forget');
    expect(body.embeds[0].footer.text).toBe('C# async/await');

    const typed = await h.emu.sendCommand({
      name: 'lookup',
      options: { entry: 'does await block the thread' },
      user: user(),
    });
    const typedBody = (await typed.acknowledged).data;
    expect(typedBody.embeds[0].footer.text).toMatch(/% match$/);
  });

  it('/topics lists topics and sections ephemerally (deferred first)', async () => {
    const ix = await h.emu.sendCommand({ name: 'topics', user: user() });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(5);
    expect(isEphemeral(ack.data)).toBe(true);
    const reply = await ix.waitForReply();
    expect(reply.embeds[0].title).toBe('1 topic, 9 sections');
    expect(reply.embeds[0].description).toContain('`await keyword`');
  });

  it('/help is ephemeral', async () => {
    const ix = await h.emu.sendCommand({ name: 'help', user: user() });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    expect(isEphemeral(ack.data)).toBe(true);
    expect(ack.data.embeds[0].description).toContain('/ask');
  });

  it('"Find answer" replies to the right-clicked message, without pinging its author', async () => {
    const asker = user();
    const target = await h.emu.sendMessage({
      author: asker,
      content:
        'why does my async void method crash the app?\n```cs\nasync void Foo() { throw new X(); }\n```',
    });
    const mark = h.emu.mark();
    const ix = await h.emu.sendMessageCommand({ name: 'Find answer', target, user: user() });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(5);
    expect(isEphemeral(ack.data)).toBe(true);
    const post = await h.emu.waitForCall(isChannelPost(h.emu.channels.general), 5000, mark);
    expect(post.status).toBe(200);
    expect(post.body.message_reference.message_id).toBe(target.id);
    expect(post.body.allowed_mentions).toMatchObject({ parse: [], replied_user: false });
    expect(post.body.embeds[0].title).toBeTruthy();
    expect(post.response.mentions).toEqual([]);
    const confirmation = await ix.waitForReply();
    expect(confirmation.content).toContain('Answered');
  });

  describe('buttons', () => {
    it('"did you mean" offers become the section when the asker picks one; others see it ephemerally', async () => {
      const asker = user();
      const question = questionOf(h.engineRef.current, 'suggest');
      const ix = await h.emu.sendCommand({ name: 'ask', options: { question }, user: asker });
      const body = (await ix.acknowledged).data;
      expect(body.embeds[0].title).toBe('Did you mean…');
      const picks = customIds(body).filter((id) => id.startsWith('cb:pick:'));
      expect(picks.length).toBeGreaterThan(0);
      const message = h.emu.messagesIn(h.emu.channels.general).at(-1);

      const other = await h.emu.sendButton({ customId: picks[0]!, message, user: user() });
      const otherAck = await other.acknowledged;
      expect(otherAck.type).toBe(4);
      expect(isEphemeral(otherAck.data)).toBe(true);

      const before = h.learning.events.length;
      const press = await h.emu.sendButton({ customId: picks[0]!, message, user: asker });
      const ack = await press.acknowledged;
      expect(ack.type).toBe(7);
      expect(ack.data.embeds[0].title).not.toBe('Did you mean…');
      expect(h.learning.events.slice(before)).toMatchObject([
        { type: 'suggestion-picked', question, userId: asker.id },
      ]);
      expect(h.learning.events.some((e) => e.type === 'suggested' && e.offered && e.offered.length > 0)).toBe(
        true,
      );
    });

    it('related-section buttons show the section ephemerally', async () => {
      const ix = await h.emu.sendCommand({
        name: 'ask',
        options: { question: 'what does await do?' },
        user: user(),
      });
      const body = (await ix.acknowledged).data;
      const show = customIds(body).find((id) => id.startsWith('cb:show:'));
      expect(show).toBeDefined();
      const message = h.emu.messagesIn(h.emu.channels.general).at(-1);
      const press = await h.emu.sendButton({ customId: show!, message, user: user() });
      const ack = await press.acknowledged;
      expect(isEphemeral(ack.data)).toBe(true);
      expect(ack.data.embeds[0].title).toBeTruthy();
      expect(customIds(ack.data).some((id) => id.startsWith('cb:dismiss:'))).toBe(false);
    });

    it('helpful / not helpful are acknowledged with an ephemeral thanks and recorded', async () => {
      const asker = user();
      const ix = await h.emu.sendCommand({
        name: 'ask',
        options: { question: 'what does await do?' },
        user: asker,
      });
      const body = (await ix.acknowledged).data;
      const message = h.emu.messagesIn(h.emu.channels.general).at(-1);
      const before = h.learning.events.length;
      for (const action of ['good', 'bad']) {
        const id = customIds(body).find((c) => c.startsWith(`cb:${action}:`))!;
        const press = await h.emu.sendButton({ customId: id, message, user: asker });
        const ack = await press.acknowledged;
        expect(isEphemeral(ack.data)).toBe(true);
        expect(ack.data.content).toContain('Thanks');
      }
      expect(h.learning.events.slice(before)).toMatchObject([
        { type: 'helpful', question: 'what does await do?', entry: 'csharp-async-await/await-keyword' },
        { type: 'not-helpful', question: 'what does await do?', entry: 'csharp-async-await/await-keyword' },
      ]);
    });

    it('dismiss: refused ephemerally for others, deletes the answer for the asker', async () => {
      const asker = user();
      const ix = await h.emu.sendCommand({
        name: 'ask',
        options: { question: 'is async void bad?' },
        user: asker,
      });
      const body = (await ix.acknowledged).data;
      const dismiss = customIds(body).find((id) => id.startsWith('cb:dismiss:'))!;
      expect(dismiss.endsWith(asker.id)).toBe(true);
      const message = h.emu.messagesIn(h.emu.channels.general).at(-1);

      const refused = await h.emu.sendButton({ customId: dismiss, message, user: user() });
      const refusedAck = await refused.acknowledged;
      expect(isEphemeral(refusedAck.data)).toBe(true);
      expect(refusedAck.data.content).toContain('Only the person who asked');
      expect(h.emu.message(message.id)).toBeDefined();

      const mark = h.emu.mark();
      const ok = await h.emu.sendButton({ customId: dismiss, message, user: asker });
      expect((await ok.acknowledged).type).toBe(6);
      await h.emu.waitForCall((c) => c.method === 'DELETE', 5000, mark);
      expect(h.emu.message(message.id)).toBeUndefined();
    });
  });

  it('a handler error gets an ephemeral apology and the bot keeps answering', async () => {
    h.engineRef.fail = true;
    try {
      const ix = await h.emu.sendCommand({
        name: 'ask',
        options: { question: 'what does await do?' },
        user: user(),
      });
      const ack = await ix.acknowledged;
      expect(isEphemeral(ack.data)).toBe(true);
      expect(ack.data.content).toContain('Sorry');
      expect(h.logs.events('handler-error').length).toBeGreaterThan(0);
    } finally {
      h.engineRef.fail = false;
    }
    const again = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: user(),
    });
    expect((await again.acknowledged).data.embeds[0].title).toBe('`await` keyword');
  });

  it('the client-wide default lets nothing ping, even a raw send', async () => {
    expect(h.bot.client.options.allowedMentions).toEqual({ parse: [], repliedUser: false });
    const channel = await h.bot.client.channels.fetch(h.emu.channels.general);
    if (!channel?.isSendable()) throw new Error('general is not sendable');
    const mark = h.emu.mark();
    await channel.send(`@everyone <@${h.emu.createUser('victim').id}> raw send`);
    const post = await h.emu.waitForCall(isChannelPost(h.emu.channels.general), 5000, mark);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(post.response.mentions).toEqual([]);
    expect(post.response.mention_everyone).toBe(false);
  });

  it('every interaction was acknowledged', async () => {
    for (const ix of h.emu.interactions) await expect(ix.acknowledged).resolves.toBeDefined();
    expect(h.emu.calls.filter((c) => isCallback('')(c) && c.status >= 400)).toEqual([]);
  });
});

describe('cooldown and duplicate window (e2e)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ config: { cooldownSeconds: 1, duplicateWindowSeconds: 60 } });
  });
  afterAll(async () => {
    if (!h) return;
    expectAllAccepted(h.emu.calls);
    await h.close();
  });

  it('answers a burst of /ask, limits the next with an ephemeral notice, answers again after the refill', async () => {
    const alice = h.emu.createUser('alice');
    const questions = ['is async void bad?', 'how do i handle errors', 'thread pool', 'fire and forget'];
    for (const question of questions) {
      const ix = await h.emu.sendCommand({ name: 'ask', options: { question }, user: alice });
      expect(isEphemeral((await ix.acknowledged).data)).toBe(false);
    }
    const limited = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what is ValueTask' },
      user: alice,
    });
    const notice = (await limited.acknowledged).data;
    expect(isEphemeral(notice)).toBe(true);
    expect(notice.content).toContain('ask again in 1 second');
    // A limited mention gets a ⏳ reaction and no post.
    const mark = h.emu.mark();
    const mention = await h.emu.sendMessage({
      author: alice,
      content: 'what does the async keyword do?',
      mentionsBot: true,
    });
    await expect(h.emu.waitForCall(isChannelPost(), 300, mark)).rejects.toThrow();
    expect(botReactions(h.emu, mention.id)).toEqual(['⏳']);
    await new Promise((r) => setTimeout(r, 1000));
    const again = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what is ValueTask' },
      user: alice,
    });
    expect(isEphemeral((await again.acknowledged).data)).toBe(false);
  });

  it('does not post the same section twice in a channel: the second asker gets a pointer', async () => {
    const [a, b] = [h.emu.createUser('a'), h.emu.createUser('b')];
    const first = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: a,
    });
    expect((await first.acknowledged).data.embeds[0].title).toBe('`await` keyword');
    const firstMessage = h.emu.messagesIn(h.emu.channels.general).at(-1);
    await waitForLog(
      h.logs,
      'question',
      (l) => l.via === 'ask' && l.entry === 'csharp-async-await/await-keyword',
    );
    const second = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: b,
    });
    const pointer = (await second.acknowledged).data;
    expect(isEphemeral(pointer)).toBe(true);
    expect(pointer.content).toContain(`/${h.emu.channels.general}/${firstMessage.id}`);
    // Another channel still gets the answer.
    const elsewhere = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: h.emu.createUser('c'),
      channelId: h.emu.channels.help,
    });
    expect((await elsewhere.acknowledged).data.embeds[0].title).toBe('`await` keyword');
  });
});

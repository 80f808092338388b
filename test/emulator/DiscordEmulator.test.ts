import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  RESTEvents,
  type ClientEvents,
  type Interaction,
  type Message,
  type TextChannel,
} from 'discord.js';
import { DiscordEmulator } from './DiscordEmulator.js';

const { Guilds, GuildMessages, MessageContent, DirectMessages } = GatewayIntentBits;

const clients: Client[] = [];

async function login(
  emu: DiscordEmulator,
  intents: number[],
  partials: Partials[] = [],
): Promise<Client<true>> {
  const client = new Client({ intents, partials, rest: { api: emu.apiUrl } });
  clients.push(client);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(emu.token);
  await ready;
  return client as Client<true>;
}

function nextEvent<K extends keyof ClientEvents>(
  client: Client,
  event: K,
  filter: (...args: ClientEvents[K]) => boolean = () => true,
  timeoutMs = 3000,
): Promise<ClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off(event, listener);
      reject(new Error(`No ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (...args: ClientEvents[K]) => {
      if (!filter(...args)) return;
      clearTimeout(timer);
      client.off(event, listener);
      resolve(args);
    };
    client.on(event, listener);
  });
}

const fromUser = (id: string) => (m: Message) => m.author.id === id;

async function destroyClients(): Promise<void> {
  await Promise.all(clients.splice(0).map((c) => c.destroy()));
}

describe('DiscordEmulator with a discord.js Client', () => {
  let emu: DiscordEmulator;
  let alice: { id: string; username: string };

  beforeAll(async () => {
    emu = await DiscordEmulator.start();
    alice = emu.createUser('alice');
  });
  afterEach(destroyClients);
  afterAll(async () => {
    expect(emu.internalErrors).toEqual([]);
    await emu.stop();
  });

  it('logs in: READY with the bot user, GUILD_CREATE with channels and permissions', async () => {
    const before = emu.identifies;
    const client = await login(emu, [Guilds]);
    await emu.waitForReady();
    expect(client.user.id).toBe(emu.botUser.id);
    expect(client.user.username).toBe(emu.botUser.username);
    expect(client.user.bot).toBe(true);
    expect(client.application.id).toBe(emu.applicationId);
    expect(emu.identifies).toBe(before + 1);
    expect(emu.lastIntents).toBe(Guilds);
    expect(emu.gatewayConnections.at(-1)).toMatch(/\/gateway\?v=10&encoding=json$/);
    expect(emu.calls.some((c) => c.method === 'GET' && c.path === '/gateway/bot' && c.status === 200)).toBe(
      true,
    );

    const guild = client.guilds.cache.get(emu.guildId)!;
    expect(guild.available).toBe(true);
    const general = guild.channels.cache.get(emu.channels.general) as TextChannel;
    const locked = guild.channels.cache.get(emu.channels.locked) as TextChannel;
    expect(general.name).toBe('general');
    expect(guild.channels.cache.get(emu.channels.help)?.type).toBe(ChannelType.GuildText);
    const me = guild.members.me!;
    expect(general.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(general.permissionsFor(me).has(PermissionFlagsBits.EmbedLinks)).toBe(true);
    expect(locked.permissionsFor(me).has(PermissionFlagsBits.ViewChannel)).toBe(true);
    expect(locked.permissionsFor(me).has(PermissionFlagsBits.SendMessages)).toBe(false);
  });

  it('sends GUILD_CREATE only with the Guilds intent (discord.js then does not wait for it)', async () => {
    const started = performance.now();
    const client = await login(emu, [GuildMessages]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(emu.lastIntents).toBe(GuildMessages);
    expect(client.guilds.cache.get(emu.guildId)?.available).toBe(false);
  });

  it('delivers guild messages; content only with MessageContent or a mention', async () => {
    const [plain, privileged] = await Promise.all([
      login(emu, [Guilds, GuildMessages]),
      login(emu, [Guilds, GuildMessages, MessageContent]),
    ]);

    const gotPlain = nextEvent(plain, Events.MessageCreate, fromUser(alice.id));
    const gotPrivileged = nextEvent(privileged, Events.MessageCreate, fromUser(alice.id));
    const sent = await emu.sendMessage({ author: alice, content: 'what is a closure?' });
    const [[m1], [m2]] = await Promise.all([gotPlain, gotPrivileged]);
    expect(m1.id).toBe(sent.id);
    expect(m1.content).toBe('');
    expect(m2.content).toBe('what is a closure?');
    expect(m1.channelId).toBe(emu.channels.general);
    expect(m1.author.username).toBe('alice');

    const mentioned = nextEvent(plain, Events.MessageCreate, fromUser(alice.id));
    await emu.sendMessage({
      author: alice,
      content: 'what is recursion?',
      mentionsBot: true,
      channelId: emu.channels.help,
    });
    const [m3] = await mentioned;
    expect(m3.content).toBe(`<@${emu.botUser.id}> what is recursion?`);
    expect(m3.mentions.users.has(emu.botUser.id)).toBe(true);
    expect(m3.channelId).toBe(emu.channels.help);
  });

  it('DMs need DirectMessages and Partials.Channel; replies land in the DM channel', async () => {
    const [noIntent, noPartial, full] = await Promise.all([
      login(emu, [Guilds, GuildMessages]),
      login(emu, [Guilds, GuildMessages, DirectMessages]),
      login(emu, [Guilds, GuildMessages, DirectMessages], [Partials.Channel]),
    ]);
    const seen = new Map<Client, Message[]>([
      [noIntent, []],
      [noPartial, []],
      [full, []],
    ]);
    for (const [c, list] of seen) c.on(Events.MessageCreate, (m) => void list.push(m));

    const fullGotDm = nextEvent(full, Events.MessageCreate, (m) => m.channel.type === ChannelType.DM);
    const dm = await emu.sendMessage({ author: alice, content: 'psst, what is a monad?', dm: true });
    // A guild message sent afterwards arrives after the DM would have on the same socket.
    const barriers = [noIntent, noPartial].map((c) =>
      nextEvent(c, Events.MessageCreate, (m) => m.content === '' && m.channelId === emu.channels.general),
    );
    await emu.sendMessage({ author: alice, content: 'barrier' });
    await Promise.all(barriers);
    expect(seen.get(noIntent)!.some((m) => m.id === dm.id)).toBe(false);
    expect(seen.get(noPartial)!.some((m) => m.id === dm.id)).toBe(false);

    const [received] = await fullGotDm;
    expect(received.id).toBe(dm.id);
    expect(received.content).toBe('psst, what is a monad?'); // DMs keep content without MessageContent
    expect(received.channelId).toBe(emu.dmChannelId(alice.id));

    const mark = emu.mark();
    await received.reply('A monoid in the category of endofunctors.');
    const call = await emu.waitForCall((c) => c.method === 'POST', 2000, mark);
    expect(call.path).toBe(`/channels/${emu.dmChannelId(alice.id)}/messages`);
    expect(call.body.message_reference.message_id).toBe(dm.id);
    expect(emu.messagesIn(emu.dmChannelId(alice.id)).at(-1)?.content).toBe(
      'A monoid in the category of endofunctors.',
    );

    const fetched = await full.channels.fetch(emu.dmChannelId(alice.id));
    expect(fetched?.type).toBe(ChannelType.DM);
  });

  it('channel.send lands in calls with allowed_mentions, and the bot sees its own message', async () => {
    const client = await login(emu, [Guilds, GuildMessages]);
    const channel = client.channels.cache.get(emu.channels.general) as TextChannel;
    const echo = nextEvent(client, Events.MessageCreate, (m) => m.author.id === emu.botUser.id);
    const mark = emu.mark();
    const msg = await channel.send({ content: `hello <@${alice.id}>`, allowedMentions: { parse: [] } });
    const call = emu.calls.slice(mark).find((c) => c.method === 'POST')!;
    expect(call.path).toBe(`/channels/${emu.channels.general}/messages`);
    expect(call.status).toBe(200);
    expect(call.body.allowed_mentions).toEqual({ parse: [] });
    expect(msg.author.id).toBe(emu.botUser.id);
    expect(msg.mentions.users.size).toBe(0); // allowed_mentions suppressed the ping
    const stored = emu.messagesIn(emu.channels.general).at(-1);
    expect(stored).toMatchObject({
      id: msg.id,
      content: `hello <@${alice.id}>`,
      allowed_mentions: { parse: [] },
    });
    const [own] = await echo;
    expect(own.id).toBe(msg.id);

    const edited = await msg.edit('edited');
    expect(edited.content).toBe('edited');
    expect(emu.messagesIn(emu.channels.general).at(-1)?.content).toBe('edited');
    await channel.sendTyping();
    expect(emu.calls.at(-1)).toMatchObject({
      method: 'POST',
      path: `/channels/${emu.channels.general}/typing`,
    });
  });

  it('rejects what Discord rejects: long content, empty messages, locked and denied channels', async () => {
    const client = await login(emu, [Guilds]);
    const general = client.channels.cache.get(emu.channels.general) as TextChannel;

    const tooLong = await general.send('x'.repeat(2001)).catch((e: unknown) => e);
    expect(tooLong).toBeInstanceOf(DiscordAPIError);
    const err = tooLong as DiscordAPIError;
    expect(err.code).toBe(50035);
    expect(err.status).toBe(400);
    expect(err.rawError).toMatchObject({
      errors: {
        content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 2000 or fewer in length.' }] },
      },
    });
    await expect(general.send('x'.repeat(2000))).resolves.toBeDefined();

    const manyFields = Array.from({ length: 26 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
    await expect(general.send({ embeds: [{ fields: manyFields }] })).rejects.toMatchObject({ code: 50035 });
    await expect(
      general.send({ embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }),
    ).rejects.toMatchObject({
      code: 50035,
      rawError: { errors: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } },
    });
    const row = (ids: string[]) =>
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        ids.map((id) => new ButtonBuilder().setCustomId(id).setLabel(id).setStyle(ButtonStyle.Primary)),
      );
    await expect(general.send({ content: 'dup', components: [row(['a', 'a'])] })).rejects.toMatchObject({
      code: 50035,
    });
    await expect(general.send({ content: 'ok', components: [row(['a', 'b'])] })).resolves.toBeDefined();
    await expect(
      client.rest.post(`/channels/${emu.channels.general}/messages`, { body: { content: '  ' } }),
    ).rejects.toMatchObject({
      code: 50006,
    });

    const locked = client.channels.cache.get(emu.channels.locked) as TextChannel;
    await expect(locked.send('hi')).rejects.toMatchObject({ code: 50013, status: 403 });
    emu.denyChannel(emu.channels.help);
    const help = client.channels.cache.get(emu.channels.help) as TextChannel;
    await expect(help.send('hi')).rejects.toMatchObject({ code: 50013, message: 'Missing Permissions' });
    emu.allowChannel(emu.channels.help);
    await expect(help.send('hi')).resolves.toBeDefined();
  });

  it('slash commands: registration, ChatInputCommandInteraction, reply reaches acknowledged', async () => {
    const client = await login(emu, [Guilds]);
    await client.application.commands.set([
      {
        name: 'explain',
        description: 'Explain a programming concept',
        options: [
          {
            name: 'concept',
            description: 'The concept',
            type: ApplicationCommandOptionType.String,
            required: true,
            autocomplete: true,
          },
          { name: 'depth', description: 'How deep', type: ApplicationCommandOptionType.Integer },
          { name: 'for', description: 'Who to explain it to', type: ApplicationCommandOptionType.User },
        ],
      },
      { name: 'Explain this', type: ApplicationCommandType.Message },
    ]);
    expect(emu.registeredCommands().map((c) => c.name)).toEqual(['explain', 'Explain this']);
    await expect(
      client.application.commands.create({ name: 'Bad Name', description: 'x' }),
    ).rejects.toMatchObject({
      code: 50035,
    });
    await expect(
      client.application.commands.create({ name: 'x', description: 'd'.repeat(101) }),
    ).rejects.toMatchObject({ code: 50035 });

    const bob = emu.createUser('bob');
    const got = nextEvent(client, Events.InteractionCreate);
    const ix = await emu.sendCommand({
      name: 'explain',
      options: { concept: 'closures', depth: 2, for: bob.id },
      user: alice,
    });
    const [interaction] = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    expect(interaction.commandName).toBe('explain');
    expect(interaction.options.getString('concept')).toBe('closures');
    expect(interaction.options.getInteger('depth')).toBe(2);
    expect(interaction.options.getUser('for')?.username).toBe('bob');
    expect(interaction.user.id).toBe(alice.id);
    expect(interaction.channelId).toBe(emu.channels.general);
    expect(interaction.inGuild()).toBe(true);

    await interaction.reply({ content: 'A closure captures variables.', flags: MessageFlags.Ephemeral });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    expect(ack.data.content).toBe('A closure captures variables.');
    expect(ack.at).toBeGreaterThanOrEqual(ix.dispatchedAt);
    expect((await ix.waitForReply()).content).toBe('A closure captures variables.');

    // A second callback is refused like Discord does; follow-ups and edits work after the ack.
    await expect(
      client.rest.post(`/interactions/${ix.id}/${ix.token}/callback`, {
        body: { type: 4, data: { content: 'again' } },
        auth: false,
      }),
    ).rejects.toMatchObject({ code: 40060 });
    await interaction.followUp('More detail.');
    await interaction.editReply('Edited.');
    expect(ix.followups.map((f) => f.content)).toEqual(['More detail.']);
    expect(ix.edits.map((e) => e.content)).toEqual(['Edited.']);

    // In a DM the interaction carries `user` instead of `member`.
    const gotDm = nextEvent(client, Events.InteractionCreate);
    const ixDm = await emu.sendCommand({
      name: 'explain',
      options: { concept: 'queues' },
      user: alice,
      dm: true,
    });
    const [iDm] = await gotDm;
    if (!iDm.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    expect(iDm.inGuild()).toBe(false);
    expect(iDm.user.id).toBe(alice.id);
    expect(iDm.channelId).toBe(emu.dmChannelId(alice.id));
    await iDm.reply('FIFO.');
    expect((await ixDm.waitForReply()).content).toBe('FIFO.');
    expect(emu.messagesIn(emu.dmChannelId(alice.id)).at(-1)?.content).toBe('FIFO.');

    // Deferred reply: the first edit of @original is the visible reply.
    const got2 = nextEvent(client, Events.InteractionCreate);
    const ix2 = await emu.sendCommand({ name: 'explain', options: { concept: 'monads' }, user: alice });
    const [i2] = await got2;
    if (!i2.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    await i2.deferReply();
    expect((await ix2.acknowledged).type).toBe(5);
    await i2.editReply({ content: 'Monads chain computations.' });
    expect((await ix2.waitForReply()).content).toBe('Monads chain computations.');
    const original = emu.messagesIn(emu.channels.general).find((m) => m.interaction_metadata?.id === ix2.id);
    expect(original).toMatchObject({ content: 'Monads chain computations.', type: 20, flags: 0 });
  });

  it('autocomplete: more than 25 choices is refused, 25 are accepted', async () => {
    const client = await login(emu, [Guilds]);
    const got = nextEvent(client, Events.InteractionCreate);
    const ix = await emu.sendAutocomplete({ name: 'explain', focused: 'concept', value: 'clo', user: alice });
    const [interaction] = await got;
    if (!interaction.isAutocomplete()) throw new Error('expected an AutocompleteInteraction');
    expect(interaction.options.getFocused(true)).toMatchObject({ name: 'concept', value: 'clo' });
    const choices = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `closure ${i}`, value: `c${i}` }));
    const err = await interaction.respond(choices(26)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(50035);
    expect((err as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { choices: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    await interaction.respond(choices(25));
    expect((await ix.acknowledged).type).toBe(8);
    expect(ix.callbacks).toHaveLength(2);
  });

  it('message context menu and buttons', async () => {
    const client = await login(emu, [Guilds, GuildMessages]);
    const channel = client.channels.cache.get(emu.channels.general) as TextChannel;
    const target = await emu.sendMessage({ author: alice, content: 'const f = () => x;' });
    const got = nextEvent(client, Events.InteractionCreate);
    const ix = await emu.sendMessageCommand({ name: 'Explain this', target, user: alice });
    const [interaction] = await got;
    if (!interaction.isMessageContextMenuCommand())
      throw new Error('expected a message context menu interaction');
    expect(interaction.targetMessage.id).toBe(target.id);
    expect(interaction.targetMessage.content).toBe('const f = () => x;');
    await interaction.reply('An arrow function.');
    expect((await ix.waitForReply()).content).toBe('An arrow function.');

    const sent = await channel.send({
      content: 'Was this helpful?',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('helpful:yes').setLabel('Yes').setStyle(ButtonStyle.Success),
        ),
      ],
    });
    const stored = emu.messagesIn(emu.channels.general).find((m) => m.id === sent.id);
    const gotClick = nextEvent(client, Events.InteractionCreate, (i: Interaction) => i.isButton());
    const click = await emu.sendButton({ customId: 'helpful:yes', message: stored, user: alice });
    const [button] = await gotClick;
    if (!button.isButton()) throw new Error('expected a ButtonInteraction');
    expect(button.customId).toBe('helpful:yes');
    expect(button.message.id).toBe(sent.id);
    await button.update({ content: 'Thanks!', components: [] });
    expect((await click.acknowledged).type).toBe(7);
    expect(emu.messagesIn(emu.channels.general).find((m) => m.id === sent.id)).toMatchObject({
      content: 'Thanks!',
      components: [],
    });
  });

  it('retries a 429 from failNext and a 500, then succeeds', async () => {
    const client = await login(emu, [Guilds]);
    const channel = client.channels.cache.get(emu.channels.help) as TextChannel;
    const limited: unknown[] = [];
    client.rest.on(RESTEvents.RateLimited, (info) => limited.push(info));
    emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.2 });
    const mark = emu.mark();
    const started = performance.now();
    const msg = await channel.send('after a rate limit');
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    const posts = emu.calls.slice(mark).filter((c) => c.method === 'POST');
    expect(posts.map((c) => c.status)).toEqual([429, 200]);
    expect(msg.content).toBe('after a rate limit');
    expect(limited.length).toBeGreaterThanOrEqual(1);

    emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500 });
    const mark2 = emu.mark();
    await channel.send('after a 500');
    expect(emu.calls.slice(mark2).map((c) => c.status)).toEqual([500, 200]);
    // The failed attempts did not create messages.
    expect(emu.messagesIn(emu.channels.help).filter((m) => m.content.startsWith('after a'))).toHaveLength(2);

    const call = emu.calls.at(-1)!;
    expect(call.status).toBe(200);
  });

  it('resumes a dropped connection and replays events missed meanwhile', async () => {
    const client = await login(emu, [Guilds, GuildMessages, MessageContent]);
    const identifies = emu.identifies;
    const resumes = emu.resumes;

    await emu.dropConnection(); // TCP reset, client sees 1006
    const missed = nextEvent(
      client,
      Events.MessageCreate,
      (m) => m.content === 'sent while disconnected',
      5000,
    );
    await emu.sendMessage({ author: alice, content: 'sent while disconnected' });
    await emu.waitForReady(5000);
    await missed;
    expect(emu.resumes).toBe(resumes + 1);
    expect(emu.identifies).toBe(identifies);
    expect(emu.gatewayConnections.at(-1)).toMatch(/\/gateway\/resume\?v=10&encoding=json$/);

    const after = nextEvent(client, Events.MessageCreate, (m) => m.content === 'after resume');
    await emu.sendMessage({ author: alice, content: 'after resume' });
    await after;

    await emu.dropConnection(4000);
    await emu.waitForReady(5000, { fresh: true });
    expect(emu.resumes).toBe(resumes + 2);
    const again = nextEvent(client, Events.MessageCreate, (m) => m.content === 'after 4000');
    await emu.sendMessage({ author: alice, content: 'after 4000' });
    await again;
    expect(emu.identifies).toBe(identifies);
  });

  it('client.destroy() closes the session cleanly', async () => {
    const client = await login(emu, [Guilds]);
    expect(emu.gateway.liveSessions().length).toBe(1);
    await client.destroy();
    clients.splice(clients.indexOf(client), 1);
    expect(emu.gateway.liveSessions().length).toBe(0);
    expect(emu.gateway.sessions.size).toBe(0); // closed with 1000: not resumable
  });

  it('401s a wrong token', async () => {
    const client = new Client({ intents: [Guilds], rest: { api: emu.apiUrl } });
    await expect(client.login('not-the-token')).rejects.toThrow();
    await client.destroy();
  });
});

describe('interaction acknowledgement deadline', () => {
  let emu: DiscordEmulator;
  beforeAll(async () => {
    emu = await DiscordEmulator.start({ ackTimeoutMs: 300 });
  });
  afterEach(destroyClients);
  afterAll(() => emu.stop());

  it('a reply after ackTimeoutMs fails with 10062 and acknowledged rejects', async () => {
    const client = await login(emu, [Guilds]);
    await client.application.commands.set([{ name: 'slow', description: 'Answers too late' }]);
    const user = emu.createUser('carol');
    const got = nextEvent(client, Events.InteractionCreate);
    const ix = await emu.sendCommand({ name: 'slow', user });
    const [interaction] = await got;
    if (!interaction.isChatInputCommand()) throw new Error('expected a ChatInputCommandInteraction');
    await expect(ix.acknowledged).rejects.toThrow(/not acknowledged within 300 ms/);
    const err = await interaction.reply('too late').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DiscordAPIError);
    expect((err as DiscordAPIError).code).toBe(10062);
    expect((err as DiscordAPIError).status).toBe(404);
    expect(ix.callbacks).toHaveLength(1);
  });
});

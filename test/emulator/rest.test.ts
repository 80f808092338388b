import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ClientEvents,
  type TextChannel,
} from 'discord.js';
import { DISCORD_ROUTE_LIMITS, DiscordEmulator } from './DiscordEmulator.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const clients: Client[] = [];

async function login(emu: DiscordEmulator): Promise<Client<true>> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: emu.apiUrl } });
  clients.push(client);
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(emu.token);
  await ready;
  return client as Client<true>;
}

function nextInteraction(client: Client): Promise<ClientEvents['interactionCreate'][0]> {
  return new Promise((resolve) => client.once(Events.InteractionCreate, resolve));
}

describe('emulated REST API', () => {
  let emu: DiscordEmulator;
  let alice: { id: string; username: string };

  beforeAll(async () => {
    emu = await DiscordEmulator.start();
    alice = emu.createUser('alice');
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.destroy()));
  });
  afterAll(async () => {
    expect(emu.internalErrors).toEqual([]);
    await emu.stop();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${emu.apiUrl}/v10${path}`, {
      ...init,
      headers: { authorization: `Bot ${emu.token}`, 'content-type': 'application/json', ...init.headers },
    });

  it('answers unknown routes, bad auth and bad JSON in Discord shapes, with rate-limit headers', async () => {
    const notFound = await api('/nope');
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ message: '404: Not Found', code: 0 });

    const unauthorized = await fetch(`${emu.apiUrl}/v10/users/@me`, {
      headers: { authorization: 'Bot wrong' },
    });
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ message: '401: Unauthorized', code: 0 });

    const badJson = await api(`/channels/${emu.channels.general}/messages`, { method: 'POST', body: '{' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as Json).code).toBe(50109);

    const me = await api('/users/@me');
    expect(me.status).toBe(200);
    expect(me.headers.get('x-ratelimit-limit')).toBe('50');
    expect(me.headers.get('x-ratelimit-remaining')).toBe('49');
    expect(Number(me.headers.get('x-ratelimit-reset-after'))).toBeGreaterThan(0);
    expect(me.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{16}$/);

    const channel = await api(`/channels/${emu.channels.general}`);
    expect(await channel.json()).toMatchObject({ id: emu.channels.general, type: 0, guild_id: emu.guildId });
    expect((await api('/channels/1')).status).toBe(404);
  });

  it('enforces its buckets with 429 and discord.js queues around them', async () => {
    const tight = await DiscordEmulator.start({ rateLimit: { limit: 3, windowMs: 250 } });
    try {
      const get = () =>
        fetch(`${tight.apiUrl}/v10/applications/@me`, { headers: { authorization: `Bot ${tight.token}` } });
      for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
      const limited = await get();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({ message: 'You are being rate limited.', global: false });

      const client = await login(tight);
      const channel = client.channels.cache.get(tight.channels.help) as TextChannel;
      const mark = tight.mark();
      await Promise.all(Array.from({ length: 7 }, (_, i) => channel.send(`burst ${i}`)));
      const posts = tight.calls.slice(mark).filter((c) => c.method === 'POST');
      expect(posts).toHaveLength(7);
      expect(posts.every((c) => c.status === 200)).toBe(true); // discord.js waited instead of hitting 429s
      expect(tight.messagesIn(tight.channels.help).map((m) => m.content)).toEqual(
        Array.from({ length: 7 }, (_, i) => `burst ${i}`),
      );
    } finally {
      await Promise.all(clients.splice(0).map((c) => c.destroy()));
      await tight.stop();
    }
  });

  it('multipart uploads: payload_json is recorded as the body, files become attachments', async () => {
    const client = await login(emu);
    const channel = client.channels.cache.get(emu.channels.general) as TextChannel;
    const mark = emu.mark();
    const msg = await channel.send({
      content: 'see attached',
      files: [{ attachment: Buffer.from('console.log(1)'), name: 'example.js' }],
    });
    const call = emu.calls.slice(mark).find((c) => c.method === 'POST')!;
    expect(call.body).toMatchObject({ content: 'see attached', attachments: [{ id: '0' }] });
    expect(call.files).toEqual([
      expect.objectContaining({ field: 'files[0]', name: 'example.js', size: 14 }),
    ]);
    expect(msg.attachments.first()?.name).toBe('example.js');
    expect(msg.attachments.first()?.size).toBe(14);

    // A file alone is not an empty message.
    await expect(
      channel.send({ files: [{ attachment: Buffer.from('x'), name: 'x.txt' }] }),
    ).resolves.toBeDefined();
  });

  it('opens DMs and sends to users', async () => {
    const client = await login(emu);
    const user = await client.users.fetch(alice.id);
    const mark = emu.mark();
    await user.send('hello in private');
    const calls = emu.calls.slice(mark).filter((c) => c.method === 'POST');
    expect(calls.map((c) => c.path)).toEqual([
      '/users/@me/channels',
      `/channels/${emu.dmChannelId(alice.id)}/messages`,
    ]);
    expect(emu.messagesIn(emu.dmChannelId(alice.id)).at(-1)?.content).toBe('hello in private');
  });

  it('interaction flows: withResponse, deferred + followUp, ephemeral, modal, select menu, files', async () => {
    const client = await login(emu);
    await client.application.commands.set(
      [
        {
          name: 'pick',
          description: 'Pick a topic',
          options: [{ name: 'topic', description: 'Topic', type: ApplicationCommandOptionType.String }],
        },
      ],
      emu.guildId,
    );
    expect(emu.registeredCommands(emu.guildId).map((c) => c.name)).toEqual(['pick']);
    expect(emu.registeredCommands()).toEqual([]);

    // withResponse: true returns the created message.
    let got = nextInteraction(client);
    let ix = await emu.sendCommand({ name: 'pick', user: alice });
    let i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected chat input');
    const response = await i.reply({ content: 'Choose one', withResponse: true });
    expect(response.resource?.message?.content).toBe('Choose one');
    expect(emu.calls.at(-1)?.query).toBe('with_response=true');

    // Deferred ephemeral reply: the first follow-up fills in the deferred message.
    got = nextInteraction(client);
    ix = await emu.sendCommand({ name: 'pick', options: { topic: 'graphs' }, user: alice });
    i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected chat input');
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    const follow = await i.followUp('Graphs have nodes and edges.');
    expect((await ix.waitForReply()).content).toBe('Graphs have nodes and edges.');
    const original = emu.messagesIn(emu.channels.general).find((m) => m.interaction_metadata?.id === ix.id);
    expect(original?.id).toBe(follow.id);
    expect(original?.flags).toBe(MessageFlags.Ephemeral);

    // Modal, then its submission.
    got = nextInteraction(client);
    ix = await emu.sendCommand({ name: 'pick', user: alice });
    i = await got;
    if (!i.isChatInputCommand()) throw new Error('expected chat input');
    await i.showModal(
      new ModalBuilder()
        .setCustomId('ask-modal')
        .setTitle('Ask')
        .addComponents(
          new ActionRowBuilder<TextInputBuilder>().addComponents(
            new TextInputBuilder()
              .setCustomId('question')
              .setLabel('Question')
              .setStyle(TextInputStyle.Short),
          ),
        ),
    );
    expect((await ix.acknowledged).type).toBe(9);
    got = nextInteraction(client);
    ix = await emu.sendModalSubmit({
      customId: 'ask-modal',
      fields: { question: 'What is a heap?' },
      user: alice,
    });
    i = await got;
    if (!i.isModalSubmit()) throw new Error('expected modal submit');
    expect(i.fields.getTextInputValue('question')).toBe('What is a heap?');
    await i.reply({
      content: 'Pick a heap kind',
      components: [
        new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder()
            .setCustomId('heap-kind')
            .addOptions({ label: 'Binary', value: 'binary' }, { label: 'Fibonacci', value: 'fib' }),
        ),
      ],
      files: [{ attachment: Buffer.from('heap'), name: 'heap.txt' }],
    });
    const modalReply = emu.messagesIn(emu.channels.general).at(-1)!;
    expect(modalReply.attachments[0]).toMatchObject({ filename: 'heap.txt' });
    expect(ix.callbacks[0]).toMatchObject({ type: 4, data: { content: 'Pick a heap kind' } });

    got = nextInteraction(client);
    ix = await emu.sendSelect({ customId: 'heap-kind', values: ['fib'], message: modalReply, user: alice });
    i = await got;
    if (!i.isStringSelectMenu()) throw new Error('expected a string select');
    expect(i.values).toEqual(['fib']);
    await i.deferUpdate();
    await i.editReply({ content: 'Fibonacci heaps have good amortized bounds.', components: [] });
    expect((await ix.waitForReply()).content).toBe('Fibonacci heaps have good amortized bounds.');
    expect(emu.message(modalReply.id)).toMatchObject({
      content: 'Fibonacci heaps have good amortized bounds.',
      components: [],
    });
  });

  it('follow-ups and edits need an ack; failNext 403 and global 429', async () => {
    const client = await login(emu);
    await client.application.commands.set([{ name: 'noop', description: 'Nothing' }]);
    const got = nextInteraction(client);
    const ix = await emu.sendCommand({ name: 'noop', user: alice });
    await got;
    const early = await fetch(`${emu.apiUrl}/v10/webhooks/${emu.applicationId}/${ix.token}?wait=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ content: 'too early' }),
    });
    expect(early.status).toBe(404);
    expect(((await early.json()) as Json).code).toBe(10015);

    emu.failNext({ path: /\/messages$/, method: 'POST', status: 403 });
    const channel = client.channels.cache.get(emu.channels.general) as TextChannel;
    await expect(channel.send('denied once')).rejects.toMatchObject({ code: 50013 });
    await expect(channel.send('fine now')).resolves.toBeDefined();

    emu.failNext({ path: /\/messages$/, status: 429, retryAfter: 0.1, global: true });
    const mark = emu.mark();
    await channel.send('after global limit');
    expect(emu.calls.slice(mark).map((c) => c.status)).toEqual([429, 200]);
  });

  it('validates command registration like Discord', async () => {
    const put = (body: Json) =>
      api(`/applications/${emu.applicationId}/commands`, { method: 'PUT', body: JSON.stringify(body) });
    const errorsOf = async (res: Response) => ((await res.json()) as Json).errors;

    let res = await put([{ name: 'Ask', description: 'x' }]);
    expect(res.status).toBe(400);
    expect(await errorsOf(res)).toMatchObject({
      0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } },
    });

    res = await put([{ name: 'Explain this', type: 3, description: 'not allowed' }]);
    expect(res.status).toBe(400);

    res = await put([
      { name: 'dup', description: 'x' },
      { name: 'dup', description: 'y' },
    ]);
    expect(res.status).toBe(400);

    res = await put([
      {
        name: 'order',
        description: 'x',
        options: [
          { name: 'a', description: 'a', type: 3 },
          { name: 'b', description: 'b', type: 3, required: true },
        ],
      },
    ]);
    expect(res.status).toBe(400);

    res = await put([
      {
        name: 'ok',
        description: 'x',
        options: Array.from({ length: 26 }, (_, i) => ({ name: `o${i}`, description: 'd', type: 3 })),
      },
    ]);
    expect(await errorsOf(res)).toMatchObject({
      0: { options: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } },
    });

    res = await put([
      { name: 'schön', description: 'Unicode names are fine' },
      { name: 'Explain This', type: 3 },
    ]);
    expect(res.status).toBe(200);
    const cmds = (await res.json()) as Json[];
    expect(cmds.map((c) => [c.name, c.type, c.description])).toEqual([
      ['schön', 1, 'Unicode names are fine'],
      ['Explain This', 3, ''],
    ]);
    const del = await api(`/applications/${emu.applicationId}/commands/${cmds[0].id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(emu.registeredCommands().map((c) => c.name)).toEqual(['Explain This']);
  });
});

describe("emulated REST API with Discord's channel limits", () => {
  let emu: DiscordEmulator;
  beforeAll(async () => {
    emu = await DiscordEmulator.start({
      rateLimit: { limit: 50, windowMs: 1000, routes: DISCORD_ROUTE_LIMITS },
    });
  });
  afterAll(async () => {
    expect(emu.internalErrors).toEqual([]);
    await emu.stop();
  });

  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${emu.apiUrl}/v10${path}`, {
      ...init,
      headers: { authorization: `Bot ${emu.token}`, 'content-type': 'application/json', ...init.headers },
    });

  it('allows 5 messages per 5 s in a channel, each channel on its own, and says so in the headers', async () => {
    const post = (channel: string) =>
      api(`/channels/${channel}/messages`, { method: 'POST', body: JSON.stringify({ content: 'hi' }) });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(emu.channels.general)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await post(emu.channels.general);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('5');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(4);
    expect((await post(emu.channels.help)).status).toBe(200);
  });

  it("keeps the bot's reactions on the message, one per emoji, removable", async () => {
    const user = emu.createUser('reacted');
    const msg = await emu.sendMessage({ author: user, content: 'thanks!', channelId: emu.channels.help });
    const path = `/channels/${emu.channels.help}/messages/${msg.id}/reactions/${encodeURIComponent('👍')}/@me`;
    expect((await api(path, { method: 'PUT' })).status).toBe(204);
    await new Promise((r) => setTimeout(r, 260)); // a reaction per 250 ms
    expect((await api(path, { method: 'PUT' })).status).toBe(204);
    expect(emu.message(msg.id)?.reactions).toEqual([{ count: 1, me: true, emoji: { id: null, name: '👍' } }]);
    await new Promise((r) => setTimeout(r, 260));
    expect((await api(path, { method: 'DELETE' })).status).toBe(204);
    expect(emu.message(msg.id)?.reactions).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator, Intents } from './DiscordEmulator.js';
import { RawGateway } from './RawGateway.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('emulated gateway protocol', () => {
  let emu: DiscordEmulator;
  let url: string;

  beforeAll(async () => {
    emu = await DiscordEmulator.start({ heartbeatIntervalMs: 1000 });
    const res = await fetch(`${emu.apiUrl}/v10/gateway/bot`, {
      headers: { authorization: `Bot ${emu.token}` },
    });
    const info = (await res.json()) as Json;
    expect(info).toMatchObject({ shards: 1, session_start_limit: { max_concurrency: 1 } });
    url = info.url;
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/gateway$/);
  });
  afterAll(() => emu.stop());

  const identify = (intents: number, extra: Json = {}) => ({
    op: 2,
    d: {
      token: emu.token,
      intents,
      properties: { os: 'linux', browser: 'raw', device: 'raw' },
      shard: [0, 1],
      ...extra,
    },
  });

  it('HELLO, heartbeat ACK, IDENTIFY → READY + GUILD_CREATE with sequence numbers', async () => {
    const gw = await RawGateway.connect(`${url}?v=10&encoding=json`);
    const hello = await gw.next((p) => p.op === 10);
    expect(hello.d.heartbeat_interval).toBe(1000);
    gw.send({ op: 1, d: null });
    await gw.next((p) => p.op === 11);
    gw.send(identify(Intents.Guilds | Intents.GuildMessages));
    const ready = await gw.next((p) => p.t === 'READY');
    expect(ready.s).toBe(1);
    expect(ready.d).toMatchObject({
      v: 10,
      user: { id: emu.botUser.id, bot: true },
      application: { id: emu.applicationId },
      guilds: [{ id: emu.guildId, unavailable: true }],
    });
    expect(ready.d.resume_gateway_url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/gateway\/resume$/);
    const guild = await gw.next((p) => p.t === 'GUILD_CREATE');
    expect(guild.s).toBe(2);
    expect(guild.d.channels.map((c: Json) => c.name)).toEqual(['general', 'help', 'locked']);
    expect(emu.lastIntents).toBe(Intents.Guilds | Intents.GuildMessages);

    const alice = emu.createUser('alice-raw');
    await emu.sendMessage({ author: alice, content: 'secret' });
    const msg = await gw.next((p) => p.t === 'MESSAGE_CREATE');
    expect(msg.s).toBe(3);
    expect(msg.d).toMatchObject({
      content: '',
      channel_type: 0,
      guild_id: emu.guildId,
      member: { roles: [] },
    });

    // DMs are not delivered without DIRECT_MESSAGES; no CHANNEL_CREATE either.
    await emu.sendMessage({ author: alice, content: 'dm', dm: true });
    await emu.sendMessage({ author: alice, content: 'marker', mentionsBot: true });
    await gw.next((p) => p.t === 'MESSAGE_CREATE' && p.d.content.endsWith('marker'));
    expect(gw.payloads.filter((p) => p.t === 'MESSAGE_CREATE')).toHaveLength(2);
    expect(gw.payloads.some((p) => p.t === 'CHANNEL_CREATE')).toBe(false);
    gw.ws.close(1000);
    await gw.closed();
  });

  it('RESUME replays what was missed, then RESUMED; unknown sessions get op 9', async () => {
    const gw = await RawGateway.connect(`${url}?v=10&encoding=json`);
    gw.send(identify(Intents.Guilds | Intents.GuildMessages | Intents.MessageContent));
    const ready = await gw.next((p) => p.t === 'READY');
    await gw.next((p) => p.t === 'GUILD_CREATE');
    gw.ws.close(4200); // like discord.js when it intends to resume
    await gw.closed();

    const bob = emu.createUser('bob-raw');
    await emu.sendMessage({ author: bob, content: 'one' });
    await emu.sendMessage({ author: bob, content: 'two' });

    const gw2 = await RawGateway.connect(`${ready.d.resume_gateway_url}?v=10&encoding=json`);
    await gw2.next((p) => p.op === 10);
    gw2.send({ op: 6, d: { token: emu.token, session_id: ready.d.session_id, seq: 2 } });
    const resumed = await gw2.next((p) => p.t === 'RESUMED');
    const replayed = gw2.payloads.filter((p) => p.t === 'MESSAGE_CREATE');
    expect(replayed.map((p) => [p.s, p.d.content])).toEqual([
      [3, 'one'],
      [4, 'two'],
    ]);
    expect(resumed.s).toBe(5);
    gw2.ws.close(1000);
    await gw2.closed();

    const gw3 = await RawGateway.connect(`${url}?v=10&encoding=json`);
    gw3.send({ op: 6, d: { token: emu.token, session_id: ready.d.session_id, seq: 5 } });
    const invalid = await gw3.next((p) => p.op === 9);
    expect(invalid.d).toBe(false); // the 1000 close ended the session
    gw3.ws.terminate();
  });

  it('closes with Discord close codes for bad input', async () => {
    const badToken = await RawGateway.connect(`${url}?v=10&encoding=json`);
    badToken.send({ ...identify(1), d: { ...identify(1).d, token: 'nope' } });
    expect(await badToken.closed()).toBe(4004);

    const badVersion = await RawGateway.connect(`${url}?v=6&encoding=json`);
    expect(await badVersion.closed()).toBe(4012);

    const notAuthed = await RawGateway.connect(`${url}?v=10&encoding=json`);
    notAuthed.send({ op: 3, d: { status: 'online' } });
    expect(await notAuthed.closed()).toBe(4003);

    const unknownOp = await RawGateway.connect(`${url}?v=10&encoding=json`);
    unknownOp.send({ op: 99, d: null });
    expect(await unknownOp.closed()).toBe(4001);

    const twice = await RawGateway.connect(`${url}?v=10&encoding=json`);
    twice.send(identify(1));
    await twice.next((p) => p.t === 'READY');
    twice.send(identify(1));
    expect(await twice.closed()).toBe(4005);
  });

  it('supports zlib-stream transport compression and identify payload compression', async () => {
    const gw = await RawGateway.connect(`${url}?v=10&encoding=json&compress=zlib-stream`, true);
    const hello = await gw.next((p) => p.op === 10);
    expect(hello.d.heartbeat_interval).toBe(1000);
    gw.send(identify(1));
    await gw.next((p) => p.t === 'READY');
    await gw.next((p) => p.t === 'GUILD_CREATE');
    gw.ws.close(1000);
    await gw.closed();

    const gw2 = await RawGateway.connect(`${url}?v=10&encoding=json`);
    await gw2.next((p) => p.op === 10);
    gw2.send(identify(1, { compress: true }));
    const ready = await gw2.next((p) => p.t === 'READY');
    expect(ready.d.user.id).toBe(emu.botUser.id);
    gw2.ws.close(1000);
    await gw2.closed();
  });

  it('refuses privileged intents the app is not approved for (4014)', async () => {
    const strict = await DiscordEmulator.start({ allowedPrivilegedIntents: 0 });
    try {
      const res = await fetch(`${strict.apiUrl}/v10/gateway/bot`, {
        headers: { authorization: `Bot ${strict.token}` },
      });
      const { url: u } = (await res.json()) as Json;
      const gw = await RawGateway.connect(`${u}?v=10&encoding=json`);
      gw.send({ op: 2, d: { token: strict.token, intents: Intents.MessageContent, properties: {} } });
      expect(await gw.closed()).toBe(4014);
    } finally {
      await strict.stop();
    }
  });
});

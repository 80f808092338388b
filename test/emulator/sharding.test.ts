/** The emulator's sharding and Interactions Endpoint: what a sharded or HTTP-mode bot relies on. */
import { createPublicKey, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator, Intents } from './DiscordEmulator.js';
import { RawGateway } from './RawGateway.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const INTENTS = Intents.Guilds | Intents.GuildMessages | Intents.DirectMessages | Intents.MessageContent;

describe('emulated sharding', () => {
  let emu: DiscordEmulator;
  let url: string;
  const guilds: { id: string; channels: { general: string } }[] = [];

  beforeAll(async () => {
    emu = await DiscordEmulator.start({ recommendedShards: 2, maxConcurrency: 1, enforceIdentifyRate: true });
    const info = (await (
      await fetch(`${emu.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${emu.token}` } })
    ).json()) as Json;
    expect(info).toMatchObject({ shards: 2, session_start_limit: { max_concurrency: 1 } });
    url = `${info.url}?v=10&encoding=json`;
    for (const shard of [0, 1, 0, 1]) guilds.push(emu.createGuild({ shard: { id: shard, count: 2 } }));
  });
  afterAll(() => emu.stop());

  const identify = (shard: unknown) => ({
    op: 2,
    d: { token: emu.token, intents: INTENTS, properties: { os: 'x', browser: 'x', device: 'x' }, shard },
  });

  it('places guilds on the shard asked for, by (guild_id >> 22) % shard_count', () => {
    expect(guilds.map((g) => emu.shardOf(g.id, 2))).toEqual([0, 1, 0, 1]);
    for (const g of guilds) expect(Number((BigInt(g.id) >> 22n) % 2n)).toBe(emu.shardOf(g.id, 2));
    expect(new Set(emu.guildIds()).size).toBe(5);
  });

  it("gives each shard only its guilds, its guilds' events, and DMs to shard 0 alone", async () => {
    const shard0 = await RawGateway.connect(url);
    shard0.send(identify([0, 2]));
    const ready0 = await shard0.next((p) => p.t === 'READY');
    expect(ready0.d.shard).toEqual([0, 2]);
    const expected0 = emu.guildIds().filter((id) => emu.shardOf(id, 2) === 0);
    expect(ready0.d.guilds.map((g: Json) => g.id).sort()).toEqual(expected0.sort());

    // The second shard is in the same bucket (max_concurrency 1): it must wait 5 s.
    const early = await RawGateway.connect(url);
    early.send(identify([1, 2]));
    const refused = await early.next((p) => p.op === 9);
    expect(refused.d).toBe(false);
    expect(emu.identifyLog.at(-1)).toMatchObject({ shard: [1, 2], bucket: 0, tooSoon: true });
    early.ws.close();

    // Backdate the first identify instead of sleeping 5 s in a test.
    for (const r of emu.identifyLog) r.at -= 5_000;
    const shard1 = await RawGateway.connect(url);
    shard1.send(identify([1, 2]));
    const ready1 = await shard1.next((p) => p.t === 'READY');
    const expected1 = emu.guildIds().filter((id) => emu.shardOf(id, 2) === 1);
    expect(ready1.d.guilds.map((g: Json) => g.id).sort()).toEqual(expected1.sort());
    await emu.waitForShards(2, 2000);

    const alice = emu.createUser('alice');
    const [onShard0, onShard1] = [guilds[0]!, guilds[1]!];
    await emu.sendMessage({ author: alice, content: 'to shard 1', channelId: onShard1.channels.general });
    await emu.sendMessage({ author: alice, content: 'to shard 0', channelId: onShard0.channels.general });
    await emu.sendMessage({ author: alice, content: 'a DM', dm: true });
    await shard0.next((p) => p.t === 'MESSAGE_CREATE' && p.d.content === 'a DM');
    await shard1.next((p) => p.t === 'MESSAGE_CREATE' && p.d.content === 'to shard 1');
    const contents = (gw: RawGateway) =>
      gw.payloads.filter((p) => p.t === 'MESSAGE_CREATE').map((p) => p.d.content);
    expect(contents(shard0)).toEqual(['to shard 0', 'a DM']);
    expect(contents(shard1)).toEqual(['to shard 1']);
    const msg = shard1.payloads.find((p) => p.t === 'MESSAGE_CREATE');
    expect(msg.d.guild_id).toBe(onShard1.id);

    // A guild joined later reaches its own shard only.
    const late = emu.createGuild({ name: 'late', shard: { id: 1, count: 2 } });
    await shard1.next((p) => p.t === 'GUILD_CREATE' && p.d.id === late.id);
    expect(shard0.payloads.some((p) => p.t === 'GUILD_CREATE' && p.d.id === late.id)).toBe(false);
    shard0.ws.close();
    shard1.ws.close();
  });

  it('closes an impossible shard with 4010', async () => {
    for (const bad of [[2, 2], [-1, 2], [0, 0], 'zero']) {
      const gw = await RawGateway.connect(url);
      gw.send(identify(bad));
      expect(await gw.closed()).toBe(4010);
    }
  });
});

describe('emulated Interactions Endpoint', () => {
  let emu: DiscordEmulator;
  let server: Server;
  let answer: (body: Json) => { status: number; json?: Json } = () => ({ status: 200, json: { type: 1 } });
  const seen: { verified: boolean; body: Json }[] = [];

  beforeAll(async () => {
    emu = await DiscordEmulator.start({ ackTimeoutMs: 800 });
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(emu.publicKey, 'hex').toString('base64url') },
      format: 'jwk',
    });
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        const ts = String(req.headers['x-signature-timestamp'] ?? '');
        const sig = Buffer.from(String(req.headers['x-signature-ed25519'] ?? ''), 'hex');
        const verified = verify(null, Buffer.concat([Buffer.from(ts), raw]), key, sig);
        const body = JSON.parse(raw.toString()) as Json;
        seen.push({ verified, body });
        const out = verified ? answer(body) : { status: 401 };
        res.writeHead(out.status, out.json ? { 'content-type': 'application/json' } : {});
        res.end(out.json ? JSON.stringify(out.json) : '');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    emu.setInteractionsEndpoint(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const app = (await (
      await fetch(`${emu.apiUrl}/v10/applications/@me`, { headers: { authorization: `Bot ${emu.token}` } })
    ).json()) as Json;
    expect(app.verify_key).toBe(emu.publicKey);
  });
  afterAll(async () => {
    await emu.stop();
    await new Promise((resolve) => server.close(resolve));
  });

  it('signs deliveries with the application key and checks the endpoint as the portal does', async () => {
    await emu.verifyInteractionsEndpoint();
    expect(seen.map((s) => s.verified)).toEqual([true, false]);
    expect(seen[0]?.body.type).toBe(1);
    const forgedHandler = answer;
    answer = () => ({ status: 200, json: { type: 1 } });
    // An endpoint that accepts a bad signature is refused.
    const lax = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"type":1}');
    });
    await new Promise<void>((resolve) => lax.listen(0, '127.0.0.1', resolve));
    const good = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    emu.setInteractionsEndpoint(`http://127.0.0.1:${(lax.address() as AddressInfo).port}/`);
    await expect(emu.verifyInteractionsEndpoint()).rejects.toThrow(/not 401/);
    emu.setInteractionsEndpoint(good);
    await new Promise((resolve) => lax.close(resolve));
    answer = forgedHandler;
  });

  it('takes a 200 JSON response as the callback, with the REST callback rules', async () => {
    await fetch(`${emu.apiUrl}/v10/applications/${emu.applicationId}/guilds/${emu.guildId}/commands`, {
      method: 'PUT',
      headers: { authorization: `Bot ${emu.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([{ name: 'ask', description: 'ask', options: [] }]),
    });
    answer = () => ({ status: 200, json: { type: 4, data: { content: 'over HTTP' } } });
    const ix = await emu.sendCommand({ name: 'ask', user: emu.createUser('h') });
    expect((await ix.acknowledged).type).toBe(4);
    expect(emu.messagesIn(emu.channels.general).at(-1).content).toBe('over HTTP');
    expect(emu.deliveries.at(-1)).toMatchObject({ interactionId: ix.id, status: 200, callbackType: 4 });
    expect(emu.deliveries.at(-1)?.error).toBeUndefined();

    answer = () => ({ status: 200, json: { type: 4, data: { content: '' } } });
    const empty = await emu.sendCommand({ name: 'ask', user: emu.createUser('i') });
    await expect(empty.acknowledged).rejects.toThrow();
    expect(emu.deliveries.at(-1)?.error).toContain('50006');

    answer = () => ({ status: 500 });
    const failed = await emu.sendCommand({ name: 'ask', user: emu.createUser('j') });
    await expect(failed.acknowledged).rejects.toThrow();
    expect(emu.deliveries.at(-1)).toMatchObject({ status: 500, error: 'status 500' });
  }, 15_000);
});

/**
 * The emulator as a stand-alone process, to try the bot by hand (`npm start` pointed at it):
 *
 *   npx tsx test/emulator/serve.ts --shards 2 --max-concurrency 1 --guilds 4 [--ttl 600] [--discord-limits]
 *
 * `--discord-limits` applies Discord's per-channel limits (5 messages per 5 s, a reaction per 250 ms).
 * prints one JSON line: the API URL (DISCORD_API_URL), the bot token, the public key
 * (DISCORD_PUBLIC_KEY), the control URL and every guild with its shard and channels. It stops by
 * itself after `--ttl` seconds (and on SIGINT/SIGTERM). Loopback only.
 *
 * Control API (JSON in, JSON out), to act as Discord users:
 *   POST /message     {channelId, content, mention?, dm?, user?}   a user's message (DMs go to shard 0)
 *   POST /command     {name, options?, channelId?, user?}          a slash command; waits for the callback
 *   POST /autocomplete {name, focused, value, channelId?, user?}
 *   POST /endpoint    {url|null}                                   deliver interactions over HTTP from now on
 *   POST /sign        {body}                                       {timestamp, signature} for a curl test
 *   GET  /messages?channel=ID                                      the bot's messages in a channel
 *   GET  /channel?channel=ID                                       every message there, with the bot's reactions
 *   POST /drop        {code?}                                      close the gateway socket (4004: token refused)
 *   GET  /state                                                    live shards, identify log, deliveries
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { DISCORD_ROUTE_LIMITS, DiscordEmulator } from './DiscordEmulator.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const { values } = parseArgs({
  options: {
    shards: { type: 'string', default: '1' },
    'max-concurrency': { type: 'string', default: '1' },
    guilds: { type: 'string', default: '2' },
    ttl: { type: 'string', default: '600' },
    'enforce-identify-rate': { type: 'boolean', default: true },
    'discord-limits': { type: 'boolean', default: false },
  },
});
const shards = Math.max(1, Number(values.shards));
const emu = await DiscordEmulator.start({
  recommendedShards: shards,
  maxConcurrency: Math.max(1, Number(values['max-concurrency'])),
  enforceIdentifyRate: values['enforce-identify-rate'],
  ...(values['discord-limits']
    ? { rateLimit: { limit: 50, windowMs: 1000, routes: DISCORD_ROUTE_LIMITS } }
    : {}),
});
const guilds = [{ id: emu.guildId, name: 'first', channels: emu.channels }];
for (let i = 0; i < Math.max(0, Number(values.guilds) - 1); i++) {
  guilds.push(emu.createGuild({ name: `guild ${i + 2}`, shard: { id: (i + 1) % shards, count: shards } }));
}
const users = new Map<string, { id: string; username: string }>();
const userNamed = (name = 'user') => {
  if (!users.has(name)) users.set(name, emu.createUser(name));
  return users.get(name)!;
};

const control = createServer((req, res) => {
  handle(req, res).catch((err: unknown) =>
    reply(res, 400, { error: String(err instanceof Error ? err.message : err) }),
  );
});
await new Promise<void>((resolve) => control.listen(0, '127.0.0.1', resolve));

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const body = req.method === 'POST' ? await json(req) : {};
  switch (`${req.method} ${url.pathname}`) {
    case 'POST /message': {
      const msg = await emu.sendMessage({
        author: userNamed(body.user),
        content: String(body.content ?? ''),
        channelId: body.channelId,
        dm: body.dm === true,
        mentionsBot: body.mention === true,
      });
      return reply(res, 200, { id: msg.id, channelId: msg.channel_id });
    }
    case 'POST /command': {
      const ix = await emu.sendCommand({
        name: body.name,
        options: body.options,
        user: userNamed(body.user),
        channelId: body.channelId,
      });
      const ack = await ix.acknowledged;
      const replyBody = await ix.waitForReply(5000).catch(() => ack.data);
      return reply(res, 200, {
        type: ack.type,
        ms: Math.round((ack.at - ix.dispatchedAt) * 100) / 100,
        reply: replyBody,
      });
    }
    case 'POST /autocomplete': {
      const ix = await emu.sendAutocomplete({
        name: body.name,
        focused: body.focused,
        value: String(body.value ?? ''),
        user: userNamed(body.user),
        channelId: body.channelId,
      });
      const ack = await ix.acknowledged;
      return reply(res, 200, {
        type: ack.type,
        ms: Math.round((ack.at - ix.dispatchedAt) * 100) / 100,
        data: ack.data,
      });
    }
    case 'POST /endpoint':
      emu.setInteractionsEndpoint(body.url ?? null);
      if (body.url) await emu.verifyInteractionsEndpoint();
      return reply(res, 200, { endpoint: body.url ?? null });
    case 'POST /sign': {
      const timestamp = String(Math.floor(Date.now() / 1000));
      const text = typeof body.body === 'string' ? body.body : JSON.stringify(body.body);
      return reply(res, 200, { timestamp, signature: emu.signature(timestamp, text), body: text });
    }
    case 'GET /messages':
      return reply(
        res,
        200,
        emu.messagesIn(url.searchParams.get('channel') ?? '').map((m) => ({
          id: m.id,
          content: m.content,
          embeds: m.embeds.map((e: { title?: string; footer?: { text?: string } }) => ({
            title: e.title,
            footer: e.footer?.text,
          })),
          reference: m.message_reference?.message_id,
        })),
      );
    case 'GET /channel':
      return reply(
        res,
        200,
        emu.allMessagesIn(url.searchParams.get('channel') ?? '').map((m) => ({
          id: m.id,
          author: m.author.username,
          content: m.content,
          embeds: m.embeds.map((e: { title?: string }) => e.title),
          reference: m.message_reference?.message_id,
          reactions: (m.reactions ?? []).map((r: { emoji: { name: string } }) => r.emoji.name),
        })),
      );
    case 'POST /drop':
      await emu.dropConnection(typeof body.code === 'number' ? body.code : undefined);
      return reply(res, 200, { dropped: true });
    case 'GET /state':
      return reply(res, 200, {
        liveShards: emu.liveShards(),
        identifies: emu.identifyLog,
        deliveries: emu.deliveries.slice(-20),
        internalErrors: emu.internalErrors.map(String),
      });
    default:
      return reply(res, 404, { error: 'unknown control route' });
  }
}

async function json(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Json) : {};
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

console.log(
  JSON.stringify({
    apiUrl: emu.apiUrl,
    token: emu.token,
    applicationId: emu.applicationId,
    publicKey: emu.publicKey,
    control: `http://127.0.0.1:${(control.address() as AddressInfo).port}`,
    shards,
    guilds: guilds.map((g) => ({ id: g.id, shard: emu.shardOf(g.id, shards), channels: g.channels })),
  }),
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await new Promise((resolve) => control.close(resolve));
  await emu.stop();
  process.exit(0);
};
setTimeout(() => void stop(), Number(values.ttl) * 1000).unref();
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
// Keeps the process alive until the TTL (the servers above are unref'ed by nothing else).
setInterval(() => undefined, 60_000).unref();

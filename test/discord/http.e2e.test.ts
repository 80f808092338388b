/**
 * HTTP interactions mode, end to end: the emulator signs and POSTs interactions to the real
 * InteractionsServer, which answers in the HTTP response with the gateway bot's own handlers.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  customIds,
  expectNoMassPings,
  isEphemeral,
  questionOf,
  sleep,
  startHarness,
  waitForLog,
  type Harness,
} from './harness.js';
import { startHttpHarness, type HttpHarness } from './httpHarness.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('HTTP interactions (e2e)', () => {
  let h: HttpHarness;
  let n = 0;
  const user = () => h.emu.createUser(`http${n++}`);

  beforeAll(async () => {
    h = await startHttpHarness();
  });
  afterAll(async () => {
    if (!h) return;
    expect(h.emu.internalErrors).toEqual([]);
    await h.close();
  });

  /** Every interaction so far was answered over HTTP with a 200 the emulator accepted. */
  const expectDeliveriesAccepted = () => {
    const failed = h.emu.deliveries.filter((d) => d.error !== undefined);
    expect(failed).toEqual([]);
  };

  it('answers PING with PONG and passes the portal check of the endpoint URL', async () => {
    const pong = await h.emu.ping();
    expect(pong.status).toBe(200);
    expect(pong.json).toEqual({ type: 1 });
    expect(pong.contentType).toContain('application/json');
    await h.emu.verifyInteractionsEndpoint();
  });

  it('refuses bad or missing signatures and stale or future timestamps with 401', async () => {
    const body = JSON.stringify({ type: 1, id: '1', application_id: h.emu.applicationId, token: 't' });
    const now = Math.floor(Date.now() / 1000);
    const before = { ...h.server.stats.rejected };
    const forged = await h.emu.deliverRaw({ body, signature: 'ab'.repeat(64) });
    const garbage = await h.emu.deliverRaw({ body, signature: 'not-hex' });
    const missing = await h.emu.deliverRaw({ body, signature: null });
    // Signed correctly, but for another body: the signature covers the exact bytes.
    const tampered = await h.emu.deliverRaw({
      body: body.replace('"type":1', '"type": 1'),
      signature: h.emu.signature(String(now), body),
      timestamp: String(now),
    });
    const stale = await h.emu.deliverRaw({ body, timestamp: String(now - 3600) });
    const future = await h.emu.deliverRaw({ body, timestamp: String(now + 3600) });
    const notANumber = await h.emu.deliverRaw({ body, timestamp: 'yesterday' });
    for (const r of [forged, garbage, missing, tampered, stale, future, notANumber]) {
      expect(r.status).toBe(401);
    }
    expect(h.server.stats.rejected.stale - before.stale).toBe(3);
    expect(h.server.stats.rejected.signature - before.signature).toBe(4);
  });

  it('bounds the body (413), and answers wrong paths, methods and bodies without a crash', async () => {
    const huge = JSON.stringify({ type: 2, data: { name: 'x'.repeat(300 * 1024) } });
    expect((await h.emu.deliverRaw({ body: huge })).status).toBe(413);
    const url = h.server.url;
    expect((await fetch(url)).status).toBe(405);
    expect((await fetch(url.replace('/interactions', '/elsewhere'), { method: 'POST' })).status).toBe(404);
    expect((await h.emu.deliverRaw({ body: '{not json' })).status).toBe(400);
    const modal = JSON.stringify({
      type: 5,
      id: '2',
      application_id: h.emu.applicationId,
      token: 't',
      channel_id: '3',
      user: { id: '4' },
      data: { custom_id: 'x', components: [] },
    });
    expect((await h.emu.deliverRaw({ body: modal })).status).toBe(400);
    const health = await fetch(url.replace('/interactions', '/healthz'));
    expect(health.status).toBe(200);
    // Still serving after all that.
    expect((await h.emu.ping()).json).toEqual({ type: 1 });
  });

  it('shrugs off a client that hangs up mid-body', async () => {
    const { port } = new URL(h.server.url);
    const socket = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /interactions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
        'X-Signature-Ed25519: ab\r\nX-Signature-Timestamp: 1\r\nContent-Length: 1000\r\n\r\n{"type":',
    );
    await sleep(50);
    socket.destroy();
    await sleep(50);
    expect(h.logs.events('interaction-aborted')).toHaveLength(1);
    expect(h.logs.events('interactions-error')).toEqual([]);
    expect((await h.emu.ping()).json).toEqual({ type: 1 });
  });

  it('/ask is answered in the HTTP response itself (type 4), with no callback request', async () => {
    const mark = h.emu.mark();
    const ix = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: user(),
    });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    expect(ack.data.embeds[0].title).toBe('`await` keyword');
    expect(ack.data.allowed_mentions).toEqual({ parse: [], users: [], roles: [], replied_user: false });
    expect(isEphemeral(ack.data)).toBe(false);
    const delivery = h.emu.deliveries.find((d) => d.interactionId === ix.id);
    expect(delivery).toMatchObject({ status: 200, callbackType: 4 });
    expect(h.emu.calls.slice(mark).filter((c) => c.path.includes('/callback'))).toEqual([]);
    expect(h.emu.messagesIn(h.emu.channels.general).at(-1).embeds[0].title).toBe('`await` keyword');
    await waitForLog(h.logs, 'question', (l) => l.question === 'what does await do?');
    expectDeliveriesAccepted();
  });

  it('/lookup autocompletes within 3 s', async () => {
    const ix = await h.emu.sendAutocomplete({ name: 'lookup', focused: 'entry', value: 'aw', user: user() });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(8);
    expect(ack.at - ix.dispatchedAt).toBeLessThan(3000);
    expect(ack.data.choices[0]).toEqual({
      name: 'C# async/await › await keyword',
      value: 'csharp-async-await/await-keyword',
    });
    expect(ack.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('/lookup, /help and /topics: the picked section, an ephemeral help, a deferred listing', async () => {
    const picked = await h.emu.sendCommand({
      name: 'lookup',
      options: { entry: 'csharp-async-await/fire-and-forget' },
      user: user(),
    });
    expect((await picked.acknowledged).data.embeds[0].title).toBe('Fire-and-forget');
    const help = await h.emu.sendCommand({ name: 'help', user: user() });
    expect(isEphemeral((await help.acknowledged).data)).toBe(true);
    // /topics sends several messages, so it defers in the response and edits over the webhook.
    const topics = await h.emu.sendCommand({ name: 'topics', user: user() });
    const ack = await topics.acknowledged;
    expect(ack.type).toBe(5);
    expect(isEphemeral(ack.data)).toBe(true);
    const listing = await topics.waitForReply();
    expect(listing.embeds[0].title).toBe('1 topic, 9 sections');
    expect(topics.edits).toHaveLength(1);
  });

  it('buttons: a pick updates the message (type 7), feedback is thanked, dismiss deletes over the webhook', async () => {
    const asker = user();
    const question = questionOf(h.engineRef.current, 'suggest');
    const ix = await h.emu.sendCommand({ name: 'ask', options: { question }, user: asker });
    const body = (await ix.acknowledged).data;
    const message = h.emu.messagesIn(h.emu.channels.general).at(-1);
    const pick = customIds(body).find((id) => id.startsWith('cb:pick:'))!;
    const press = await h.emu.sendButton({ customId: pick, message, user: asker });
    const update = await press.acknowledged;
    expect(update.type).toBe(7);
    expect(update.data.embeds[0].title).not.toBe('Did you mean…');
    expect(h.learning.events.some((e) => e.type === 'suggestion-picked' && e.userId === asker.id)).toBe(true);

    const updated = h.emu.message(message.id);
    const good = customIds(updated).find((id) => id.startsWith('cb:good:'))!;
    const thanks = await h.emu.sendButton({ customId: good, message: updated, user: asker });
    expect((await thanks.acknowledged).data.content).toContain('Thanks');

    const dismiss = customIds(updated).find((id) => id.startsWith('cb:dismiss:'))!;
    const refused = await h.emu.sendButton({ customId: dismiss, message: updated, user: user() });
    expect((await refused.acknowledged).data.content).toContain('Only the person who asked');
    const mark = h.emu.mark();
    const gone = await h.emu.sendButton({ customId: dismiss, message: updated, user: asker });
    expect((await gone.acknowledged).type).toBe(6);
    await h.emu.waitForCall((c) => c.method === 'DELETE' && c.path.includes('/webhooks/'), 5000, mark);
    expect(h.emu.message(message.id)).toBeUndefined();
  });

  it('"Find answer" without a bot token answers with a public reply of its own', async () => {
    const target = await h.emu.sendMessage({
      author: user(),
      content: 'why does my async void method crash the app?',
    });
    const ix = await h.emu.sendMessageCommand({ name: 'Find answer', target, user: user() });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    expect(isEphemeral(ack.data)).toBe(false);
    expect(ack.data.embeds[0].title).toBeTruthy();
  });

  it('a handler error gets the ephemeral apology in the response, and the next question is answered', async () => {
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
    } finally {
      h.engineRef.fail = false;
    }
    const again = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'is async void bad?' },
      user: user(),
    });
    expect((await again.acknowledged).type).toBe(4);
  });

  it('answers 40 interactions at once, each exactly once', async () => {
    const sent = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        h.emu.sendCommand({
          name: 'ask',
          options: { question: i % 2 ? 'what does await do?' : 'is async void bad?' },
          user: user(),
          channelId: h.emu.channels.help,
        }),
      ),
    );
    const acks = await Promise.all(sent.map((ix) => ix.acknowledged));
    expect(acks.every((a) => a.type === 4)).toBe(true);
    for (const ix of sent) expect(ix.callbacks).toHaveLength(1);
    expectDeliveriesAccepted();
  });

  it('never logs an interaction token or the raw body', () => {
    expect(h.logs.raw.length).toBeGreaterThan(5);
    const tokens = h.emu.interactions.map((ix) => ix.token);
    for (const line of h.logs.raw) for (const token of tokens) expect(line).not.toContain(token);
    expect(expectNoMassPings(h.emu.calls)).toBeGreaterThanOrEqual(0);
  });
});

describe('HTTP interactions with a bot token and the duplicate window (e2e)', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness({ withToken: true, env: { DUPLICATE_WINDOW_SECONDS: '60' } });
  });
  afterAll(async () => {
    if (h) await h.close();
  });

  it('"Find answer" replies to the message itself when it may post as the bot', async () => {
    const target = await h.emu.sendMessage({
      author: h.emu.createUser('t'),
      content: 'why does my async void method crash the app?',
    });
    const mark = h.emu.mark();
    const ix = await h.emu.sendMessageCommand({ name: 'Find answer', target, user: h.emu.createUser('u') });
    expect((await ix.acknowledged).type).toBe(5);
    const post = await h.emu.waitForCall(
      (c) => c.method === 'POST' && c.path === `/channels/${h.emu.channels.general}/messages`,
      5000,
      mark,
    );
    expect(post.body.message_reference.message_id).toBe(target.id);
    expect((await ix.waitForReply()).content).toContain('Answered');
  });

  it('points a second asker at the first answer, linked by the id the webhook reports', async () => {
    const first = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: h.emu.createUser('a'),
      channelId: h.emu.channels.help,
    });
    expect((await first.acknowledged).type).toBe(4);
    const answer = h.emu.messagesIn(h.emu.channels.help).at(-1);
    await waitForLog(h.logs, 'question', (l) => l.entry === 'csharp-async-await/await-keyword');
    const second = await h.emu.sendCommand({
      name: 'ask',
      options: { question: 'what does await do?' },
      user: h.emu.createUser('b'),
      channelId: h.emu.channels.help,
    });
    const pointer = (await second.acknowledged).data;
    expect(isEphemeral(pointer)).toBe(true);
    expect(pointer.content).toContain(`/${h.emu.channels.help}/${answer.id}`);
  });
});

/** The same interactions through the gateway and through HTTP give the same bodies. */
describe('the same answers on the gateway and over HTTP (e2e)', () => {
  let gateway: Harness;
  let http: HttpHarness;
  beforeAll(async () => {
    [gateway, http] = await Promise.all([startHarness(), startHttpHarness()]);
  });
  afterAll(async () => {
    await Promise.all([gateway?.close(), http?.close()]);
  });

  /** Ids and answer-memory keys differ between runs; the rest must not. */
  const normalize = (body: Json): string =>
    JSON.stringify(body)
      .replace(/\d{17,20}/g, '<id>')
      .replace(/cb:(\w+):[^:"]+:/g, 'cb:$1:<key>:');

  it('asks, looks up, autocompletes and lists identically', async () => {
    const script = async (emu: typeof gateway.emu) => {
      const u = emu.createUser('same');
      const out: Json[] = [];
      const q = questionOf(gateway.engineRef.current, 'suggest');
      for (const question of ['what does await do?', q, 'zxqv blorp frindle']) {
        out.push(
          (await (await emu.sendCommand({ name: 'ask', options: { question }, user: u })).acknowledged).data,
        );
      }
      out.push(
        (
          await (
            await emu.sendCommand({
              name: 'lookup',
              options: { entry: 'csharp-async-await/syntax' },
              user: u,
            })
          ).acknowledged
        ).data,
      );
      out.push(
        (
          await (
            await emu.sendAutocomplete({ name: 'lookup', focused: 'entry', value: 'thr', user: u })
          ).acknowledged
        ).data,
      );
      out.push((await (await emu.sendCommand({ name: 'help', user: u })).acknowledged).data);
      const topics = await emu.sendCommand({ name: 'topics', user: u });
      out.push(await topics.waitForReply());
      await sleep(20);
      return out.map(normalize);
    };
    const viaGateway = await script(gateway.emu);
    const viaHttp = await script(http.emu);
    expect(viaHttp).toEqual(viaGateway);
  });
});

/** Failures and limits, end to end: gateway drops, REST 429/5xx/403, huge sections, shutdown. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEngine } from '../../src/answer/loadEngine.js';
import {
  expectAllAccepted,
  expectNoMassPings,
  isCallback,
  isChannelPost,
  sleep,
  startHarness,
  tempKnowledge,
  type Harness,
} from './harness.js';

function hugeTopic(): string {
  const points = Array.from(
    { length: 120 },
    (_, i) => `  - Point ${i}: ${'a long explanation of the giant section that keeps going '.repeat(3)}`,
  ).join('\n');
  const code = Array.from({ length: 600 }, (_, i) => `  print("line ${i} of a very long example")`).join(
    '\n',
  );
  return [
    "Here's a breakdown of **Huge topic**:",
    '',
    '- **Giant section**:',
    points,
    '  ```python',
    code,
    '  ```',
    '',
    '- **Small section**: Just one short point about tiny things.',
    '',
  ].join('\n');
}

function manySections(topics: number, perTopic: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let t = 0; t < topics; t++) {
    const sections = Array.from(
      { length: perTopic },
      (_, s) => `- **Concept ${t} part ${s}**: Explains concept ${t} part ${s} in words.`,
    ).join('\n');
    files[`topic-${t}.md`] = `Here's a breakdown of **Synthetic topic ${t}**:\n\n${sections}\n`;
  }
  return files;
}

describe('resilience (e2e)', () => {
  let h: Harness;
  let n = 0;
  const user = () => h.emu.createUser(`r${n++}`);
  let removeKnowledge: () => Promise<void>;

  beforeAll(async () => {
    const k = await tempKnowledge({ 'huge-topic.md': hugeTopic(), ...manySections(8, 40) });
    removeKnowledge = k.remove;
    const engine = await loadEngine(k.dir);
    h = await startHarness({ engine });
  });
  afterAll(async () => {
    if (h) {
      expect(h.emu.internalErrors).toEqual([]);
      expectNoMassPings(h.emu.calls);
      await h.close();
    }
    await removeKnowledge?.();
  });

  it('shows a section longer than every limit, split and trimmed, accepted by Discord', async () => {
    const mark = h.emu.mark();
    const ix = await h.emu.sendCommand({
      name: 'lookup',
      options: { entry: 'huge-topic/giant-section' },
      user: user(),
    });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    const embeds = ack.data.embeds as { description?: string }[];
    expect(embeds.length).toBeGreaterThan(1);
    for (const e of embeds) expect(((e.description ?? '').match(/```/g) ?? []).length % 2).toBe(0);
    expect(embeds.at(-1)?.description).toContain('trimmed');
    // The same section asked in words, by mention.
    await h.emu.sendMessage({ author: user(), content: 'giant section', mentionsBot: true });
    const post = await h.emu.waitForCall(isChannelPost(), 5000, mark);
    expect(post.status).toBe(200);
    expectAllAccepted(h.emu.calls.slice(mark));
  });

  it('/topics splits a long listing across follow-ups, all accepted', async () => {
    const mark = h.emu.mark();
    const ix = await h.emu.sendCommand({ name: 'topics', user: user() });
    await ix.waitForReply();
    const deadline = Date.now() + 3000;
    while (ix.followups.length === 0 && Date.now() < deadline) await sleep(10);
    expect(ix.edits.length).toBe(1);
    expect(ix.followups.length).toBeGreaterThan(0);
    for (const f of ix.followups) expect((f.flags ?? 0) & 64).toBe(64);
    expectAllAccepted(h.emu.calls.slice(mark));
  });

  it('resumes after a dropped gateway connection and keeps answering', async () => {
    const identifies = h.emu.identifies;
    const resumes = h.emu.resumes;
    await h.emu.dropConnection();
    await h.emu.waitForReady(10_000, { fresh: true });
    expect(h.emu.resumes).toBe(resumes + 1);
    expect(h.emu.identifies).toBe(identifies);
    const mark = h.emu.mark();
    await h.emu.sendMessage({ author: user(), content: 'small section', mentionsBot: true });
    const post = await h.emu.waitForCall(isChannelPost(), 5000, mark);
    expect(post.status).toBe(200);
  });

  it('retries a REST 429 and answers', async () => {
    const mark = h.emu.mark();
    h.emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.05 });
    await h.emu.sendMessage({ author: user(), content: 'small section', mentionsBot: true });
    const ok = await h.emu.waitForCall((c) => isChannelPost()(c) && c.status === 200, 5000, mark);
    const statuses = h.emu.calls
      .slice(mark)
      .filter(isChannelPost())
      .map((c) => c.status);
    expect(statuses).toEqual([429, 200]);
    expect(ok.body.embeds[0].title).toBeTruthy();
  });

  it('retries REST 500s (messages and interaction callbacks) and answers', async () => {
    let mark = h.emu.mark();
    h.emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500 });
    await h.emu.sendMessage({ author: user(), content: 'small section', mentionsBot: true });
    await h.emu.waitForCall((c) => isChannelPost()(c) && c.status === 200, 5000, mark);
    expect(
      h.emu.calls
        .slice(mark)
        .filter(isChannelPost())
        .map((c) => c.status),
    ).toEqual([500, 200]);

    mark = h.emu.mark();
    h.emu.failNext({ method: 'POST', path: /\/callback$/, status: 503 });
    const ix = await h.emu.sendCommand({ name: 'ask', options: { question: 'small section' }, user: user() });
    const ack = await ix.acknowledged;
    expect(ack.type).toBe(4);
    await h.emu.waitForCall((c) => isCallback(ix.id)(c) && c.status === 200, 5000, mark);
    expect(
      h.emu.calls
        .slice(mark)
        .filter(isCallback(ix.id))
        .map((c) => c.status),
    ).toEqual([503, 200]);
  });

  it('logs a 403 on send once per channel and stays alive', async () => {
    const channel = h.emu.channels.help;
    h.emu.denyChannel(channel);
    const mark = h.emu.mark();
    for (let i = 0; i < 3; i++) {
      await h.emu.sendMessage({
        author: user(),
        content: `small section ${i}`,
        mentionsBot: true,
        channelId: channel,
      });
    }
    const deadline = Date.now() + 3000;
    while (
      h.emu.calls.slice(mark).filter((c) => isChannelPost(channel)(c)).length < 3 &&
      Date.now() < deadline
    ) {
      await sleep(10);
    }
    await sleep(50);
    const denied = h.emu.calls.slice(mark).filter(isChannelPost(channel));
    expect(denied.map((c) => c.status)).toEqual([403, 403, 403]);
    expect(h.logs.events('missing-permissions').filter((l) => l.channelId === channel)).toHaveLength(1);
    h.emu.allowChannel(channel);
    const after = h.emu.mark();
    await h.emu.sendMessage({ author: user(), content: 'small section', mentionsBot: true });
    expect((await h.emu.waitForCall(isChannelPost(), 5000, after)).status).toBe(200);
  });

  it('never logs the token', () => {
    expect(h.logs.raw.length).toBeGreaterThan(10);
    for (const line of h.logs.raw) expect(line).not.toContain(h.config.token);
  });
});

describe('shutdown (e2e)', () => {
  it('stop() lets an in-flight reply finish, then destroys the client', async () => {
    const h = await startHarness();
    try {
      const mark = h.emu.mark();
      h.emu.failNext({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.3 });
      await h.emu.sendMessage({
        author: h.emu.createUser('late'),
        content: 'what does await do?',
        mentionsBot: true,
      });
      await h.emu.waitForCall((c) => isChannelPost()(c) && c.status === 429, 5000, mark);
      await h.bot.stop();
      const posts = h.emu.calls.slice(mark).filter(isChannelPost());
      expect(posts.map((c) => c.status)).toEqual([429, 200]);
      expect(h.bot.client.isReady()).toBe(false);
      expect(h.logs.events('stopped')).toHaveLength(1);
      await expect(h.bot.stop()).resolves.toEqual({ unsent: 0 });
    } finally {
      await h.close();
    }
  });
});

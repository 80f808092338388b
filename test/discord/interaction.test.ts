/** The transport-neutral interaction layer: reading API JSON, the responder's rules, signatures. */
import { generateKeyPairSync, sign } from 'node:crypto';
import { DiscordAPIError, REST } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { signatureVerifier } from '../../src/discord/http/verifySignature.js';
import type { CallbackBody } from '../../src/discord/interaction/callbackBodies.js';
import { InteractionReplies } from '../../src/discord/interaction/InteractionReplies.js';
import { readInteraction } from '../../src/discord/interaction/readInteraction.js';
import { noMentions } from '../../src/discord/render/message.js';
import { DiscordEmulator } from '../emulator/DiscordEmulator.js';

const base = { id: '10', application_id: '20', channel_id: '30', token: 'tok', version: 1 };
const member = { member: { user: { id: '40', username: 'm' } }, guild_id: '50' };

describe('readInteraction', () => {
  it('reads a guild slash command with its options and resolved users', () => {
    const ix = readInteraction({
      ...base,
      ...member,
      type: 2,
      data: {
        name: 'ask',
        type: 1,
        options: [
          { name: 'question', type: 3, value: 'what is await?' },
          { name: 'for', type: 6, value: '60' },
        ],
        resolved: { users: { '60': { id: '60', bot: true } } },
      },
    });
    expect(ix).toMatchObject({
      kind: 'command',
      commandName: 'ask',
      userId: '40',
      guildId: '50',
      channelId: '30',
    });
    if (ix?.kind !== 'command') throw new Error('not a command');
    expect(ix.options.string('question')).toBe('what is await?');
    expect(ix.options.string('for')).toBeUndefined();
    expect(ix.options.user('for')).toEqual({ id: '60', bot: true });
    expect(ix.options.user('nobody')).toBeUndefined();
  });

  it('reads DMs, autocomplete, the context menu and buttons', () => {
    const dm = readInteraction({ ...base, user: { id: '41' }, type: 2, data: { name: 'help' } });
    expect(dm).toMatchObject({ kind: 'command', userId: '41', guildId: null });
    const auto = readInteraction({
      ...base,
      ...member,
      type: 4,
      data: { name: 'lookup', options: [{ name: 'entry', type: 3, value: 'aw', focused: true }] },
    });
    expect(auto).toMatchObject({ kind: 'autocomplete', commandName: 'lookup', focused: 'aw' });
    const menu = readInteraction({
      ...base,
      ...member,
      type: 2,
      data: {
        name: 'Find answer',
        type: 3,
        target_id: '70',
        resolved: { messages: { '70': { id: '70', content: 'hi?' } } },
      },
    });
    expect(menu).toMatchObject({ kind: 'message-command', target: { id: '70', content: 'hi?' } });
    const button = readInteraction({
      ...base,
      ...member,
      type: 3,
      data: { custom_id: 'cb:show:k:a/b', component_type: 2 },
      message: {
        id: '80',
        flags: 64,
        components: [
          {
            type: 1,
            components: [
              { type: 2, custom_id: 'cb:dismiss:k:40' },
              { type: 2, url: 'https://x' },
            ],
          },
        ],
      },
    });
    expect(button).toMatchObject({
      kind: 'button',
      customId: 'cb:show:k:a/b',
      message: { id: '80', ephemeral: true, customIds: ['cb:dismiss:k:40'] },
    });
  });

  it('returns nothing for what no handler takes, or a payload missing what they need', () => {
    expect(readInteraction({ ...base, ...member, type: 1 })).toBeUndefined();
    expect(readInteraction({ ...base, ...member, type: 5, data: { custom_id: 'm' } })).toBeUndefined();
    expect(
      readInteraction({
        ...base,
        ...member,
        type: 3,
        data: { custom_id: 's', component_type: 3 },
        message: { id: '1' },
      }),
    ).toBeUndefined();
    expect(readInteraction({ ...base, type: 2, data: { name: 'ask' } })).toBeUndefined(); // no user
    expect(
      readInteraction({ ...base, ...member, type: 2, data: { name: 'x', type: 3, target_id: '9' } }),
    ).toBeUndefined();
    for (const junk of [null, 'ask', 42, [], {}]) expect(readInteraction(junk)).toBeUndefined();
  });
});

describe('InteractionReplies', () => {
  const message = { content: 'hi', embeds: [], components: [], allowed_mentions: noMentions() };

  function replies(rest: REST, target = { id: '1', applicationId: '2', token: 'tok' }) {
    const sent: CallbackBody[] = [];
    const reply = new InteractionReplies(target, { send: async (body) => void sent.push(body) }, rest, {
      originalLookup: { tries: 1, pauseMs: 1 },
    });
    return { reply, sent };
  }

  it('sends one callback: a second, or an edit before it, fails here and not at Discord', async () => {
    const { reply, sent } = replies(new REST());
    await expect(reply.editReply(message)).rejects.toThrow(/before the interaction 1 was acknowledged/);
    await reply.reply(message, { ephemeral: true });
    expect(reply.state).toBe('replied');
    await expect(reply.defer()).rejects.toThrow(/already acknowledged/);
    expect(sent).toEqual([{ type: 4, data: { ...message, flags: 64 } }]);
  });

  it('goes back to pending when the transport fails, so the apology can still be the callback', async () => {
    const reply = new InteractionReplies(
      { id: '1', applicationId: '2', token: 'tok' },
      { send: () => Promise.reject(new Error('socket closed')) },
      new REST(),
    );
    await expect(reply.reply(message)).rejects.toThrow('socket closed');
    expect(reply.state).toBe('pending');
  });

  it('never lets the interaction token out in an error', async () => {
    const emu = await DiscordEmulator.start();
    try {
      const token = `aW50ZXJhY3Rpb24${'x'.repeat(60)}`;
      const { reply } = replies(new REST({ api: emu.apiUrl, retries: 0 }), {
        id: '1',
        applicationId: emu.applicationId,
        token,
      });
      await reply.defer();
      const error = await reply.editReply(message).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DiscordAPIError);
      const e = error as DiscordAPIError;
      expect(e.status).toBe(404);
      expect(e.url).toContain('/webhooks/');
      expect(`${e.url} ${e.message} ${e.stack}`).not.toContain(token);
      expect(await reply.originalMessageId()).toBeUndefined();
    } finally {
      await emu.stop();
    }
  });
});

describe('signature verification', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hex = Buffer.from(String(publicKey.export({ format: 'jwk' }).x), 'base64url').toString('hex');
  const check = signatureVerifier(hex);
  const body = Buffer.from('{"type":1}');
  const signed = (ts: string, b: Buffer) =>
    sign(null, Buffer.concat([Buffer.from(ts), b]), privateKey).toString('hex');

  it('accepts Discord-style signatures over timestamp + body, and nothing else', () => {
    expect(check('1700000000', body, signed('1700000000', body))).toBe(true);
    expect(check('1700000000', body, signed('1700000000', body).toUpperCase())).toBe(true);
    expect(check('1700000001', body, signed('1700000000', body))).toBe(false);
    expect(check('1700000000', Buffer.from('{"type":2}'), signed('1700000000', body))).toBe(false);
    expect(check('1700000000', body, 'zz'.repeat(64))).toBe(false);
    expect(check('1700000000', body, '')).toBe(false);
    const other = generateKeyPairSync('ed25519').privateKey;
    const foreign = sign(null, Buffer.concat([Buffer.from('1700000000'), body]), other).toString('hex');
    expect(check('1700000000', body, foreign)).toBe(false);
  });

  it('refuses a public key that is not 32 bytes of hex', () => {
    expect(() => signatureVerifier('abc')).toThrow(/64 hex digits/);
  });
});

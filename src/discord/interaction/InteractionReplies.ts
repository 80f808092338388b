/**
 * The one InteractionResponder: it keeps the interaction's state, sends the first callback through the
 * transport (a REST POST for the gateway, the HTTP response for the endpoint) and everything after it
 * through the interaction's webhook, which needs the interaction token alone (no bot token).
 *
 * Errors keep their class (DiscordAPIError from the REST client) but never carry the interaction
 * token: it is cut out of the failed request's URL before the error leaves this file.
 */
import { Routes, type REST } from 'discord.js';
import type { APIApplicationCommandOptionChoice, APIMessage } from 'discord-api-types/v10';
import type { RenderedMessage } from '../render/message.js';
import { callbacks, createBody, editBody, type CallbackBody } from './callbackBodies.js';
import type { InteractionResponder, ResponderState } from './InteractionResponder.js';

export interface InteractionTarget {
  id: string;
  applicationId: string;
  token: string;
}

/** Delivers the interaction's first callback. */
export interface CallbackTransport {
  /**
   * Sends the callback; resolves once it is delivered. With `wantMessageId` it resolves with the id of
   * the message the callback created, when the transport learns it (undefined otherwise).
   */
  send(body: CallbackBody, wantMessageId: boolean): Promise<string | undefined>;
}

export interface InteractionRepliesOptions {
  /** Tries of GET @original when the transport cannot tell the reply's id (default 3), and the pause between them. */
  originalLookup?: { tries: number; pauseMs: number };
}

export class InteractionReplies implements InteractionResponder {
  private current: ResponderState = 'pending';
  private replyMessageId: string | undefined;
  private readonly lookup: { tries: number; pauseMs: number };

  constructor(
    private readonly target: InteractionTarget,
    private readonly transport: CallbackTransport,
    private readonly rest: REST,
    options: InteractionRepliesOptions = {},
  ) {
    this.lookup = options.originalLookup ?? { tries: 3, pauseMs: 150 };
  }

  get state(): ResponderState {
    return this.current;
  }

  async reply(message: RenderedMessage, options: { ephemeral?: boolean } = {}): Promise<void> {
    const wantId = !options.ephemeral;
    const id = await this.callback(callbacks.reply(message, options), 'replied', wantId);
    if (wantId) this.replyMessageId = id;
  }

  async defer(options: { ephemeral?: boolean } = {}): Promise<void> {
    await this.callback(callbacks.defer(options), 'deferred', false);
  }

  async deferUpdate(): Promise<void> {
    await this.callback(callbacks.deferUpdate(), 'deferred', false);
  }

  async update(message: RenderedMessage): Promise<void> {
    await this.callback(callbacks.update(message), 'replied', false);
  }

  async autocomplete(choices: APIApplicationCommandOptionChoice[]): Promise<void> {
    await this.callback(callbacks.autocomplete(choices), 'replied', false);
  }

  async editReply(message: RenderedMessage): Promise<void> {
    this.requireAcknowledged('editReply');
    await this.webhook(() => this.rest.patch(this.originalRoute(), { body: editBody(message), auth: false }));
    this.current = 'replied';
  }

  async followUp(message: RenderedMessage, options: { ephemeral?: boolean } = {}): Promise<void> {
    this.requireAcknowledged('followUp');
    await this.webhook(() =>
      this.rest.post(Routes.webhook(this.target.applicationId, this.target.token), {
        body: createBody(message, options),
        query: new URLSearchParams({ wait: 'true' }),
        auth: false,
      }),
    );
  }

  async deleteReply(): Promise<void> {
    this.requireAcknowledged('deleteReply');
    await this.webhook(() => this.rest.delete(this.originalRoute(), { auth: false }));
  }

  async originalMessageId(): Promise<string | undefined> {
    if (this.replyMessageId !== undefined || this.current === 'pending') return this.replyMessageId;
    // The HTTP response does not say which message it became: ask, giving Discord a moment to file it.
    for (let attempt = 1; attempt <= this.lookup.tries; attempt++) {
      try {
        const message = (await this.webhook(() =>
          this.rest.get(this.originalRoute(), { auth: false }),
        )) as APIMessage;
        this.replyMessageId = message.id;
        return message.id;
      } catch {
        if (attempt < this.lookup.tries)
          await new Promise((r) => setTimeout(r, this.lookup.pauseMs * attempt));
      }
    }
    return undefined;
  }

  private async callback(
    body: CallbackBody,
    next: ResponderState,
    wantMessageId: boolean,
  ): Promise<string | undefined> {
    if (this.current !== 'pending') {
      throw new Error(`interaction ${this.target.id} was already acknowledged (callback type ${body.type})`);
    }
    // Claimed before sending: a second callback attempted meanwhile fails here, not at Discord.
    this.current = next;
    try {
      return await this.webhook(() => this.transport.send(body, wantMessageId));
    } catch (error) {
      this.current = 'pending';
      throw error;
    }
  }

  private requireAcknowledged(what: string): void {
    if (this.current === 'pending') {
      throw new Error(`${what} before the interaction ${this.target.id} was acknowledged`);
    }
  }

  private originalRoute(): `/${string}` {
    return Routes.webhookMessage(this.target.applicationId, this.target.token, '@original');
  }

  /** Runs a request; a failure is rethrown with the interaction token cut out of it. */
  private async webhook<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw withoutToken(error, this.target.token);
    }
  }
}

/** Removes the interaction token from an error's URL and message (DiscordAPIError, HTTPError, fetch errors). */
export function withoutToken(error: unknown, token: string): unknown {
  if (typeof error !== 'object' || error === null || token === '') return error;
  const e = error as { url?: unknown; message?: unknown; stack?: unknown };
  const cut = (s: string) => s.split(token).join(':token');
  try {
    if (typeof e.url === 'string') e.url = cut(e.url);
    if (typeof e.message === 'string' && e.message.includes(token)) e.message = cut(e.message);
    if (typeof e.stack === 'string' && e.stack.includes(token)) e.stack = cut(e.stack);
  } catch {
    // A read-only property: the error is still thrown, the logger's redaction remains.
  }
  return error;
}

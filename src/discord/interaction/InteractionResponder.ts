/**
 * How a handler answers an interaction, whatever the transport. The first call among reply, defer,
 * deferUpdate, update and autocomplete is the interaction's one callback (due within 3 s); editReply,
 * followUp and deleteReply come after it (within 15 minutes) and go through the interaction's webhook.
 */
import type { APIApplicationCommandOptionChoice } from 'discord-api-types/v10';
import type { RenderedMessage } from '../render/message.js';

export type ResponderState = 'pending' | 'deferred' | 'replied';

export interface InteractionResponder {
  /** pending: nothing sent yet; deferred: defer/deferUpdate sent; replied: a message was sent or updated. */
  readonly state: ResponderState;
  /** Callback type 4. */
  reply(message: RenderedMessage, options?: { ephemeral?: boolean }): Promise<void>;
  /** Callback type 5: "thinking…", filled in later by editReply. */
  defer(options?: { ephemeral?: boolean }): Promise<void>;
  /** Callback type 6 (buttons): acknowledges without changing the message. */
  deferUpdate(): Promise<void>;
  /** Callback type 7 (buttons): replaces the message the button is on. */
  update(message: RenderedMessage): Promise<void>;
  /** Callback type 8. */
  autocomplete(choices: APIApplicationCommandOptionChoice[]): Promise<void>;
  /** Edits the original response (or, for a button, the message it is on). */
  editReply(message: RenderedMessage): Promise<void>;
  followUp(message: RenderedMessage, options?: { ephemeral?: boolean }): Promise<void>;
  /** Deletes the original response (or, for a button, the message it is on). */
  deleteReply(): Promise<void>;
  /** The id of the message the reply created, when it can be known (asked from Discord if need be). */
  originalMessageId(): Promise<string | undefined>;
}

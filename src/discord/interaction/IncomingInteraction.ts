/**
 * An interaction as the handlers see it, whatever brought it (a gateway INTERACTION_CREATE or an HTTP
 * POST to the Interactions Endpoint): plain data read from the API v10 JSON, no client objects.
 */
export type IncomingInteraction =
  CommandInteraction | AutocompleteInteraction | MessageCommandInteraction | ButtonInteraction;

interface Common {
  id: string;
  applicationId: string;
  /** The person who used the command or pressed the button (member.user in guilds, user in DMs). */
  userId: string;
  channelId: string;
  /** null in DMs. */
  guildId: string | null;
}

/** A slash command (chat input). */
export interface CommandInteraction extends Common {
  kind: 'command';
  commandName: string;
  options: CommandOptions;
}

export interface AutocompleteInteraction extends Common {
  kind: 'autocomplete';
  commandName: string;
  /** The value typed so far into the focused option ('' when none). */
  focused: string;
  options: CommandOptions;
}

/** A message context-menu command. */
export interface MessageCommandInteraction extends Common {
  kind: 'message-command';
  commandName: string;
  target: { id: string; content: string };
}

export interface ButtonInteraction extends Common {
  kind: 'button';
  customId: string;
  /** The message the button is on. */
  message: ComponentMessage;
}

export interface ComponentMessage {
  id: string;
  ephemeral: boolean;
  /** Every button custom id in the message, in order. */
  customIds: string[];
}

export interface ResolvedUser {
  id: string;
  bot: boolean;
}

export interface CommandOptions {
  /** A string option's value, or undefined when not given. */
  string(name: string): string | undefined;
  /** A user option, resolved from the interaction's `resolved.users`. */
  user(name: string): ResolvedUser | undefined;
}

/**
 * API v10 interaction JSON → IncomingInteraction. The gateway and the HTTP endpoint both deliver this
 * JSON; reading it in one place is what lets one set of handlers serve both. Returns undefined for what
 * the bot does not handle (PING, modals, selects) or for a payload missing what a handler needs.
 */
import type {
  CommandOptions,
  ComponentMessage,
  IncomingInteraction,
  ResolvedUser,
} from './IncomingInteraction.js';

/** Discord's numeric enums, spelled out (discord-api-types' enums are not plain data). */
export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;
const CommandType = { ChatInput: 1, Message: 3 } as const;
const ComponentType = { ActionRow: 1, Button: 2 } as const;
const OptionType = { SubCommand: 1, SubCommandGroup: 2, String: 3, User: 6, Mentionable: 9 } as const;
const EPHEMERAL = 1 << 6;

type Json = Record<string, unknown>;

export function readInteraction(raw: unknown): IncomingInteraction | undefined {
  if (!isObject(raw)) return undefined;
  const id = str(raw.id);
  const applicationId = str(raw.application_id);
  const channelId = str(raw.channel_id) ?? (isObject(raw.channel) ? str(raw.channel.id) : undefined);
  const member = isObject(raw.member) ? raw.member : undefined;
  const user = isObject(member?.user) ? member.user : isObject(raw.user) ? raw.user : undefined;
  const userId = str(user?.id);
  if (!id || !applicationId || !channelId || !userId) return undefined;
  const common = { id, applicationId, userId, channelId, guildId: str(raw.guild_id) ?? null };
  const data = isObject(raw.data) ? raw.data : {};

  switch (raw.type) {
    case InteractionType.ApplicationCommand: {
      const commandName = str(data.name);
      if (!commandName) return undefined;
      if ((data.type ?? CommandType.ChatInput) === CommandType.ChatInput) {
        return { ...common, kind: 'command', commandName, options: commandOptions(data) };
      }
      if (data.type === CommandType.Message) {
        const targetId = str(data.target_id);
        const messages =
          isObject(data.resolved) && isObject(data.resolved.messages) ? data.resolved.messages : {};
        const target = targetId ? messages[targetId] : undefined;
        if (!targetId || !isObject(target)) return undefined;
        return {
          ...common,
          kind: 'message-command',
          commandName,
          target: { id: targetId, content: str(target.content) ?? '' },
        };
      }
      return undefined;
    }
    case InteractionType.Autocomplete: {
      const commandName = str(data.name);
      if (!commandName) return undefined;
      const focused = flatOptions(data.options).find((o) => o.focused === true);
      return {
        ...common,
        kind: 'autocomplete',
        commandName,
        focused: focused?.value === undefined || focused.value === null ? '' : String(focused.value),
        options: commandOptions(data),
      };
    }
    case InteractionType.MessageComponent: {
      const customId = str(data.custom_id);
      if (!customId || data.component_type !== ComponentType.Button || !isObject(raw.message))
        return undefined;
      return { ...common, kind: 'button', customId, message: componentMessage(raw.message) };
    }
    default:
      return undefined;
  }
}

function commandOptions(data: Json): CommandOptions {
  const options = flatOptions(data.options);
  const resolvedUsers = isObject(data.resolved) && isObject(data.resolved.users) ? data.resolved.users : {};
  const value = (name: string, types: number[]) =>
    options.find((o) => o.name === name && types.includes(Number(o.type)))?.value;
  return {
    string: (name) => {
      const v = value(name, [OptionType.String]);
      return typeof v === 'string' ? v : undefined;
    },
    user: (name): ResolvedUser | undefined => {
      const id = value(name, [OptionType.User, OptionType.Mentionable]);
      if (typeof id !== 'string') return undefined;
      const u = resolvedUsers[id];
      return { id, bot: isObject(u) && u.bot === true };
    },
  };
}

/** Options at the top level or under a subcommand (group). */
function flatOptions(options: unknown): Json[] {
  if (!Array.isArray(options)) return [];
  return options
    .filter(isObject)
    .flatMap((o) =>
      o.type === OptionType.SubCommand || o.type === OptionType.SubCommandGroup
        ? flatOptions(o.options)
        : [o],
    );
}

function componentMessage(message: Json): ComponentMessage {
  const flags = typeof message.flags === 'number' ? message.flags : 0;
  return {
    id: str(message.id) ?? '',
    ephemeral: (flags & EPHEMERAL) !== 0,
    customIds: buttonIds(message.components),
  };
}

function buttonIds(components: unknown): string[] {
  if (!Array.isArray(components)) return [];
  return components.filter(isObject).flatMap((c) => {
    if (c.type === ComponentType.Button && typeof c.custom_id === 'string') return [c.custom_id];
    return buttonIds(c.components);
  });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

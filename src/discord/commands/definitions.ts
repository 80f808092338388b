/**
 * The application commands' shapes, as plain data (API v10 JSON). Behaviour lives in ../handlers,
 * routing in ../router.ts. Registered to a guild on start (only when changed) and globally by
 * `npm run deploy-commands`.
 */
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import { BotLimits } from '../render/limits.js';

/** Discord enum values, spelled out so this file stays plain data. */
const CommandType = { ChatInput: 1, Message: 3 } as const;
const OptionType = { String: 3, User: 6 } as const;

export const CommandName = {
  Ask: 'ask',
  Lookup: 'lookup',
  Topics: 'topics',
  Help: 'help',
  FindAnswer: 'Find answer',
} as const;

export const askCommand = {
  type: CommandType.ChatInput,
  name: CommandName.Ask,
  description: 'Ask a programming-concept question; I answer with the best-matching section.',
  options: [
    {
      type: OptionType.String,
      name: 'question',
      description: 'Your question, e.g. "what does await do?"',
      required: true,
      min_length: 2,
      max_length: BotLimits.askOption,
    },
    {
      type: OptionType.User,
      name: 'for',
      description: 'Point the answer at someone (they get pinged, nobody else)',
      required: false,
    },
  ],
} as const;

export const lookupCommand = {
  type: CommandType.ChatInput,
  name: CommandName.Lookup,
  description: 'Show a section of the knowledge base: start typing and pick one.',
  options: [
    {
      type: OptionType.String,
      name: 'entry',
      description: 'Topic or section name (pick from the list, or type a question)',
      required: true,
      autocomplete: true,
      min_length: 1,
      max_length: BotLimits.lookupOption,
    },
  ],
} as const;

export const topicsCommand = {
  type: CommandType.ChatInput,
  name: CommandName.Topics,
  description: 'List every topic and section I can answer.',
} as const;

export const helpCommand = {
  type: CommandType.ChatInput,
  name: CommandName.Help,
  description: 'How to ask me questions.',
} as const;

export const findAnswerCommand = {
  type: CommandType.Message,
  name: CommandName.FindAnswer,
} as const;

export const commandDefinitions = [
  askCommand,
  lookupCommand,
  topicsCommand,
  helpCommand,
  findAnswerCommand,
] as const satisfies readonly DeepReadonly<RESTPostAPIApplicationCommandsJSONBody>[];

/** Lets the `as const` data above be checked against discord-api-types' (mutable) command type. */
type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

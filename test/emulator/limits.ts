/**
 * Discord's request validation, reproduced strictly enough to catch what the real API rejects:
 * message limits (content, embeds, components, allowed_mentions), autocomplete choices and command
 * registration. Errors use Discord's shapes so discord.js raises the same DiscordAPIError.
 */

/** An HTTP error answer: thrown by handlers, turned into a response by the REST server. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? status));
  }
}

export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

/** `{ code: 50035, message: 'Invalid Form Body', errors: { a: { 0: { b: { _errors: [...] } } } } }` */
export function invalidFormBody(errors: FieldError[]): ApiError {
  const tree: Record<string, unknown> = {};
  for (const err of errors) {
    let node = tree;
    for (const key of err.path) {
      const k = String(key);
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code: err.code, message: err.message });
  }
  return new ApiError(400, { code: 50035, message: 'Invalid Form Body', errors: tree });
}

export const apiErrors = {
  unauthorized: () => new ApiError(401, { message: '401: Unauthorized', code: 0 }),
  notFound: () => new ApiError(404, { message: '404: Not Found', code: 0 }),
  methodNotAllowed: () => new ApiError(405, { message: '405: Method Not Allowed', code: 0 }),
  unknownChannel: () => new ApiError(404, { message: 'Unknown Channel', code: 10003 }),
  unknownMessage: () => new ApiError(404, { message: 'Unknown Message', code: 10008 }),
  unknownUser: () => new ApiError(404, { message: 'Unknown User', code: 10013 }),
  unknownWebhook: () => new ApiError(404, { message: 'Unknown Webhook', code: 10015 }),
  unknownCommand: () => new ApiError(404, { message: 'Unknown application command', code: 10063 }),
  unknownApplication: () => new ApiError(404, { message: 'Unknown Application', code: 10002 }),
  unknownGuild: () => new ApiError(404, { message: 'Unknown Guild', code: 10004 }),
  unknownInteraction: () => new ApiError(404, { message: 'Unknown interaction', code: 10062 }),
  alreadyAcknowledged: () =>
    new ApiError(400, { message: 'Interaction has already been acknowledged.', code: 40060 }),
  missingAccess: () => new ApiError(403, { message: 'Missing Access', code: 50001 }),
  missingPermissions: () => new ApiError(403, { message: 'Missing Permissions', code: 50013 }),
  cannotEditOthers: () =>
    new ApiError(403, { message: 'Cannot edit a message authored by another user', code: 50005 }),
  emptyMessage: () => new ApiError(400, { message: 'Cannot send an empty message', code: 50006 }),
  cannotDmBot: () => new ApiError(400, { message: 'Cannot send messages to this user', code: 50007 }),
  badRequest: (message: string) => new ApiError(400, { message, code: 50109 }),
};

/** Length as Discord counts it: Unicode code points, not UTF-16 units. */
export function len(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

type Path = (string | number)[];

class Collector {
  readonly errors: FieldError[] = [];
  add(path: Path, code: string, message: string): void {
    this.errors.push({ path, code, message });
  }
  max(path: Path, value: unknown, max: number): void {
    if (typeof value === 'string' && len(value) > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    } else if (Array.isArray(value) && value.length > max) {
      this.add(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }
  between(path: Path, value: unknown, min: number, max: number): void {
    const n = typeof value === 'string' ? len(value) : Array.isArray(value) ? value.length : -1;
    if (n === -1) {
      this.add(path, 'BASE_TYPE_REQUIRED', 'This field is required');
    } else if (n < min || n > max) {
      this.add(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
    }
  }
  string(path: Path, value: unknown): boolean {
    if (value === undefined || value === null) return false;
    if (typeof value !== 'string') {
      this.add(path, 'BASE_TYPE_STRING', 'Could not interpret "' + String(value) + '" as string.');
      return false;
    }
    return true;
  }
  throwIfAny(): void {
    if (this.errors.length > 0) throw invalidFormBody(this.errors);
  }
}

// ---------------------------------------------------------------------------------------------
// Messages

export const MessageLimits = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowComponents: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  selectOptionText: 100,
  placeholder: 150,
  v2Components: 40,
  nonce: 25,
  allowedMentionIds: 100,
} as const;

export const MessageFlags = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  SuppressNotifications: 1 << 12,
  IsComponentsV2: 1 << 15,
} as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface MessageValidationOptions {
  /** Prefix of error paths, e.g. ['data'] for an interaction callback. */
  prefix?: Path;
  /** A create (not an edit): an empty message is refused with 50006. */
  create: boolean;
  /** Number of files uploaded with the request (multipart). */
  files?: number;
}

/** Checks a message create/edit body; throws ApiError (400 50035 or 50006) like Discord. */
export function validateMessageBody(body: Json, opts: MessageValidationOptions): void {
  const c = new Collector();
  const p = opts.prefix ?? [];
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    c.add(p, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    c.throwIfAny();
  }
  const flags = typeof body.flags === 'number' ? body.flags : 0;
  const v2 = (flags & MessageFlags.IsComponentsV2) !== 0;

  if (c.string([...p, 'content'], body.content))
    c.max([...p, 'content'], body.content, MessageLimits.content);
  if (body.nonce !== undefined && body.nonce !== null) {
    c.max([...p, 'nonce'], String(body.nonce), MessageLimits.nonce);
  }

  if (body.embeds !== undefined && body.embeds !== null) {
    if (!Array.isArray(body.embeds)) {
      c.add([...p, 'embeds'], 'BASE_TYPE_LIST', 'Must be an array.');
    } else {
      c.max([...p, 'embeds'], body.embeds, MessageLimits.embeds);
      let total = 0;
      body.embeds.forEach((embed: Json, i: number) => {
        total += validateEmbed(c, [...p, 'embeds', i], embed);
      });
      if (total > MessageLimits.embedTotal) {
        c.add(
          [...p, 'embeds'],
          'MAX_EMBED_SIZE_EXCEEDED',
          `Embed size exceeds maximum size of ${MessageLimits.embedTotal}`,
        );
      }
    }
  }

  if (body.components !== undefined && body.components !== null) {
    if (!Array.isArray(body.components)) {
      c.add([...p, 'components'], 'BASE_TYPE_LIST', 'Must be an array.');
    } else if (v2) {
      validateComponentsV2(c, [...p, 'components'], body.components);
      if (typeof body.content === 'string' && body.content !== '') {
        c.add(
          [...p, 'content'],
          'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
          "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
        );
      }
      if (Array.isArray(body.embeds) && body.embeds.length > 0) {
        c.add(
          [...p, 'embeds'],
          'MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2',
          "The 'embeds' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
        );
      }
    } else {
      validateActionRows(c, [...p, 'components'], body.components);
    }
  }

  const am = body.allowed_mentions;
  if (am !== undefined && am !== null) {
    const ap = [...p, 'allowed_mentions'];
    if (Array.isArray(am.parse)) {
      am.parse.forEach((v: unknown, i: number) => {
        if (v !== 'users' && v !== 'roles' && v !== 'everyone') {
          c.add(
            [...ap, 'parse', i],
            'BASE_TYPE_CHOICES',
            `Value must be one of {'everyone', 'roles', 'users'}.`,
          );
        }
      });
      if (am.parse.includes('users') && Array.isArray(am.users) && am.users.length > 0) {
        c.add(
          ap,
          'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
          'parse:["users"] and users: [ids...] are mutually exclusive.',
        );
      }
      if (am.parse.includes('roles') && Array.isArray(am.roles) && am.roles.length > 0) {
        c.add(
          ap,
          'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
          'parse:["roles"] and roles: [ids...] are mutually exclusive.',
        );
      }
    }
    c.max([...ap, 'users'], am.users, MessageLimits.allowedMentionIds);
    c.max([...ap, 'roles'], am.roles, MessageLimits.allowedMentionIds);
  }

  if (Array.isArray(body.sticker_ids)) c.max([...p, 'sticker_ids'], body.sticker_ids, 3);

  c.throwIfAny();

  if (opts.create && isEmptyMessage(body, opts.files ?? 0)) throw apiErrors.emptyMessage();
}

export function isEmptyMessage(body: Json, files: number): boolean {
  const hasContent = typeof body.content === 'string' && body.content.trim() !== '';
  const hasEmbeds = Array.isArray(body.embeds) && body.embeds.length > 0;
  const hasComponents = Array.isArray(body.components) && body.components.length > 0;
  const hasAttachments = files > 0 || (Array.isArray(body.attachments) && body.attachments.length > 0);
  const hasStickers = Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0;
  const hasPoll = body.poll !== undefined && body.poll !== null;
  return !(hasContent || hasEmbeds || hasComponents || hasAttachments || hasStickers || hasPoll);
}

/** Validates one embed and returns its character count toward the 6000 total. */
function validateEmbed(c: Collector, p: Path, embed: Json): number {
  if (embed === null || typeof embed !== 'object') {
    c.add(p, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return 0;
  }
  let total = 0;
  const count = (v: unknown) => (typeof v === 'string' ? len(v) : 0);
  if (c.string([...p, 'title'], embed.title)) c.max([...p, 'title'], embed.title, MessageLimits.embedTitle);
  if (c.string([...p, 'description'], embed.description)) {
    c.max([...p, 'description'], embed.description, MessageLimits.embedDescription);
  }
  total += count(embed.title) + count(embed.description);
  if (embed.fields !== undefined && embed.fields !== null) {
    if (!Array.isArray(embed.fields)) {
      c.add([...p, 'fields'], 'BASE_TYPE_LIST', 'Must be an array.');
    } else {
      c.max([...p, 'fields'], embed.fields, MessageLimits.embedFields);
      embed.fields.forEach((f: Json, i: number) => {
        const fp = [...p, 'fields', i];
        if (typeof f?.name !== 'string' || f.name === '') {
          c.add([...fp, 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
        } else {
          c.max([...fp, 'name'], f.name, MessageLimits.fieldName);
        }
        if (typeof f?.value !== 'string' || f.value === '') {
          c.add([...fp, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
        } else {
          c.max([...fp, 'value'], f.value, MessageLimits.fieldValue);
        }
        total += count(f?.name) + count(f?.value);
      });
    }
  }
  if (embed.footer) {
    if (typeof embed.footer.text !== 'string' || embed.footer.text === '') {
      c.add([...p, 'footer', 'text'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else {
      c.max([...p, 'footer', 'text'], embed.footer.text, MessageLimits.footerText);
    }
    total += count(embed.footer.text);
  }
  if (embed.author) {
    if (typeof embed.author.name !== 'string' || embed.author.name === '') {
      c.add([...p, 'author', 'name'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else {
      c.max([...p, 'author', 'name'], embed.author.name, MessageLimits.authorName);
    }
    total += count(embed.author.name);
  }
  if (embed.color !== undefined && embed.color !== null) {
    if (typeof embed.color !== 'number' || !Number.isInteger(embed.color) || embed.color < 0) {
      c.add([...p, 'color'], 'NUMBER_TYPE_COERCE', `Value "${String(embed.color)}" is not int.`);
    } else if (embed.color > 0xffffff) {
      c.add([...p, 'color'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 16777215.');
    }
  }
  return total;
}

const ComponentType = {
  ActionRow: 1,
  Button: 2,
  StringSelect: 3,
  TextInput: 4,
  UserSelect: 5,
  RoleSelect: 6,
  MentionableSelect: 7,
  ChannelSelect: 8,
  Section: 9,
  TextDisplay: 10,
  Thumbnail: 11,
  MediaGallery: 12,
  File: 13,
  Separator: 14,
  Container: 17,
} as const;

const SELECT_TYPES = new Set<number>([3, 5, 6, 7, 8]);

function validateActionRows(c: Collector, p: Path, rows: Json[]): void {
  c.max(p, rows, MessageLimits.actionRows);
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const rp = [...p, i];
    if (row?.type !== ComponentType.ActionRow) {
      c.add([...rp, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
      return;
    }
    if (!Array.isArray(row.components)) {
      c.add([...rp, 'components'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    c.between([...rp, 'components'], row.components, 1, MessageLimits.rowComponents);
    let width = 0;
    row.components.forEach((comp: Json, j: number) => {
      const cp = [...rp, 'components', j];
      width += SELECT_TYPES.has(comp?.type) ? 5 : 1;
      validateInteractive(c, cp, comp, seen);
    });
    if (width > 5 && row.components.length <= MessageLimits.rowComponents) {
      c.add(
        [...rp, 'components'],
        'COMPONENT_LAYOUT_WIDTH_EXCEEDED',
        'The specified component exceeds the maximum width',
      );
    }
  });
}

function validateInteractive(c: Collector, p: Path, comp: Json, seen: Set<string>): void {
  if (comp === null || typeof comp !== 'object') {
    c.add(p, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const checkCustomId = () => {
    if (typeof comp.custom_id !== 'string' || comp.custom_id === '') {
      c.add([...p, 'custom_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
      return;
    }
    c.max([...p, 'custom_id'], comp.custom_id, MessageLimits.customId);
    if (seen.has(comp.custom_id)) {
      c.add(
        [...p, 'custom_id'],
        'COMPONENT_CUSTOM_ID_DUPLICATED',
        'Component custom id cannot be duplicated',
      );
    }
    seen.add(comp.custom_id);
  };
  if (comp.type === ComponentType.Button) {
    if (comp.label !== undefined) c.max([...p, 'label'], comp.label, MessageLimits.buttonLabel);
    if (comp.style === 5) {
      if (typeof comp.url !== 'string') c.add([...p, 'url'], 'BASE_TYPE_REQUIRED', 'This field is required');
      if (comp.custom_id !== undefined) {
        c.add(
          [...p, 'custom_id'],
          'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED',
          'A link button cannot have a custom id',
        );
      }
    } else if (comp.style === 6) {
      if (typeof comp.sku_id !== 'string')
        c.add([...p, 'sku_id'], 'BASE_TYPE_REQUIRED', 'This field is required');
    } else if ([1, 2, 3, 4].includes(comp.style)) {
      checkCustomId();
      if ((comp.label === undefined || comp.label === '') && !comp.emoji) {
        c.add([...p], 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A label or emoji is required');
      }
    } else {
      c.add([...p, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4, 5, 6}.');
    }
  } else if (SELECT_TYPES.has(comp.type)) {
    checkCustomId();
    if (comp.placeholder !== undefined)
      c.max([...p, 'placeholder'], comp.placeholder, MessageLimits.placeholder);
    if (comp.type === ComponentType.StringSelect) {
      c.between([...p, 'options'], comp.options, 1, MessageLimits.selectOptions);
      if (Array.isArray(comp.options)) {
        comp.options.forEach((o: Json, k: number) => {
          c.between([...p, 'options', k, 'label'], o?.label, 1, MessageLimits.selectOptionText);
          c.between([...p, 'options', k, 'value'], o?.value, 1, MessageLimits.selectOptionText);
          if (o?.description !== undefined) {
            c.max([...p, 'options', k, 'description'], o.description, MessageLimits.selectOptionText);
          }
        });
      }
    }
    for (const key of ['min_values', 'max_values'] as const) {
      const v = comp[key];
      if (v !== undefined && (typeof v !== 'number' || v < (key === 'min_values' ? 0 : 1) || v > 25)) {
        c.add([...p, key], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 25.');
      }
    }
  } else {
    c.add([...p, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (2, 3, 5, 6, 7, 8).');
  }
}

/** Components v2 (IS_COMPONENTS_V2): layout components may nest; custom_ids unique; ≤ 40 in total. */
function validateComponentsV2(c: Collector, p: Path, comps: Json[]): void {
  const seen = new Set<string>();
  let count = 0;
  const walk = (list: Json[], lp: Path) => {
    list.forEach((comp, i) => {
      const cp = [...lp, i];
      count++;
      if (comp === null || typeof comp !== 'object') {
        c.add(cp, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
        return;
      }
      if (comp.type === ComponentType.ActionRow) {
        if (Array.isArray(comp.components)) {
          c.between([...cp, 'components'], comp.components, 1, MessageLimits.rowComponents);
          comp.components.forEach((child: Json, j: number) => {
            count++;
            validateInteractive(c, [...cp, 'components', j], child, seen);
          });
        }
      } else if (comp.type === ComponentType.TextDisplay) {
        if (typeof comp.content !== 'string' || comp.content === '') {
          c.add([...cp, 'content'], 'BASE_TYPE_REQUIRED', 'This field is required');
        }
      } else if (comp.type === ComponentType.Container || comp.type === ComponentType.Section) {
        if (Array.isArray(comp.components)) walk(comp.components, [...cp, 'components']);
        if (comp.accessory) {
          count++;
          if (comp.accessory.type === ComponentType.Button) {
            validateInteractive(c, [...cp, 'accessory'], comp.accessory, seen);
          }
        }
      }
    });
  };
  walk(comps, p);
  if (count > MessageLimits.v2Components) {
    c.add(p, 'BASE_TYPE_MAX_LENGTH', `Must be ${MessageLimits.v2Components} or fewer in length.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Interaction callbacks

export const InteractionCallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
} as const;

/** Autocomplete result (callback type 8): ≤ 25 choices, names 1-100, string values ≤ 100. */
export function validateAutocompleteChoices(data: Json): void {
  const c = new Collector();
  const p: Path = ['data', 'choices'];
  if (!data || !Array.isArray(data.choices)) {
    c.add(p, 'BASE_TYPE_REQUIRED', 'This field is required');
    c.throwIfAny();
  }
  c.max(p, data.choices, 25);
  data.choices.forEach((choice: Json, i: number) => {
    c.between([...p, i, 'name'], choice?.name, 1, 100);
    const v = choice?.value;
    if (typeof v === 'string') c.max([...p, i, 'value'], v, 100);
    else if (typeof v !== 'number') c.add([...p, i, 'value'], 'BASE_TYPE_REQUIRED', 'This field is required');
  });
  c.throwIfAny();
}

/** Modal (callback type 9): custom_id ≤ 100, title 1-45, 1-5 components. */
export function validateModal(data: Json): void {
  const c = new Collector();
  const p: Path = ['data'];
  c.between([...p, 'custom_id'], data?.custom_id, 1, MessageLimits.customId);
  c.between([...p, 'title'], data?.title, 1, 45);
  c.between([...p, 'components'], data?.components, 1, 5);
  c.throwIfAny();
}

// ---------------------------------------------------------------------------------------------
// Application commands

export const CommandType = { ChatInput: 1, User: 2, Message: 3, PrimaryEntryPoint: 4 } as const;
export const OptionType = {
  SubCommand: 1,
  SubCommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

export const CommandLimits = {
  chatInputPerScope: 100,
  userPerScope: 15,
  messagePerScope: 15,
  totalCharacters: 8000,
} as const;

const NAME_RE = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

function validateChatInputName(c: Collector, p: Path, name: unknown): void {
  if (typeof name !== 'string') {
    c.add(p, 'BASE_TYPE_REQUIRED', 'This field is required');
    return;
  }
  if (len(name) < 1 || len(name) > 32) {
    c.add(p, 'BASE_TYPE_BAD_LENGTH', 'Must be between 1 and 32 in length.');
  } else if (!NAME_RE.test(name) || name !== name.toLowerCase()) {
    c.add(p, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name is invalid');
  }
}

/** Validates one command definition (POST/PATCH body or one element of a PUT array). */
export function validateCommand(cmd: Json, prefix: Path = []): void {
  const c = new Collector();
  collectCommandErrors(c, cmd, prefix);
  c.throwIfAny();
}

/** Validates a bulk overwrite (PUT) array: each command, unique names per type, count limits. */
export function validateCommandList(list: Json): void {
  const c = new Collector();
  if (!Array.isArray(list)) {
    c.add([], 'BASE_TYPE_LIST', 'Must be an array.');
    c.throwIfAny();
  }
  const seen = new Set<string>();
  const counts = new Map<number, number>();
  list.forEach((cmd: Json, i: number) => {
    collectCommandErrors(c, cmd, [i]);
    const type = cmd?.type ?? 1;
    counts.set(type, (counts.get(type) ?? 0) + 1);
    const key = `${type}:${String(cmd?.name)}`;
    if (seen.has(key)) {
      c.add([i, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique`);
    }
    seen.add(key);
  });
  const limits: [number, number][] = [
    [CommandType.ChatInput, CommandLimits.chatInputPerScope],
    [CommandType.User, CommandLimits.userPerScope],
    [CommandType.Message, CommandLimits.messagePerScope],
  ];
  for (const [type, max] of limits) {
    if ((counts.get(type) ?? 0) > max) {
      c.add([], 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
    }
  }
  c.throwIfAny();
}

function collectCommandErrors(c: Collector, cmd: Json, p: Path): void {
  if (cmd === null || typeof cmd !== 'object' || Array.isArray(cmd)) {
    c.add(p, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
    return;
  }
  const type = cmd.type ?? CommandType.ChatInput;
  if (![1, 2, 3, 4].includes(type)) {
    c.add([...p, 'type'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2, 3, 4}.');
    return;
  }
  if (type === CommandType.ChatInput || type === CommandType.PrimaryEntryPoint) {
    validateChatInputName(c, [...p, 'name'], cmd.name);
    c.between([...p, 'description'], cmd.description, 1, 100);
  } else {
    c.between([...p, 'name'], cmd.name, 1, 32);
    if (typeof cmd.description === 'string' && cmd.description !== '') {
      c.add(
        [...p, 'description'],
        'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION_INVALID',
        'Context menu commands cannot have description',
      );
    }
    if (Array.isArray(cmd.options) && cmd.options.length > 0) {
      c.add(
        [...p, 'options'],
        'APPLICATION_COMMAND_OPTIONS_INVALID',
        'Context menu commands cannot have options',
      );
    }
  }
  if (type === CommandType.ChatInput && cmd.options !== undefined && cmd.options !== null) {
    validateOptions(c, [...p, 'options'], cmd.options, 0);
  }
  if (Array.isArray(cmd.contexts)) {
    cmd.contexts.forEach((v: unknown, i: number) => {
      if (v !== 0 && v !== 1 && v !== 2)
        c.add([...p, 'contexts', i], 'BASE_TYPE_CHOICES', 'Value must be one of {0, 1, 2}.');
    });
  }
  if (commandCharacters(cmd) > CommandLimits.totalCharacters) {
    c.add(
      p,
      'APPLICATION_COMMAND_TOO_LARGE',
      `Command exceeds maximum size (${CommandLimits.totalCharacters})`,
    );
  }
}

function validateOptions(c: Collector, p: Path, options: Json, depth: number): void {
  if (!Array.isArray(options)) {
    c.add(p, 'BASE_TYPE_LIST', 'Must be an array.');
    return;
  }
  c.max(p, options, 25);
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((opt: Json, i: number) => {
    const op = [...p, i];
    if (opt === null || typeof opt !== 'object') {
      c.add(op, 'DICT_TYPE_CONVERT', 'Only dictionaries may be used in a DictType');
      return;
    }
    if (typeof opt.type !== 'number' || opt.type < 1 || opt.type > 11) {
      c.add(
        [...op, 'type'],
        'BASE_TYPE_CHOICES',
        'Value must be one of {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}.',
      );
      return;
    }
    validateChatInputName(c, [...op, 'name'], opt.name);
    c.between([...op, 'description'], opt.description, 1, 100);
    if (typeof opt.name === 'string') {
      if (names.has(opt.name)) {
        c.add(
          [...op, 'name'],
          'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS',
          'Option names must be unique',
        );
      }
      names.add(opt.name);
    }
    const isSub = opt.type === OptionType.SubCommand || opt.type === OptionType.SubCommandGroup;
    if (isSub) {
      if (opt.type === OptionType.SubCommandGroup && depth > 0) {
        c.add(
          [...op, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-command groups cannot be nested',
        );
      }
      if (opt.type === OptionType.SubCommand && depth > 1) {
        c.add(
          [...op, 'type'],
          'APPLICATION_COMMAND_OPTION_TYPE_INVALID',
          'Sub-commands cannot be nested this deep',
        );
      }
      if (opt.options !== undefined && opt.options !== null) {
        validateOptions(c, [...op, 'options'], opt.options, depth + 1);
      }
      return;
    }
    if (opt.required === true) {
      if (sawOptional) {
        c.add(
          [...op, 'required'],
          'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          'Required options must be placed before non-required options',
        );
      }
    } else {
      sawOptional = true;
    }
    if (opt.choices !== undefined && opt.choices !== null) {
      if (!Array.isArray(opt.choices)) {
        c.add([...op, 'choices'], 'BASE_TYPE_LIST', 'Must be an array.');
      } else {
        c.max([...op, 'choices'], opt.choices, 25);
        opt.choices.forEach((ch: Json, k: number) => {
          c.between([...op, 'choices', k, 'name'], ch?.name, 1, 100);
          if (typeof ch?.value === 'string') c.between([...op, 'choices', k, 'value'], ch.value, 1, 100);
        });
        if (opt.autocomplete === true && opt.choices.length > 0) {
          c.add(
            [...op, 'autocomplete'],
            'APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_WITH_CHOICES',
            'Autocomplete cannot be enabled with choices',
          );
        }
      }
    }
    if (opt.min_length !== undefined && (opt.min_length < 0 || opt.min_length > 6000)) {
      c.add([...op, 'min_length'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 6000.');
    }
    if (opt.max_length !== undefined && (opt.max_length < 1 || opt.max_length > 6000)) {
      c.add([...op, 'max_length'], 'NUMBER_TYPE_MAX', 'int value should be less than or equal to 6000.');
    }
  });
}

function commandCharacters(cmd: Json): number {
  const s = (v: unknown) => (typeof v === 'string' ? len(v) : typeof v === 'number' ? String(v).length : 0);
  const walk = (opts: Json): number =>
    Array.isArray(opts)
      ? opts.reduce(
          (n: number, o: Json) =>
            n +
            s(o?.name) +
            s(o?.description) +
            (Array.isArray(o?.choices)
              ? o.choices.reduce((m: number, ch: Json) => m + s(ch?.name) + s(ch?.value), 0)
              : 0) +
            walk(o?.options),
          0,
        )
      : 0;
  return s(cmd.name) + s(cmd.description) + walk(cmd.options);
}

/**
 * Button custom ids: `cb:<action>:<key>:<arg>`, at most 100 characters.
 *
 * - `key` ties a button to the answer it sits under (the bot remembers that answer's question for
 *   feedback); `-` when there is none.
 * - `arg` is an entry reference for `show`/`pick`/`good`/`bad` (see `entryRef`) and the asker's user
 *   id for `dismiss`.
 */
import { DiscordLimits } from './limits.js';

export const CUSTOM_ID_PREFIX = 'cb';

export const ButtonAction = {
  /** Show a related section (ephemeral, to whoever pressed). */
  Show: 'show',
  /** Pick a "did you mean" offer. */
  Pick: 'pick',
  Helpful: 'good',
  NotHelpful: 'bad',
  /** Delete the answer; only the asker may. */
  Dismiss: 'dismiss',
} as const;
export type ButtonAction = (typeof ButtonAction)[keyof typeof ButtonAction];

const ACTIONS = new Set<string>(Object.values(ButtonAction));

export interface ParsedCustomId {
  action: ButtonAction;
  key: string;
  arg: string;
}

export function buildCustomId(action: ButtonAction, key: string, arg: string): string {
  const id = `${CUSTOM_ID_PREFIX}:${action}:${key}:${arg}`;
  if (id.length > DiscordLimits.customId)
    throw new RangeError(`custom_id longer than ${DiscordLimits.customId}: ${id}`);
  return id;
}

export function parseCustomId(customId: string): ParsedCustomId | null {
  const m = /^cb:([a-z]+):([^:]*):(.*)$/s.exec(customId);
  if (!m || !ACTIONS.has(m[1] as string)) return null;
  return { action: m[1] as ButtonAction, key: m[2] as string, arg: m[3] as string };
}

/** Longest entry value kept verbatim in a custom id (the longest prefix is `cb:dismiss:<key>:`). */
export const MAX_VERBATIM_REF = 64;

/**
 * A reference to a lookup value (`topicId/sectionId`) that fits in a custom id or an autocomplete
 * value: the value itself when short enough, else `#` + a stable 64-bit hash of it.
 */
export function entryRef(value: string, max = MAX_VERBATIM_REF): string {
  return value.length <= max && !value.startsWith('#') ? value : `#${hashValue(value)}`;
}

export function isHashedRef(ref: string): boolean {
  return /^#[0-9a-z]+$/.test(ref);
}

/** Two 32-bit FNV-1a hashes (different offsets) in base 36: stable across runs and processes. */
export function hashValue(value: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x01000193) >>> 0;
    b = (b ^ (b >>> 15)) >>> 0;
  }
  return a.toString(36).padStart(7, '0') + b.toString(36).padStart(7, '0');
}

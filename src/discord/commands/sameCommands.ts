/**
 * Whether the commands Discord has already match the ones we want, so a start-up registration pushes
 * only what changed. Discord echoes defaults we never sent (ids, versions, `required: false`, `nsfw`…):
 * both sides are reduced to the fields we define, with Discord's defaults filled in.
 */
type Json = Record<string, unknown>;

const OPTION_DEFAULTS: Json = { required: false, autocomplete: false };
const COMMAND_DEFAULTS: Json = { type: 1, description: '', nsfw: false, default_member_permissions: null };

const COMMAND_KEYS = [
  'name',
  'type',
  'description',
  'options',
  'default_member_permissions',
  'nsfw',
  'contexts',
  'integration_types',
];
const OPTION_KEYS = [
  'type',
  'name',
  'description',
  'required',
  'autocomplete',
  'min_length',
  'max_length',
  'min_value',
  'max_value',
  'choices',
  'options',
  'channel_types',
];

function normalize(value: unknown, keys: string[], defaults: Json, wanted?: Json): Json {
  const source = (value ?? {}) as Json;
  const out: Json = {};
  for (const key of keys) {
    // Fields we never define and Discord may add (contexts, integration_types…) are only compared when wanted.
    if (wanted && !(key in wanted) && !(key in defaults) && key !== 'options') continue;
    let v = source[key] ?? defaults[key];
    if (key === 'description' && v === undefined) v = '';
    if (key === 'options') {
      const list = Array.isArray(v) ? v : [];
      const wantedList = wanted && Array.isArray(wanted.options) ? (wanted.options as Json[]) : [];
      v = list.map((o, i) => normalize(o, OPTION_KEYS, OPTION_DEFAULTS, wantedList[i] ?? (o as Json)));
    }
    if (v !== undefined) out[key] = v;
  }
  // Message/user context commands have an empty description.
  if (out.type !== 1) out.description = '';
  return out;
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Json).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** True when `existing` (as returned by Discord's GET) already equals `desired`. */
export function sameCommands(desired: readonly unknown[], existing: readonly unknown[]): boolean {
  if (desired.length !== existing.length) return false;
  const key = (c: Json) => `${c.type ?? 1}:${String(c.name)}`;
  const current = new Map((existing as Json[]).map((c) => [key(c), c]));
  return (desired as Json[]).every((want) => {
    const have = current.get(key(want));
    if (!have) return false;
    return (
      stable(normalize(want, COMMAND_KEYS, COMMAND_DEFAULTS, want)) ===
      stable(normalize(have, COMMAND_KEYS, COMMAND_DEFAULTS, want))
    );
  });
}

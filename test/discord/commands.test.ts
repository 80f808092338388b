import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/discord/commands/definitions.js';
import { sameCommands } from '../../src/discord/commands/sameCommands.js';
import { BOT_PERMISSIONS, inviteUrl } from '../../src/discord/inviteUrl.js';

/** What Discord answers to GET after a PUT of `defs` (extra fields, defaults filled in). */
function asDiscordReturns(defs: readonly unknown[]): unknown[] {
  return (defs as Record<string, unknown>[]).map((d, i) => ({
    id: String(1000 + i),
    application_id: '1',
    version: '2',
    default_member_permissions: null,
    type: d.type ?? 1,
    name: d.name,
    name_localizations: null,
    description: d.description ?? '',
    description_localizations: null,
    guild_id: '3',
    nsfw: false,
    ...(Array.isArray(d.options)
      ? { options: (d.options as Record<string, unknown>[]).map((o) => ({ ...o, name_localizations: null })) }
      : {}),
  }));
}

describe('command definitions', () => {
  it('respect Discord limits', () => {
    for (const c of commandDefinitions) {
      if (c.type === 1) {
        expect(c.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(c.description.length).toBeLessThanOrEqual(100);
        for (const o of 'options' in c ? c.options : []) {
          expect(o.description.length).toBeGreaterThan(0);
          expect(o.description.length).toBeLessThanOrEqual(100);
        }
      } else {
        expect(c.name.length).toBeLessThanOrEqual(32);
      }
    }
  });

  it('match what Discord returns for them, and differ after a change', () => {
    const existing = asDiscordReturns(commandDefinitions);
    expect(sameCommands(commandDefinitions, existing)).toBe(true);
    expect(sameCommands(commandDefinitions, existing.slice(1))).toBe(false);
    const changed = structuredClone(existing) as { description: string }[];
    changed[0]!.description = 'old text';
    expect(sameCommands(commandDefinitions, changed)).toBe(false);
    const optionChanged = structuredClone(existing) as { options?: { max_length?: number }[] }[];
    optionChanged[0]!.options![0]!.max_length = 10;
    expect(sameCommands(commandDefinitions, optionChanged)).toBe(false);
    expect(sameCommands(commandDefinitions, [])).toBe(false);
  });
});

describe('inviteUrl', () => {
  it('asks for bot + applications.commands and the five permissions', () => {
    expect(BOT_PERMISSIONS).toBe(1024n + 2048n + 16384n + 65536n + 64n);
    const url = new URL(inviteUrl('123456789012345678'));
    expect(url.searchParams.get('client_id')).toBe('123456789012345678');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('permissions')).toBe('85056');
  });
});

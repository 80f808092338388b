/** SHARD_COUNT, SHARD_IDS, DISCORD_PUBLIC_KEY, INTERACTIONS_PORT and INTERACTIONS_HOST. */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/env.js';

const KEY = 'a'.repeat(64);

function issues(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues.map((i) => `${i.variable}: ${i.message}`);
    throw e;
  }
  return [];
}

describe('scale-out configuration', () => {
  it('leaves sharding and HTTP mode off by default', () => {
    expect(parseConfig({})).toMatchObject({ shards: undefined, interactions: undefined });
  });

  it('reads SHARD_COUNT as auto or a number, and SHARD_IDS as ids and ranges', () => {
    expect(parseConfig({ SHARD_COUNT: 'AUTO' }).shards).toEqual({ count: 'auto', ids: undefined });
    expect(parseConfig({ SHARD_COUNT: '8', SHARD_IDS: ' 4-7 ' }).shards).toEqual({
      count: 8,
      ids: [4, 5, 6, 7],
    });
    expect(parseConfig({ SHARD_COUNT: '8', SHARD_IDS: '6,0-1, 1 ,3' }).shards?.ids).toEqual([0, 1, 3, 6]);
  });

  it('names each bad shard setting', () => {
    expect(issues({ SHARD_COUNT: '0' })[0]).toMatch(/^SHARD_COUNT: must be "auto" or a whole number/);
    expect(issues({ SHARD_COUNT: 'two' })[0]).toMatch(/^SHARD_COUNT:/);
    expect(issues({ SHARD_COUNT: '4', SHARD_IDS: '3-1' })[0]).toMatch(
      /^SHARD_IDS: must be shard ids or ranges/,
    );
    expect(issues({ SHARD_COUNT: '4', SHARD_IDS: 'a' })[0]).toMatch(/^SHARD_IDS:/);
    expect(issues({ SHARD_COUNT: '4', SHARD_IDS: '2-5' })).toEqual([
      'SHARD_IDS: shard ids run from 0 to SHARD_COUNT - 1 (3); out of range: 4, 5',
    ]);
    expect(issues({ SHARD_IDS: '0-1' })[0]).toMatch(/^SHARD_COUNT: must be a fixed number .* got nothing/);
    expect(issues({ SHARD_COUNT: 'auto', SHARD_IDS: '0' })[0]).toMatch(/got "auto"/);
  });

  it('turns on HTTP mode with a public key and a port, and wants both', () => {
    expect(
      parseConfig({ DISCORD_PUBLIC_KEY: KEY.toUpperCase(), INTERACTIONS_PORT: '8080' }).interactions,
    ).toEqual({
      publicKey: KEY,
      port: 8080,
      host: '0.0.0.0',
    });
    expect(
      parseConfig({ DISCORD_PUBLIC_KEY: KEY, INTERACTIONS_PORT: '8080', INTERACTIONS_HOST: '127.0.0.1' })
        .interactions?.host,
    ).toBe('127.0.0.1');
    expect(issues({ DISCORD_PUBLIC_KEY: KEY })).toEqual([
      'INTERACTIONS_PORT: is needed with DISCORD_PUBLIC_KEY: the port to serve the Interactions Endpoint on',
    ]);
    expect(issues({ INTERACTIONS_PORT: '8080' })[0]).toMatch(
      /^DISCORD_PUBLIC_KEY: is needed with INTERACTIONS_PORT/,
    );
    expect(issues({ DISCORD_PUBLIC_KEY: 'xyz', INTERACTIONS_PORT: '8080' })[0]).toMatch(
      /^DISCORD_PUBLIC_KEY: must be the application's public key: 64 hex digits/,
    );
    expect(issues({ DISCORD_PUBLIC_KEY: KEY, INTERACTIONS_PORT: '70000' })[0]).toMatch(
      /^INTERACTIONS_PORT: must be a TCP port from 1 to 65535, got "70000"/,
    );
  });
});

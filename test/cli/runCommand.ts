/** Runs the real `concept-bot` command (bin/concept-bot.js) the way a user's shell does. */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(REPO, 'bin/concept-bot.js');

/**
 * The environment of a user with no .env: no Discord token, no colour forced either way, and not a CI
 * job (Node reports a terminal under `CI` as colourless, which is right for the product but would make
 * the terminal tests depend on where they run).
 */
export function userEnv(env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_DISABLE_COLORS', 'COLUMNS', 'LOG_FORMAT', 'CI'])
    delete base[name];
  return { ...base, DISCORD_TOKEN: '', ...env };
}

export interface RunOptions {
  input?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function conceptBot(args: string[], options: RunOptions = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    cwd: options.cwd ?? REPO,
    encoding: 'utf8',
    env: userEnv(options.env),
    timeout: 30_000,
  });
}

/** A shell pipeline (bash, so PIPESTATUS tells each command's exit status), run in the repository. */
export function pipeline(script: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-c', script], {
    cwd: REPO,
    encoding: 'utf8',
    env: userEnv(env),
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
}

/** Text with terminal colour codes removed. */
export function plain(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** SGR (colour and emphasis) sequences in text; cursor movement does not count. */
export function colourCodes(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return text.match(/\u001b\[[0-9;]*m/g) ?? [];
}

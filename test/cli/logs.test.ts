import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordEmulator } from '../emulator/DiscordEmulator.js';
import { Pty, screenText } from '../terminal/Pty.js';
import { BIN, REPO, userEnv } from './runCommand.js';

let emu: DiscordEmulator;
beforeAll(async () => {
  emu = await DiscordEmulator.start();
});
afterAll(async () => {
  await emu?.stop();
});

const botEnv = (env: NodeJS.ProcessEnv = {}) => ({
  DISCORD_TOKEN: emu.token,
  DISCORD_CLIENT_ID: emu.applicationId,
  DISCORD_API_URL: emu.apiUrl,
  ...env,
});

/** `concept-bot start` with a token, its stdout a pipe: the log until the bot is ready, then SIGTERM. */
async function botLogOnPipe(env: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = spawn(process.execPath, [BIN, 'start'], { cwd: REPO, env: userEnv(botEnv(env)) });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 30_000;
  while (!/bot ready/.test(out) && Date.now() < deadline && child.exitCode === null) {
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGTERM');
  await exited;
  return out;
}

describe("the bot's log", () => {
  it('is JSON lines on a pipe, with the intents by name', async () => {
    const log = await botLogOnPipe();
    const lines = log
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const ready = lines.find((l) => l.event === 'ready');
    expect(ready?.intents).toEqual(['Guilds', 'GuildMessages', 'DirectMessages']);
    expect(log).not.toContain(emu.token);
  });

  it('is one readable line an event with LOG_FORMAT=pretty, and on a terminal', async () => {
    const piped = await botLogOnPipe({ LOG_FORMAT: 'pretty' });
    const pty = new Pty([process.execPath, BIN, 'start'], { env: botEnv({ NO_COLOR: '1' }) });
    try {
      await pty.waitFor('bot ready');
      pty.type('\u0003'); // Ctrl-C: the terminal sends SIGINT, the bot stops cleanly
      await pty.exited;
    } finally {
      pty.kill();
    }
    for (const log of [piped, screenText(pty.output)]) {
      expect(log).toMatch(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(concept-bot\): bot ready \{.*"intents":\["Guilds","GuildMessages","DirectMessages"\]/m,
      );
      expect(log).not.toMatch(/^\{"level"/m);
      expect(log).not.toContain(emu.token);
    }
  });

  it('LOG_FORMAT=json keeps JSON on a terminal; a bad LOG_FORMAT is a configuration error', async () => {
    const pty = new Pty([process.execPath, BIN, 'start'], { env: botEnv({ LOG_FORMAT: 'json' }) });
    try {
      await pty.waitFor('"msg":"bot ready"');
      pty.type('\u0003');
      await pty.exited;
    } finally {
      pty.kill();
    }
    expect(screenText(pty.output)).toMatch(/^\{"level":30,.*"intents":\["Guilds",.*"msg":"bot ready"\}$/m);
    const bad = new Pty([process.execPath, BIN, 'start'], { env: botEnv({ LOG_FORMAT: 'colourful' }) });
    expect(await bad.exited).toBe(2);
    expect(screenText(bad.output)).toContain('LOG_FORMAT: must be one of pretty, json');
  });
});

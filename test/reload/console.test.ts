import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const TOPIC = 'csharp-async-await.md';
let dir: string | undefined;

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the local console (npm start without DISCORD_TOKEN)', () => {
  it('answers from an edit made while it runs', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'concept-bot-console-'));
    await cp('knowledge', dir, { recursive: true });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, DISCORD_TOKEN: '', KNOWLEDGE_DIR: dir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + 20_000;
      while (!condition()) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${what}; stderr: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      // Reading a pipe, the console prints no prompt: each answer ends with its own output.
      child.stdin.write('does await block the thread?\n');
      await until(
        () => stdout.includes('await keyword') || stdout.includes('Thread behavior'),
        'no first answer',
      );
      expect(stdout).not.toContain('Quokka sandwich protocol');

      const original = await readFile(path.join(dir, TOPIC), 'utf8');
      await writeFile(
        path.join(dir, TOPIC),
        `${original}\n- **Quokka sandwich protocol**: Feed every quokka a zucchini sandwich at noon.\n`,
      );
      await until(() => stderr.includes('knowledge reloaded'), 'no reload');
      child.stdin.write('what is the quokka sandwich protocol?\n');
      await until(() => stdout.includes('Quokka sandwich protocol'), 'the edit was not answered from');
      child.stdin.end();
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(code).toBe(0);
    } finally {
      child.kill();
    }
  });
});

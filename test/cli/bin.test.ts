import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, userEnv } from './runCommand.js';

const QUESTION = 'does await block the thread?';

function run(command: string, args: string[], cwd: string) {
  return spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnv(), timeout: 180_000 });
}

describe('the concept-bot command', () => {
  it('npx concept-bot in the repository: stdout is exactly the JSON', () => {
    const result = run('npx', ['--offline', 'concept-bot', 'ask', '--json', QUESTION], REPO);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ question: QUESTION, kind: 'answer' });
  });

  it('npm run --silent ask -- --json: the same clean stdout', () => {
    const result = run('npm', ['run', '--silent', 'ask', '--', '--json', QUESTION], REPO);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ question: QUESTION, kind: 'answer' });
  });

  describe('installed as a package', () => {
    const temp = mkdtempSync(path.join(tmpdir(), 'concept-bot-installed-'));
    afterAll(() => rmSync(temp, { recursive: true, force: true }));

    it('npm pack, npm install, npx concept-bot: answers from the shipped knowledge anywhere', () => {
      const packed = run('npm', ['pack', '--silent', '--pack-destination', temp], REPO);
      expect(packed.status, packed.stderr).toBe(0);
      const tarball = readdirSync(temp).find((f) => f.endsWith('.tgz'))!;
      const project = path.join(temp, 'project');
      rmSync(project, { recursive: true, force: true });
      mkdirSync(project, { recursive: true });
      writeFileSync(
        path.join(project, 'package.json'),
        '{"name":"uses-concept-bot","version":"1.0.0","private":true}\n',
      );
      const installed = run(
        'npm',
        ['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(temp, tarball)],
        project,
      );
      expect(installed.status, installed.stderr).toBe(0);

      const asked = run('npx', ['--offline', 'concept-bot', 'ask', '--json', QUESTION], project);
      expect(asked.status, asked.stderr).toBe(0);
      expect(JSON.parse(asked.stdout)).toMatchObject({
        kind: 'answer',
        match: { topic: 'csharp-async-await' },
      });
      const help = run('npx', ['--offline', 'concept-bot', '--help'], project);
      expect(help.stdout).toContain('Commands:');
      // The package holds what runs, not the tests.
      const listing = run('tar', ['-tzf', path.join(temp, tarball)], temp).stdout;
      expect(listing).toContain('package/bin/concept-bot.js');
      expect(listing).toContain('package/knowledge/csharp-async-await.md');
      expect(listing).not.toContain('package/test/');
    }, 240_000);
  });
});

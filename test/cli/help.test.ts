import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { conceptBot, pipeline, REPO } from './runCommand.js';

/** `--help` of a command, through `concept-bot` or, for a project-only script, through tsx. */
function help(name: string, flag = '--help', env: NodeJS.ProcessEnv = {}) {
  const info = COMMANDS.find((c) => c.name === name)!;
  if ('devOnly' in info && info.devOnly) return pipeline(`node --import tsx ${info.script} ${flag}`, env);
  return conceptBot([name, flag], { env });
}

/** The synopsis lines of a help text: after `usage: ` and their continuation. */
function synopsis(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.startsWith('usage: '));
  const out: string[] = [];
  for (let i = start; i < lines.length && /^(usage: | {7})\S/.test(lines[i]!); i++)
    out.push(lines[i]!.slice(7));
  return out;
}

describe('-h and --help', () => {
  it.each(COMMANDS.map((c) => c.name))('%s --help prints usage on stdout and exits 0', (name) => {
    const run = help(name);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const info = COMMANDS.find((c) => c.name === name)!;
    expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^(concept-bot ${name}|npm run ${name}) - `));
    expect(run.stdout).toContain(info.summary);
    expect(synopsis(run.stdout).length).toBeGreaterThan(0);
    expect(run.stdout).toContain('-h, --help');
    expect(help(name, '-h').stdout).toBe(run.stdout);
  });

  it('does no work: no check, no token needed, no file opened, no server, no bot', () => {
    const broken = { KNOWLEDGE_DIR: 'test/fixtures/broken-knowledge' };
    expect(conceptBot(['check', '--help'], { env: broken }).status).toBe(0);
    expect(conceptBot(['deploy-commands', '--help']).status).toBe(0);
    expect(conceptBot(['eval', '--help']).stdout).not.toContain('ENOENT');
    expect(conceptBot(['calibrate', '--help']).status).toBe(0);
    expect(conceptBot(['preview', '--help']).status).toBe(0); // returns: no server was started
    // With a token set, --help still neither connects nor logs.
    const start = conceptBot(['start', '--help'], {
      env: { DISCORD_TOKEN: 'a.b.c', DISCORD_API_URL: 'http://127.0.0.1:9' },
    });
    expect(start.status).toBe(0);
    expect(start.stdout).not.toContain('"level"');
    expect(conceptBot(['ask', '--help']).stdout).toContain('--jsonl');
  });

  it('concept-bot --help lists every command; --version prints the version', () => {
    const run = conceptBot(['--help']);
    expect(run.status).toBe(0);
    for (const command of COMMANDS.filter((c) => !('devOnly' in c && c.devOnly))) {
      expect(run.stdout).toMatch(new RegExp(`\\n {2}${command.name} +${command.summary}\\n`));
    }
    const manifest = JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
    expect(conceptBot(['--version']).stdout).toBe(`${manifest.version}\n`);
  });
});

describe('usage errors exit 2 with the problem and the synopsis on stderr', () => {
  it.each([
    [['ask', '--bogus', 'question'], "unknown option '--bogus'"],
    [['ask'], 'no question given'],
    [['ask', '--json', '--jsonl'], '--json and --jsonl do not go together'],
    [['ask', '--jsonl', 'question'], '--jsonl reads its questions from stdin'],
    [['check', 'extra'], "unexpected argument 'extra'"],
    [['eval', 'a', 'b', 'c'], "unexpected argument 'c'"],
    [['preview', '--port', 'eighty'], 'invalid port "eighty"'],
    [['report', '--data'], 'argument missing'],
    [['import'], 'no input files'],
    [['deploy-commands', '--global'], "unknown option '--global'"],
    [['start', '--bogus'], "unknown option '--bogus'"],
  ])('%j', (args, message) => {
    const run = conceptBot(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`concept-bot ${args[0]}: `);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toMatch(new RegExp(`\\nusage: concept-bot ${args[0]}`));
    expect(run.stderr).toContain(`Run 'concept-bot ${args[0]} --help' for more.`);
  });

  it('an unknown or missing command exits 2 with the command list', () => {
    for (const args of [['nope'], []]) {
      const run = conceptBot(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^concept-bot: (unknown command 'nope'|no command given)/);
      expect(run.stderr).toContain('Commands:');
    }
  });

  it('invalid configuration exits 2 naming each variable; a failure exits 1', () => {
    const config = conceptBot(['deploy-commands']);
    expect(config.status).toBe(2);
    expect(config.stderr).toContain('DISCORD_TOKEN');
    const broken = conceptBot(['check'], { env: { KNOWLEDGE_DIR: 'test/fixtures/broken-knowledge' } });
    expect(broken.status).toBe(1);
  });
});

describe("the README's command table", () => {
  it('matches what --help prints: every command, its synopsis and its summary', () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Command line'),
      readme.indexOf('\n## ', readme.indexOf('## Command line') + 3),
    );
    const rows = section
      .split('\n')
      .filter((l) => /^\| `(concept-bot|npm run)/.test(l))
      .map((l) => {
        const [forms, summary] = l
          .slice(1, -1)
          .split(' | ')
          .map((cell) => cell.trim());
        return {
          forms: forms!.split('<br>').map((f) => f.trim().replace(/^`|`$/g, '').replace(/\\\|/g, '|')),
          summary,
        };
      });
    expect(rows.map((r) => r.summary)).toEqual(COMMANDS.map((c) => c.summary));
    COMMANDS.forEach((command, i) => {
      expect(rows[i]!.forms, command.name).toEqual(synopsis(help(command.name).stdout));
    });
  });
});

import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanTopic, lineOf, makeKnowledgeDir, otherCleanTopic } from './knowledgeDir.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function runCheck(files: Record<string, string>) {
  const dir = await makeKnowledgeDir(files);
  dirs.push(dir);
  const run = spawnSync('npx', ['tsx', 'src/cli/check.ts'], {
    env: { ...process.env, KNOWLEDGE_DIR: dir },
    encoding: 'utf8',
  });
  return { dir, status: run.status, stdout: run.stdout };
}

describe('npm run check', () => {
  it('exits 0 on clean knowledge and prints the summary', async () => {
    const { status, stdout } = await runCheck({ 'widgets.md': cleanTopic, 'gadgets.md': otherCleanTopic });
    expect(stdout).toContain('2 topics, 4 sections, 2 code examples');
    expect(stdout).toMatch(/widgets \(Widgets\): 2 sections, 2 code examples/);
    expect(status).toBe(0);
  });

  it('exits non-zero on broken knowledge, printing file:line of each problem', async () => {
    const broken = cleanTopic.replace('WriteLine(turns);', 'WriteLine(turns)');
    const badYaml = `---\ntitle: [unclosed\n---\n${otherCleanTopic}`;
    const { dir, status, stdout } = await runCheck({ 'widgets.md': broken, 'gadgets.md': badYaml });
    expect(status).toBe(1);
    expect(stdout).toContain(`${dir}/widgets.md:${lineOf(broken, 'WriteLine(turns)')}: C# syntax error`);
    expect(stdout).toContain('    | Console.WriteLine(turns)');
    expect(stdout).toMatch(new RegExp(`${dir}/gadgets\\.md:\\d+: invalid YAML front matter`));
  });
});

/**
 * Every command of the project, as `concept-bot <name>` runs it and `concept-bot --help` lists it. Each
 * script's own `--help` starts with the same summary, and the README's command table repeats both
 * (a test holds the three together).
 */
export interface CommandInfo {
  /** `concept-bot <name>`. */
  name: string;
  /** The npm script that runs the same file (`npm run <npmScript> -- ARGS`). */
  npmScript: string;
  /** The script, relative to the package root. */
  script: string;
  /** One line: what it does. */
  summary: string;
  /** Only for working on the project: an npm script, not a `concept-bot` command. */
  devOnly?: boolean;
}

export const COMMANDS = [
  {
    name: 'start',
    npmScript: 'start',
    script: 'src/main.ts',
    summary:
      'the Discord bot with DISCORD_TOKEN, the HTTP interactions endpoint with DISCORD_PUBLIC_KEY, else a local console',
  },
  {
    name: 'ask',
    npmScript: 'ask',
    script: 'src/cli/ask.ts',
    summary: 'answer questions: as a person reads it, or as JSON',
  },
  {
    name: 'check',
    npmScript: 'check',
    script: 'src/cli/check.ts',
    summary: 'validate the knowledge: structure, code syntax, sample questions route to their section',
  },
  {
    name: 'import',
    npmScript: 'import',
    script: 'src/cli/import.ts',
    summary: 'turn raw LLM captures into clean topic files',
  },
  {
    name: 'preview',
    npmScript: 'preview',
    script: 'src/cli/preview.ts',
    summary: 'a local page showing every section as its Discord answer, with a search box',
  },
  {
    name: 'report',
    npmScript: 'report',
    script: 'src/cli/report.ts',
    summary: 'what to write next: unanswered questions, unhelpful sections, picked offers',
  },
  {
    name: 'enrich',
    npmScript: 'enrich',
    script: 'src/cli/enrich.ts',
    summary: 'optional: sample questions and keywords for a topic from your own model, via LLM_BASE_URL',
  },
  {
    name: 'eval',
    npmScript: 'eval',
    script: 'src/cli/eval.ts',
    summary: 'held-out accuracy, leave one topic out, per topic, with misses and ablation; learning from use',
  },
  {
    name: 'calibrate',
    npmScript: 'calibrate',
    script: 'src/cli/calibrate.ts',
    summary: 'fit the model and the answer threshold on every blind question',
  },
  {
    name: 'deploy-commands',
    npmScript: 'deploy-commands',
    script: 'src/cli/deployCommands.ts',
    summary: 'register the slash commands globally, or in DISCORD_GUILD_ID',
  },
  {
    name: 'bench',
    npmScript: 'bench',
    script: 'bench/run.ts',
    summary: 'index build, per-question latency, memory, start-up and Discord end-to-end latency',
    devOnly: true,
  },
] as const satisfies readonly CommandInfo[];

export type CommandName = (typeof COMMANDS)[number]['name'];

export function commandInfo(name: CommandName): CommandInfo {
  return COMMANDS.find((c) => c.name === name)!;
}

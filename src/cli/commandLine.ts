/**
 * The one argument parser of every script (Node's `util.parseArgs`, strict): flags declared once with
 * their help, `-h`/`--help` answered before any work, and usage errors reported the same way everywhere
 * (stderr, exit 2). See exitCodes.ts for the exit statuses.
 */
import { parseArgs } from 'node:util';
import { commandInfo, type CommandInfo, type CommandName } from './commands.js';
import { ExitCode } from './exitCodes.js';
import { exitOnBrokenPipe } from './exitOnBrokenPipe.js';

export interface FlagSpec {
  type: 'boolean' | 'string';
  short?: string;
  /** Repeatable: the values are collected in order. */
  multiple?: boolean;
  /** Placeholder for a string flag's value in the help (`DIR`). */
  value?: string;
  /** One line for `--help`. */
  help: string;
}

export type FlagSpecs = Record<string, FlagSpec>;

export interface CommandLineSpec<F extends FlagSpecs> {
  command: CommandName;
  /** Synopsis lines, each written after the command (`[--json] QUESTION...`). */
  usage: string[];
  /** What the arguments are and anything else a user needs before running it. */
  details?: string;
  flags: F;
  /** Whether words other than flags are accepted (default false: any is a usage error). */
  positionals?: boolean;
}

type FlagValue<S extends FlagSpec> = S['type'] extends 'boolean'
  ? S['multiple'] extends true
    ? boolean[]
    : boolean
  : S['multiple'] extends true
    ? string[]
    : string | undefined;

export interface ParsedCommandLine<F extends FlagSpecs> {
  /** Booleans default to false, repeatable flags to []. */
  flags: { [K in keyof F]: FlagValue<F[K]> };
  positionals: string[];
}

const HELP_FLAG: FlagSpec = { type: 'boolean', short: 'h', help: 'show this help and exit' };

/**
 * Call first in every script. Parses `argv` against the spec; `-h`/`--help` anywhere before `--` prints
 * the help on stdout and exits 0; a usage error exits 2 with the message and the synopsis on stderr.
 * Also makes a closed stdout or stderr (`| head`) end the process quietly (exitOnBrokenPipe).
 */
export function parseCommandLine<const F extends FlagSpecs>(
  spec: CommandLineSpec<F>,
  argv: string[] = process.argv.slice(2),
): ParsedCommandLine<F> {
  exitOnBrokenPipe();
  const beforeTerminator = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (beforeTerminator.includes('--help') || beforeTerminator.includes('-h')) {
    process.stdout.write(helpText(spec));
    process.exit(ExitCode.ok);
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: Object.fromEntries(
        Object.entries(spec.flags).map(([name, flag]) => [
          name,
          { type: flag.type, multiple: flag.multiple ?? false, ...(flag.short ? { short: flag.short } : {}) },
        ]),
      ),
      allowPositionals: spec.positionals ?? false,
      strict: true,
    });
  } catch (error) {
    return usageError(spec, parseErrorMessage(error, spec.positionals ?? false));
  }
  const flags: Record<string, unknown> = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    const value = parsed.values[name];
    flags[name] = value ?? (flag.multiple ? [] : flag.type === 'boolean' ? false : undefined);
  }
  return { flags: flags as ParsedCommandLine<F>['flags'], positionals: parsed.positionals };
}

/** Ends the command with exit 2: the problem, the synopsis and where to read more, on stderr. */
export function usageError(spec: CommandLineSpec<FlagSpecs>, message: string): never {
  const info = commandInfo(spec.command);
  process.stderr.write(
    `${invocation(info)}: ${message}\n${synopsis(spec)}Run '${invocation(info)} --help' for more.\n`,
  );
  process.exit(ExitCode.usage);
}

/** The full help: summary, synopsis, details, flags, the npm script form and the exit statuses. */
export function helpText(spec: CommandLineSpec<FlagSpecs>): string {
  const info = commandInfo(spec.command);
  const flags = Object.entries({ ...spec.flags, help: HELP_FLAG }).map(([name, flag]) => {
    const value = flag.type === 'string' ? ` ${flag.value ?? 'VALUE'}` : '';
    return [`${flag.short ? `-${flag.short}, ` : '    '}--${name}${value}`, flag.help] as const;
  });
  const width = Math.max(...flags.map(([label]) => label.length));
  const parts = [`${invocation(info)} - ${info.summary}`, '', synopsis(spec).trimEnd()];
  if (spec.details) parts.push('', spec.details.trimEnd());
  parts.push('', 'Options:', ...flags.map(([label, help]) => `  ${label.padEnd(width)}  ${help}`));
  parts.push('');
  if (!info.devOnly) {
    parts.push(`Also runs as \`${npmForm(info)} -- ARGS\` (npm prints a banner on stdout unless --silent).`);
  }
  parts.push('Exit status: 0 done, 1 failure, 2 usage or configuration error.', '');
  return parts.join('\n');
}

/** `concept-bot ask`, or `npm run bench` for a command that only runs as an npm script. */
export function invocation(info: CommandInfo): string {
  return info.devOnly ? npmForm(info) : `concept-bot ${info.name}`;
}

function npmForm(info: CommandInfo): string {
  return info.npmScript === 'start' ? 'npm start' : `npm run ${info.npmScript}`;
}

function synopsis(spec: CommandLineSpec<FlagSpecs>): string {
  const info = commandInfo(spec.command);
  const lines = spec.usage.length ? spec.usage : [''];
  return lines
    .map((line) => `${invocation(info)}${line && info.devOnly ? ' --' : ''} ${line}`.trimEnd())
    .map((line, i) => `${i === 0 ? 'usage: ' : '       '}${line}\n`)
    .join('');
}

function parseErrorMessage(error: unknown, positionals: boolean): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const quoted = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    return `unknown option '${quoted}'${positionals ? " (words that start with '-' go after '--')" : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted) return `unexpected argument '${quoted}'`;
  return message.replace(/\.$/, '');
}

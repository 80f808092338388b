/**
 * A real pseudo-terminal for tests, through util-linux `script` (present on every Debian): the command
 * gets a TTY on stdin and stdout, sized with stty, and the test types into it and reads the screen's
 * byte stream. Every wait is bounded.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { REPO, userEnv } from '../cli/runCommand.js';

export interface PtyOptions {
  env?: NodeJS.ProcessEnv;
  cols?: number;
  rows?: number;
  cwd?: string;
}

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export class Pty {
  output = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly listeners = new Set<() => void>();

  constructor(command: string[], options: PtyOptions = {}) {
    const shell = `stty cols ${options.cols ?? 80} rows ${options.rows ?? 40}; exec ${command.map(quote).join(' ')}`;
    this.child = spawn('script', ['-qfec', shell, '/dev/null'], {
      cwd: options.cwd ?? REPO,
      env: userEnv({ TERM: 'xterm-256color', ...options.env }),
    });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      for (const listener of this.listeners) listener();
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  /** Types `keys` (raw bytes: '\r' is Enter, '\u0004' Ctrl-D, '\u001b[A' up-arrow). */
  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  /**
   * Resolves with the screen text written after `from` (cursor movement and colour codes removed, lines
   * ending in \n) once it matches; rejects after `timeoutMs`.
   */
  waitFor(pattern: RegExp | string, from = 0, timeoutMs = 20_000): Promise<string> {
    const text = () => screenText(this.output.slice(from));
    const matches = () => (typeof pattern === 'string' ? text().includes(pattern) : pattern.test(text()));
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!matches()) return;
        done();
        resolve(text());
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${String(pattern)}; the screen showed:\n${text()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Ends the session if the test did not: the whole `script` process group. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

/** Terminal output as text: control sequences (CSI: colour, cursor moves) dropped, \r\n as \n. */
export function screenText(output: string): string {
  // eslint-disable-next-line no-control-regex
  return output.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').replace(/\r\n/g, '\n');
}

import { ExitCode } from './exitCodes.js';

/**
 * A reader that goes away (`| head -1`, a closed terminal) ends the process quietly with 0: the output
 * nobody reads is the only work left. Other write errors stay fatal.
 */
export function exitOnBrokenPipe(streams: NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(ExitCode.ok);
      throw error;
    });
  }
}

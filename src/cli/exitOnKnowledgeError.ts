import { ConfigError } from '../config/env.js';
import { KnowledgeLoadError } from '../knowledge/KnowledgeError.js';
import { ExitCode } from './exitCodes.js';

/**
 * Ends a command on a fatal error: invalid configuration lists every bad variable (exit 2), a broken
 * knowledge base prints its located problems, anything else its message (exit 1).
 */
export function exitOnKnowledgeError(error: unknown): never {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(ExitCode.usage);
  }
  const message =
    error instanceof KnowledgeLoadError
      ? error.message
      : `error: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(ExitCode.failure);
}

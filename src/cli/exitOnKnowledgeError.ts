import { KnowledgeLoadError } from '../knowledge/KnowledgeError.js';

/** Ends a command on a fatal error: a broken knowledge base prints its located problems, anything else its message. */
export function exitOnKnowledgeError(error: unknown): never {
  const message =
    error instanceof KnowledgeLoadError
      ? error.message
      : `error: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** `file:line`, or only `file` for a problem with a whole file or folder (line 0). */
export function location(file: string, line: number): string {
  return line > 0 ? `${file}:${line}` : file;
}

/** One problem in one knowledge file, located well enough for an author to fix it (line 0: the whole file or folder). */
export class KnowledgeError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${location(file, line)}: ${problem}`);
    this.name = 'KnowledgeError';
  }
}

/** Every problem found while loading a knowledge base; thrown so that nothing is half-loaded. */
export class KnowledgeLoadError extends Error {
  constructor(readonly errors: KnowledgeError[]) {
    super(
      `The knowledge base is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n` +
        errors.map((e) => `  ${e.message}`).join('\n'),
    );
    this.name = 'KnowledgeLoadError';
  }
}

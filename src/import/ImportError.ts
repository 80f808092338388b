/** Why one input could not be imported: a message for a person, printed as `import: <file>: <message>`. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

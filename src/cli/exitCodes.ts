/**
 * The exit status of every command: 0 it did what was asked; 1 the work failed (broken knowledge, a check
 * that found errors, Discord unreachable); 2 it was asked wrongly (unknown option, missing argument, invalid
 * configuration) and did nothing. A reader that stops early (`| head`) is not a failure: 0.
 */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

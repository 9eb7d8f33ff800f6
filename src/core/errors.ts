/**
 * Typed errors. A UserError is the user's to fix (bad input, bad option): the CLI prints one
 * `error:` line with the file, line and hint, and exits 2. Anything else is a bug and shows a stack.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly details: { file?: string; line?: number; hint?: string; code?: string } = {},
  ) {
    super(message);
  }
}

/** One skipped row or dubious record, reported by an adapter and counted per input. */
export interface InputIssue {
  code: string;
  file: string;
  line?: number;
  reason: string;
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

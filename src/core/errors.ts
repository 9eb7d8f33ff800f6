/**
 * Typed errors. A UserError is the user's to fix (bad input, bad option): the CLI prints one
 * `error:` line with the file, line and hint, and exits 2. Anything else is a bug and shows a stack.
 * The message and hint are English (tests, JSON, logs); `zh` and `hintZh` are what a Chinese
 * terminal shows (`--lang zh`), written where the error is raised so the two never drift apart.
 */
export class UserError extends Error {
  override readonly name = 'UserError';
  constructor(
    message: string,
    readonly details: { file?: string; line?: number; hint?: string; code?: string; zh?: string; hintZh?: string } = {},
  ) {
    super(message);
  }
}

/** Hints that several readers give, as a Chinese terminal shows them. */
export const HINT_ZH = {
  cutOff: '导出完整吗（没有被截断）？',
  edited: '导出完整吗？有没有被手工改动过？',
} as const;

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

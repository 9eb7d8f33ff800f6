/**
 * Exit codes, documented in the README:
 * 0 ok; 1 a --fail-on condition was met; 2 usage, config or input error; 3 an unexpected error (a bug).
 */
export const EXIT = { ok: 0, conditionMet: 1, userError: 2, bug: 3 } as const;

export function exitCode(outcome: { error?: 'user' | 'bug'; conditionsMet: number }): number {
  if (outcome.error === 'user') return EXIT.userError;
  if (outcome.error === 'bug') return EXIT.bug;
  return outcome.conditionsMet > 0 ? EXIT.conditionMet : EXIT.ok;
}

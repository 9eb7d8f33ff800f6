import { jsonReporter } from './json/index.js';
import { tableReporter } from './table/index.js';
import type { Reporter } from './types.js';

/**
 * Every output format. `--format` choices and help come from this list.
 * Adding a format = one folder under src/report + one line here.
 */
export const reporters = [
  tableReporter,
  jsonReporter,
] as const satisfies readonly Reporter[];

export function reporterById(id: string): Reporter | undefined {
  return (reporters as readonly Reporter[]).find((r) => r.id === id);
}

import { csvReporter } from './csv/index.js';
import { htmlReporter } from './html/index.js';
import { jsonReporter } from './json/index.js';
import { markdownReporter } from './markdown/index.js';
import { ndjsonReporter } from './ndjson/index.js';
import { tableReporter } from './table/index.js';
import type { Reporter } from './types.js';

/**
 * Every output format. `--format` choices and help come from this list.
 * Adding a format = one folder under src/report + one line here.
 */
export const reporters = [
  tableReporter,
  jsonReporter,
  markdownReporter,
  htmlReporter,
  csvReporter,
  ndjsonReporter,
] as const satisfies readonly Reporter[];

export function reporterById(id: string): Reporter | undefined {
  return (reporters as readonly Reporter[]).find((r) => r.id === id);
}

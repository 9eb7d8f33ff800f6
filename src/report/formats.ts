import type { Reporter } from './types.js';

/**
 * Every output format by its `--format` id, and where its reporter lives. The CLI loads only the
 * reporters of the formats asked for: a JSON run does not load cli-table3 or the HTML charts at
 * start-up. `--format` choices and help come from this list.
 * Adding a format = one folder under src/report + one line here.
 */
const loaders: Record<string, () => Promise<Reporter>> = {
  table: async () => (await import('./table/index.js')).tableReporter,
  json: async () => (await import('./json/index.js')).jsonReporter,
  markdown: async () => (await import('./markdown/index.js')).markdownReporter,
  html: async () => (await import('./html/index.js')).htmlReporter,
  csv: async () => (await import('./csv/index.js')).csvReporter,
  ndjson: async () => (await import('./ndjson/index.js')).ndjsonReporter,
};

export const FORMAT_IDS: readonly string[] = Object.keys(loaders);

/** The reporter of a format; undefined for an id that is not one. */
export function loadReporter(id: string): Promise<Reporter> | undefined {
  return Object.hasOwn(loaders, id) ? loaders[id]!() : undefined;
}

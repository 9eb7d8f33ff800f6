import type { AnyAnalysis } from './types.js';

/**
 * The verdict analyses, in the order they run: later ones may read earlier results (`prior`).
 * Adding an analysis = one folder under src/analysis + one line here; the config file, the JSON
 * schema and `init` all come from this list.
 */
export const analyses: readonly AnyAnalysis[] = [
];

import { FORMAT_IDS, loadReporter } from './formats.js';
import type { Reporter } from './types.js';

/**
 * Every reporter, loaded, in `--format` order: for tests and tools that render in every format.
 * The CLI loads only the ones it renders with (formats.ts lists them).
 */
export const reporters: readonly Reporter[] = await Promise.all(FORMAT_IDS.map((id) => loadReporter(id)!));

import type { AnyAnalysis } from './types.js';
import { lifecycle } from './lifecycle/index.js';
import { vitality } from './vitality/index.js';
import { selfDrive } from './self-drive/index.js';
import { seedUsers } from './seed-users/index.js';
import { fission } from './fission/index.js';
import { journeys } from './journeys/index.js';
import { monetization } from './monetization/index.js';

/**
 * The verdict analyses, in the order they run: later ones may read earlier results (`prior`).
 * Adding an analysis = one folder under src/analysis + one line here; the config file, the JSON
 * schema and `init` all come from this list.
 */
export const analyses: readonly AnyAnalysis[] = [
  vitality,
  lifecycle,
  fission,
  selfDrive,
  seedUsers,
  monetization,
  journeys,
];

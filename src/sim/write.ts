/** Writes a simulation to a folder: the only file IO of the simulator, used by its two scripts. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEMBERS_HEADER, MESSAGES_HEADER, toCsv } from './csv.js';
import type { SimulateResult } from './simulate.js';

export function writeSimulation(dir: string, result: SimulateResult, withTruth = true): string[] {
  mkdirSync(dir, { recursive: true });
  const files = [join(dir, 'messages.csv'), join(dir, 'members.csv')];
  writeFileSync(files[0]!, toCsv(MESSAGES_HEADER, result.messages));
  writeFileSync(files[1]!, toCsv(MEMBERS_HEADER, result.members));
  if (withTruth) {
    files.push(join(dir, 'truth.json'));
    writeFileSync(files[2]!, JSON.stringify(result.truth, null, 2) + '\n');
  }
  return files;
}

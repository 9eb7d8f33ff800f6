import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null | undefined;

/**
 * A full garbage collection now. Called between the big phases of a run: V8 collects lazily, so
 * the columns finalize has copied and released (tens of MB per million messages) and the parsing
 * garbage would otherwise sit in the peak RSS through finalize and the analyses. V8 frees the
 * memory of collected typed arrays on a background thread, so the caller can go on at once.
 * A no-op where the collector cannot be reached. Costs a few tens of ms per 100 MB of live heap.
 */
export function collectGarbage(): void {
  if (collect === undefined) {
    try {
      // `gc` exists in contexts created after the flag is set; the main context is not touched.
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

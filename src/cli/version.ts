import { readFileSync } from 'node:fs';

/** The version from package.json, read once: dist/cli and dist/bundle (the bundle's chunks) both sit two levels down. */
export const VERSION: string = (() => {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

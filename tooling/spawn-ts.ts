import { type ChildProcessByStdio, type SpawnOptionsWithoutStdio, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/**
 * tsx's loader by absolute URL. Child processes often run in a scratch folder where `--import tsx`
 * would not resolve, so tests, chaos runs and benchmarks pass this instead.
 */
export const TSX_LOADER = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/package.json')
    .replace(/package\.json$/, 'dist/loader.mjs'),
).href;

/**
 * Starts `node --import tsx <script> ...args` with stdout and stderr piped (the caller must read
 * or `resume()` both, or a chatty child blocks on a full pipe).
 */
export function spawnTs(
  script: string,
  args: string[],
  options: SpawnOptionsWithoutStdio,
): ChildProcessByStdio<null, Readable, Readable> {
  return spawn(process.execPath, ['--import', TSX_LOADER, script, ...args], {
    ...options,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

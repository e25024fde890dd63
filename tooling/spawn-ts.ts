import { type ChildProcessByStdio, type SpawnOptionsWithoutStdio, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { SOURCE_CONDITION } from './build-stamp.mjs';

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
 * or `resume()` both, or a chatty child blocks on a full pipe). Workspace packages resolve to
 * their source, in the child and in any node it starts (the condition travels in NODE_OPTIONS),
 * so what runs is what is on disk, built or not.
 */
export function spawnTs(
  script: string,
  args: string[],
  options: SpawnOptionsWithoutStdio,
): ChildProcessByStdio<null, Readable, Readable> {
  const env = options.env ?? process.env;
  const nodeOptions = [env.NODE_OPTIONS, `--conditions=${SOURCE_CONDITION}`].filter(Boolean);
  return spawn(process.execPath, ['--import', TSX_LOADER, script, ...args], {
    ...options,
    env: { ...env, NODE_OPTIONS: nodeOptions.join(' ') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

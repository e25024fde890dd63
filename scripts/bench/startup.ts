import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertRenderBuilt, timeRenderBin } from './run-render-bin.js';
import { round, type Spread, spread } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOIR = fileURLToPath(new URL('../../examples/noir/story.yaml', import.meta.url));

/** Start-up of the compiled `render` command, run directly with node (wall seconds). */
export interface StartupResult {
  /** `comics-render --help`. */
  helpSeconds: Spread;
  /**
   * `comics-render validate examples/noir/story.yaml` as an editor or a hook runs it again and
   * again: the fonts' measures are in the cache from the run before.
   */
  validateSeconds: Spread;
  /** The same with an empty cache each time: fontkit loads and every word is shaped. */
  validateColdSeconds: Spread;
}

/**
 * Times `--help` and `validate` of the noir example (with the cache of an earlier run, and with
 * an empty cache), `repeats` runs each, interleaved. Each validate uses a cache folder of its own.
 */
export async function measureStartup(repeats: number): Promise<StartupResult> {
  assertRenderBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'bench-startup-'));
  const validateIn = (cache: string) =>
    timeRenderBin(['validate', NOIR], {
      cwd: ROOT,
      env: { ...process.env, COMICS_CACHE_DIR: join(dir, cache) },
    });
  try {
    const help: number[] = [];
    const warm: number[] = [];
    const cold: number[] = [];
    await validateIn('warm');
    for (let i = 0; i < repeats; i++) {
      help.push(round(await timeRenderBin(['--help'], { cwd: ROOT }), 3));
      warm.push(round(await validateIn('warm'), 3));
      cold.push(round(await validateIn(`cold-${i}`), 3));
    }
    return {
      helpSeconds: spread(help),
      validateSeconds: spread(warm),
      validateColdSeconds: spread(cold),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

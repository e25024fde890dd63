import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTs } from '../../tooling/spawn-ts.js';
import { syntheticStory } from '../lib/synthetic-story.js';
import { round, type Spread, spread } from './stats.js';

const RENDER = fileURLToPath(new URL('../../apps/compose/src/cli/main.ts', import.meta.url));

/** Runs the render command once; returns its wall time in seconds, process start included. */
function timeRender(dir: string, story: string): Promise<number> {
  const env = { ...process.env, INIT_CWD: dir, COMICS_CACHE_DIR: join(dir, 'cache') };
  delete env.WIRO_API_KEY;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawnTs(RENDER, [story, '--concurrency', '16'], {
      cwd: dir,
      env,
    });
    child.stdout.resume();
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`render exited ${code}: ${stderr.slice(-500)}`)),
    );
  });
}

/** First build and no-op rebuilds of a `panels`-panel draft issue. */
export async function measureNoopRebuild(
  panels: number,
  repeats: number,
): Promise<{ panels: number; firstBuildSeconds: number; noopSeconds: Spread }> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-noop-'));
  try {
    const story = join(dir, 'story.yaml');
    await writeFile(story, syntheticStory(panels, 'No-op Bench'));
    const firstBuildSeconds = round(await timeRender(dir, story), 2);
    const runs: number[] = [];
    for (let i = 0; i < repeats; i++) runs.push(round(await timeRender(dir, story), 3));
    return { panels, firstBuildSeconds, noopSeconds: spread(runs) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticStory } from '../lib/synthetic-story.js';
import { assertRenderBuilt, timeRenderBin } from './run-render-bin.js';
import { round, type Spread, spread } from './stats.js';

/** Runs the compiled render command once on the draft backend; returns its wall seconds. */
function timeRender(dir: string, story: string): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    INIT_CWD: dir,
    COMICS_CACHE_DIR: join(dir, 'cache'),
  };
  delete env.WIRO_API_KEY;
  return timeRenderBin([story, '--concurrency', '16'], { cwd: dir, env });
}

/** First build and no-op rebuilds of a `panels`-panel draft issue. */
export async function measureNoopRebuild(
  panels: number,
  repeats: number,
): Promise<{ panels: number; firstBuildSeconds: number; noopSeconds: Spread }> {
  assertRenderBuilt();
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

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { emulatorEnv } from 'wiro-emulator';
import { syntheticStory } from '../lib/synthetic-story.js';
import { buildIssues } from '../nightly/build-issues.js';
import { startThreadedEmulator } from './emulated-wiro.js';
import { round } from './stats.js';

/** Parameters of one nightly measurement: panels per issue, slots, and how long a task runs. */
export interface NightCase {
  panels: number[];
  concurrency: number;
  taskMs: number;
}

/** What one night measured. */
export interface NightResult extends NightCase {
  tasks: number;
  makespanMs: number;
  /** `ceil(tasks / concurrency) × taskMs`: every slot busy from the first task to the last. */
  idealMs: number;
  /** What building the issues one after another would take at best: Σ ceil(panels / concurrency) × taskMs. */
  oneAfterAnotherMs: number;
  /** From the start of the night to the first Run sent (reading, checking and planning the first issue). */
  firstRunMs: number;
  /** From the first Run sent to the last panel rendered: the pool's own schedule. */
  renderSpanMs: number;
  /** makespan / ideal − 1. */
  overIdeal: number;
  peakInFlight: number;
}

/**
 * A night of several fresh issues (generation only: `upscale: false`, so every panel is one
 * task) through `buildIssues` against the emulator, whose tasks take exactly `taskMs`, with
 * compose left out (a step that writes nothing), so the makespan is the render schedule's.
 */
export async function measureNight(c: NightCase): Promise<NightResult> {
  const emulator = await startThreadedEmulator({
    taskMs: c.taskMs,
    queueMs: 0,
    concurrency: c.concurrency + 8,
    balance: 10_000,
  });
  const dir = await mkdtemp(join(tmpdir(), 'bench-night-'));
  try {
    const storyPaths: string[] = [];
    for (const [i, panels] of c.panels.entries()) {
      const path = join(dir, 'issues', `issue-${i + 1}`, 'story.yaml');
      await mkdir(join(path, '..'), { recursive: true });
      await writeFile(path, syntheticStory(panels, `Night Issue ${i + 1}`));
      storyPaths.push(path);
    }
    const started = performance.now();
    let firstRun: number | undefined;
    let lastDone = started;
    const result = await buildIssues({
      storyPaths,
      outDir: join(dir, 'out'),
      rootDir: dir,
      cacheDir: join(dir, 'cache'),
      concurrency: c.concurrency,
      upscale: false,
      env: emulatorEnv(emulator),
      compose: async () => ({ outputs: [], warnings: [] }),
      onEvent: (event) => {
        if (event.type !== 'issue-event') return;
        if (event.event.type === 'submitted') firstRun ??= performance.now();
        if (event.event.type === 'done') lastDone = performance.now();
      },
    });
    const makespanMs = performance.now() - started;
    const rendered = result.issues.reduce((sum, issue) => sum + issue.report.panels.rendered, 0);
    const tasks = c.panels.reduce((sum, n) => sum + n, 0);
    if (rendered !== tasks) throw new Error(`only ${rendered} of ${tasks} panels rendered`);
    const idealMs = Math.ceil(tasks / c.concurrency) * c.taskMs;
    const oneAfterAnotherMs = c.panels.reduce(
      (sum, n) => sum + Math.ceil(n / c.concurrency) * c.taskMs,
      0,
    );
    return {
      ...c,
      tasks,
      makespanMs: round(makespanMs, 0),
      firstRunMs: round((firstRun ?? started) - started, 0),
      renderSpanMs: round(lastDone - (firstRun ?? started), 0),
      idealMs,
      oneAfterAnotherMs,
      overIdeal: round(makespanMs / idealMs - 1, 3),
      peakInFlight: (await emulator.ledger()).maxInFlight,
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

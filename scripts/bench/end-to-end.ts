import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type IssueEvent, renderIssue } from 'compose/pipeline';
import { withEmulatedWiro } from './emulated-wiro.js';
import { round } from './stats.js';

const NOIR = fileURLToPath(new URL('../../examples/noir/story.yaml', import.meta.url));

/** What one end-to-end run of an issue measured. */
export interface EndToEndResult {
  pages: number;
  tasks: { generations: number; upscales: number };
  concurrency: number;
  taskMs: number;
  /** First Run submitted to the last task's picture cached. */
  tasksMs: number;
  /** Last task's picture cached to the last output written (manifest included). */
  tailMs: number;
  /**
   * The same issue composed on its own from the cache (compose phase to manifest, validating and
   * planning left out), divided by its page count.
   */
  composePerPageMs: number;
  /** `tailMs / composePerPageMs`: pages' worth of compose left after the last task. */
  tailInPages: number;
}

/**
 * Renders the noir example end to end against the emulator (generation and upscale chains, all
 * outputs), and measures how long the run goes on after its last task: with pages composed as
 * their panels become final, about one page's compose.
 */
export async function measureEndToEnd(options: {
  taskMs: number;
  concurrency: number;
}): Promise<EndToEndResult> {
  return withEmulatedWiro(
    { prefix: 'bench-e2e-', emulator: { taskMs: options.taskMs } },
    async ({ emulator, client, dir }) => {
      const backend = { client, kind: 'wiro' as const, close: async () => {} };
      let firstRun: number | undefined;
      let lastTask = 0;
      const onEvent = (event: IssueEvent) => {
        if (event.type === 'submitted') firstRun ??= performance.now();
        if (event.type === 'done') lastTask = performance.now();
      };
      const common = { storyPath: NOIR, cacheDir: join(dir, 'cache'), backend };
      const rendered = await renderIssue({
        ...common,
        outDir: join(dir, 'out'),
        concurrency: options.concurrency,
        onEvent,
      });
      const ended = performance.now();
      if (rendered.exitCode !== 0) throw new Error(`render failed: ${rendered.message}`);

      // Compose alone: from the compose phase to the manifest (validating and planning left out).
      let composeStarted = 0;
      let composeMs = 0;
      const composed = await renderIssue({
        ...common,
        mode: 'compose',
        outDir: join(dir, 'again'),
        onEvent: (event) => {
          if (event.type !== 'phase') return;
          if (event.phase === 'compose') composeStarted = performance.now();
          if (event.phase === 'manifest') composeMs = performance.now() - composeStarted;
        },
      });
      if (composed.exitCode !== 0 || composeMs === 0)
        throw new Error(`compose failed: ${composed.message}`);

      const pages = (rendered.story?.pages.length ?? 0) + (rendered.story?.cover ? 1 : 0);
      const ledger = await emulator.ledger();
      const upscales = rendered.plan.filter((panel) => panel.job.upscale).length;
      if (ledger.acceptedRuns !== rendered.plan.length + upscales)
        throw new Error(
          `expected ${rendered.plan.length + upscales} Runs, the ledger has ${ledger.acceptedRuns}`,
        );
      const composePerPageMs = composeMs / pages;
      const tailMs = ended - lastTask;
      return {
        pages,
        tasks: { generations: rendered.plan.length, upscales },
        concurrency: options.concurrency,
        taskMs: options.taskMs,
        tasksMs: round(lastTask - (firstRun ?? lastTask), 0),
        tailMs: round(tailMs, 0),
        composePerPageMs: round(composePerPageMs, 0),
        tailInPages: round(tailMs / composePerPageMs, 2),
      };
    },
  );
}

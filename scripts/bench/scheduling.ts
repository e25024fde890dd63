import { join } from 'node:path';
import {
  computeCacheKey,
  type PanelJob,
  planUpscale,
  renderPanels,
  type UpscaleSettings,
} from 'storyboard';
import { REAL_ESRGAN } from 'wiro-core';
import { computeUpscaleTaskMs } from 'wiro-emulator';
import { withEmulatedWiro } from './emulated-wiro.js';
import { round } from './stats.js';

/** Parameters of one scheduling measurement. */
export interface SchedulingCase {
  panels: number;
  concurrency: number;
  taskMs: number;
  socket: boolean;
  /**
   * Share of panels (every k-th) that print below 300 ppi and so chain an upscale task after
   * their generation. @default 0
   */
  upscaleShare?: number;
}

/** What one scheduling run measured. */
export interface SchedulingResult extends SchedulingCase {
  makespanMs: number;
  idealMs: number;
  efficiency: number;
  requestsPerTask: number;
  peakInFlight: number;
  /** Tasks run: generations and upscales. */
  tasks: { generations: number; upscales: number };
}

const SIDE = 256;
const UPSCALE: UpscaleSettings = {
  mode: 'auto',
  model: REAL_ESRGAN.model,
  modelName: undefined,
  ppi: 300,
};

/**
 * `count` fresh panels of 256² px. Every `1 / upscaleShare`-th prints 2 in wide (128 ppi, so it
 * chains a ×2.5 upscale); the rest print at exactly 300 ppi.
 */
function jobs(count: number, upscaleShare: number): PanelJob[] {
  const every = upscaleShare > 0 ? Math.round(1 / upscaleShare) : 0;
  return Array.from({ length: count }, (_, i) => {
    const inputs = {
      prompt: `ComicsFact1 style. bench panel ${i}`,
      steps: 4,
      scale: 3.5,
      samples: 1,
      seed: i,
      width: SIDE,
      height: SIDE,
    };
    const model = 'Adel_AI/Comics-Factory-v1';
    const cacheKey = computeCacheKey(model, inputs);
    const side = every > 0 && i % every === 0 ? 2 : SIDE / 300;
    const print = { widthIn: side, heightIn: side, dpi: 300 };
    return {
      id: `b${i}`,
      page: 1,
      slot: 0,
      model,
      inputs,
      variant: 0,
      cacheKey,
      print,
      upscale: planUpscale(inputs, print, UPSCALE, cacheKey, 0),
    };
  });
}

/**
 * The shortest makespan any schedule of these chains could have on `concurrency` slots: all the
 * work spread evenly, or the longest chain, whichever is longer (for generations alone with a
 * panel count that is a multiple of the concurrency, exactly `panels / concurrency × taskMs`).
 */
function idealMakespan(panels: readonly PanelJob[], c: SchedulingCase): number {
  const chains = panels.map(
    (job) => c.taskMs + (job.upscale ? computeUpscaleTaskMs(c.taskMs, job.upscale) : 0),
  );
  const work = chains.reduce((sum, ms) => sum + ms, 0);
  if (chains.every((ms) => ms === c.taskMs))
    return Math.ceil(panels.length / c.concurrency) * c.taskMs;
  return Math.max(work / c.concurrency, ...chains);
}

/**
 * Renders `panels` fresh panels through the render engine against the emulator, whose tasks take
 * exactly `taskMs` from acceptance to the end (upscales in proportion to their output size), and
 * compares the makespan with the ideal for that task graph (see `idealMakespan`).
 */
export async function measureScheduling(c: SchedulingCase): Promise<SchedulingResult> {
  return withEmulatedWiro(
    {
      prefix: 'bench-sched-',
      emulator: { taskMs: c.taskMs, concurrency: c.concurrency + 8 },
      socket: c.socket,
    },
    async ({ emulator, client, dir }) => {
      const panels = jobs(c.panels, c.upscaleShare ?? 0);
      const started = performance.now();
      const result = await renderPanels(panels, {
        client,
        cacheDir: join(dir, 'cache'),
        journalPath: join(dir, 'journal.jsonl'),
        concurrency: c.concurrency,
      });
      const makespanMs = performance.now() - started;
      if (result.totals.rendered !== c.panels)
        throw new Error(`only ${result.totals.rendered} panels rendered`);
      const ledger = await emulator.ledger();
      const idealMs = round(idealMakespan(panels, c), 0);
      const upscales = panels.filter((job) => job.upscale).length;
      if ((ledger.runsByModel[REAL_ESRGAN.model] ?? 0) !== upscales)
        throw new Error(`expected ${upscales} upscale tasks, the ledger has another count`);
      return {
        ...c,
        makespanMs: round(makespanMs, 0),
        idealMs,
        efficiency: round(idealMs / makespanMs),
        requestsPerTask: round(ledger.requests.length / (c.panels + upscales), 2),
        peakInFlight: ledger.maxInFlight,
        tasks: { generations: c.panels, upscales },
      };
    },
  );
}

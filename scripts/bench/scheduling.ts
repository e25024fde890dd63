import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCacheKey, type PanelJob, renderPanels } from 'storyboard';
import { createWiroClient } from 'wiro-core';
import { startEmulator } from 'wiro-emulator';
import { round } from './stats.js';

/** Parameters of one scheduling measurement. */
export interface SchedulingCase {
  panels: number;
  concurrency: number;
  taskMs: number;
  socket: boolean;
}

/** What one scheduling run measured. */
export interface SchedulingResult extends SchedulingCase {
  makespanMs: number;
  idealMs: number;
  efficiency: number;
  requestsPerTask: number;
  peakInFlight: number;
}

function jobs(count: number): PanelJob[] {
  return Array.from({ length: count }, (_, i) => {
    const inputs = {
      prompt: `ComicsFact1 style. bench panel ${i}`,
      steps: 4,
      scale: 3.5,
      samples: 1,
      seed: i,
      width: 256,
      height: 256,
    };
    const model = 'Adel_AI/Comics-Factory-v1';
    return {
      id: `b${i}`,
      page: 1,
      slot: 0,
      model,
      inputs,
      variant: 0,
      cacheKey: computeCacheKey(model, inputs),
    };
  });
}

/**
 * Renders `panels` fresh panels through the render engine against the emulator, whose tasks take
 * exactly `taskMs` from acceptance to the end, and compares the makespan with the ideal
 * `ceil(panels / concurrency) × taskMs`.
 */
export async function measureScheduling(c: SchedulingCase): Promise<SchedulingResult> {
  const emulator = await startEmulator({
    taskMs: c.taskMs,
    queueMs: 0,
    concurrency: c.concurrency + 8,
    balance: 10_000,
  });
  const dir = await mkdtemp(join(tmpdir(), 'bench-sched-'));
  try {
    const client = createWiroClient({
      apiKey: emulator.apiKey,
      apiSecret: emulator.apiSecret,
      baseUrl: emulator.url,
      socketUrl: c.socket ? undefined : false,
    });
    const started = performance.now();
    const result = await renderPanels(jobs(c.panels), {
      client,
      cacheDir: join(dir, 'cache'),
      journalPath: join(dir, 'journal.jsonl'),
      concurrency: c.concurrency,
    });
    const makespanMs = performance.now() - started;
    if (result.totals.rendered !== c.panels)
      throw new Error(`only ${result.totals.rendered} panels rendered`);
    const ledger = emulator.ledger();
    const idealMs = Math.ceil(c.panels / c.concurrency) * c.taskMs;
    return {
      ...c,
      makespanMs: round(makespanMs, 0),
      idealMs,
      efficiency: round(idealMs / makespanMs),
      requestsPerTask: round(ledger.requests.length / c.panels, 2),
      peakInFlight: ledger.maxInFlight,
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

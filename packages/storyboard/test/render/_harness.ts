import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWiroClient, type WiroClient } from 'wiro-core';
import { type Emulator, type EmulatorOptions, startEmulator } from 'wiro-emulator';
import {
  computeCacheKey,
  type PanelJob,
  type RenderEvent,
  type RenderOptions,
  type RenderResult,
  renderPanels,
} from '../../src/index.js';

/** `count` small panel jobs whose prompts differ by `variant` (so edits can target one). */
export function makeJobs(
  count: number,
  promptOf: (i: number) => string = (i) => `panel ${i}`,
): PanelJob[] {
  return Array.from({ length: count }, (_, i) => {
    const inputs = {
      prompt: `ComicsFact1 style. ${promptOf(i)}`,
      steps: 4,
      scale: 3.5,
      samples: 1,
      seed: 1000 + i,
      width: 256,
      height: 256,
    };
    const model = 'Adel_AI/Comics-Factory-v1';
    return {
      id: `p${i}`,
      page: 1 + Math.floor(i / 6),
      slot: i % 6,
      model,
      inputs,
      variant: 0,
      cacheKey: computeCacheKey(model, inputs),
      print: { widthIn: 256 / 300, heightIn: 256 / 300, dpi: 300 },
      upscale: undefined,
    };
  });
}

/** An emulator, a client for it, and a scratch folder for cache and journal. */
export interface RenderHarness {
  emulator: Emulator;
  client: WiroClient;
  dir: string;
  events: RenderEvent[];
  render(jobs: PanelJob[], options?: Partial<RenderOptions>): Promise<RenderResult>;
  close(): Promise<void>;
}

export async function startRenderHarness(
  emulatorOptions: EmulatorOptions = {},
): Promise<RenderHarness> {
  const emulator = await startEmulator({ taskMs: 40, queueMs: 5, ...emulatorOptions });
  const client = createWiroClient({
    apiKey: emulator.apiKey,
    apiSecret: emulator.apiSecret,
    baseUrl: emulator.url,
    retry: { baseDelayMs: 2, maxDelayMs: 10 },
  });
  const dir = await mkdtemp(join(tmpdir(), 'render-'));
  const events: RenderEvent[] = [];
  return {
    emulator,
    client,
    dir,
    events,
    render: (jobs, options = {}) =>
      renderPanels(jobs, {
        client,
        cacheDir: join(dir, 'cache'),
        journalPath: join(dir, 'journal.jsonl'),
        onEvent: (event) => events.push(event),
        ...options,
      }),
    close: async () => {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { REAL_ESRGAN } from 'wiro-core';
import { PanelCache, type PanelJob, planUpscale } from '../../src/index.js';
import { makeJobs, type RenderHarness, startRenderHarness } from './_harness.js';

let h: RenderHarness;
afterEach(async () => {
  await h?.close();
});

const SETTINGS = {
  mode: 'auto',
  model: REAL_ESRGAN.model,
  modelName: undefined,
  ppi: 300,
} as const;

/** `count` 256² panels printed 2 in wide (128 ppi), so each chains a ×2.5 upscale. */
function lowResolutionJobs(count: number, modelName?: string): PanelJob[] {
  return makeJobs(count).map((job) => {
    const print = { widthIn: 2, heightIn: 2, dpi: 300 };
    const upscale = planUpscale(job.inputs, print, { ...SETTINGS, modelName }, job.cacheKey, 0);
    return { ...job, print, upscale };
  });
}

const upscaleTasks = (h: RenderHarness) =>
  h.emulator.ledger().tasks.filter((task) => task.model === REAL_ESRGAN.model);

describe('generation → upscale chains', () => {
  it("enlarge each panel from its generation task's own output URL, once, and cache the result", async () => {
    h = await startRenderHarness();
    const jobs = lowResolutionJobs(3);
    const first = await h.render(jobs, { concurrency: 2 });
    expect(first.totals).toMatchObject({ rendered: 3, failed: 0 });
    for (const panel of first.panels) {
      const plan = jobs.find((job) => job.id === panel.id)?.upscale;
      expect(plan).toMatchObject({ outscale: 2.5, width: 640, height: 640 });
      const task = upscaleTasks(h).find((t) => t.taskid === panel.upscale?.taskid);
      // No download and upload in between: the upscale read the generation's output.
      expect(task?.sourceTaskid).toBe(panel.source?.taskid);
      expect(await sharp(panel.image!).metadata()).toMatchObject({ width: 640, height: 640 });
      expect(panel.image).not.toBe(panel.upscale?.sourceImage);
    }
    expect(h.emulator.ledger().requests.some((r) => r.endpoint === 'File/Upload')).toBe(false);
    expect(h.emulator.ledger().maxInFlight).toBeLessThanOrEqual(2);
    const stages = h.events.flatMap((e) => (e.type === 'submitted' ? [e.stage] : []));
    expect(stages.filter((s) => s === 'generate')).toHaveLength(3);
    expect(stages.filter((s) => s === 'upscale')).toHaveLength(3);

    const requests = h.emulator.ledger().requests.length;
    const second = await h.render(jobs);
    expect(second.totals).toMatchObject({ rendered: 0, cached: 3 });
    expect(second.panels.map((p) => p.image)).toEqual(first.panels.map((p) => p.image));
    expect(h.emulator.ledger().requests.length).toBe(requests);
  });

  it('uploads the cached picture when its output URL no longer works, and never generates it again', async () => {
    h = await startRenderHarness();
    const plain = makeJobs(1);
    await h.render(plain);
    // The generated picture is cached; its output URL now points at nothing.
    const cache = new PanelCache(`${h.dir}/cache`);
    const entryPath = join(cache.folderOf(plain[0]!.cacheKey), 'entry.json');
    const entry = JSON.parse(await readFile(entryPath, 'utf8'));
    entry.urls = [`${h.emulator.url}/files/gone/0.png`];
    await writeFile(entryPath, JSON.stringify(entry));

    const result = await h.render(lowResolutionJobs(1));
    expect(result.panels[0]).toMatchObject({ status: 'rendered', error: undefined });
    const ledger = h.emulator.ledger();
    expect(ledger.runsByModel['Adel_AI/Comics-Factory-v1']).toBe(1);
    expect(ledger.requests.filter((r) => r.endpoint === 'File/Upload')).toHaveLength(1);
    const billed = upscaleTasks(h).filter((task) => task.billed);
    expect(billed).toHaveLength(1);
    expect(billed[0]?.inputFile).toMatch(/^\/files\//);
    expect(await sharp(result.panels[0]!.image!).metadata()).toMatchObject({ width: 640 });
  });

  it('keeps the generated picture, and says so, when the upscale cannot be done', async () => {
    h = await startRenderHarness();
    const result = await h.render(lowResolutionJobs(1, 'no-such-weights'));
    const [panel] = result.panels;
    expect(panel).toMatchObject({
      status: 'rendered',
      error: 'upscale failed',
      upscale: undefined,
    });
    expect(await sharp(panel!.image!).metadata()).toMatchObject({ width: 256, height: 256 });
    expect(h.events.some((e) => e.type === 'upscale-skipped' && e.panel === 'p0')).toBe(true);
    expect(h.emulator.ledger().billed.count).toBe(1);
  });

  it('starts the panels with two tasks to run before those with one, each in page order', async () => {
    h = await startRenderHarness();
    const chained = lowResolutionJobs(4);
    // Panels 0 and 2 print small enough without an upscale; 1 and 3 chain one.
    const jobs = chained.map((job, i) =>
      i % 2 === 0 ? { ...job, print: makeJobs(4)[i]!.print, upscale: undefined } : job,
    );
    await h.render(jobs, { concurrency: 1 });
    const submitted = h.events.flatMap((e) =>
      e.type === 'submitted' ? [`${e.panel}:${e.stage}`] : [],
    );
    expect(submitted).toEqual([
      'p1:generate',
      'p1:upscale',
      'p3:generate',
      'p3:upscale',
      'p0:generate',
      'p2:generate',
    ]);
  });
});

import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTaskPool, RenderAbortError } from '../../src/index.js';
import { makeJobs, type RenderHarness, startRenderHarness } from './_harness.js';

let h: RenderHarness;
afterEach(async () => {
  await h?.close();
});

describe('renderPanels', () => {
  it('renders every panel once, and a second run makes no request at all', async () => {
    h = await startRenderHarness();
    const jobs = makeJobs(8);
    const first = await h.render(jobs);
    expect(first.totals).toMatchObject({ panels: 8, rendered: 8, cached: 0, failed: 0 });
    expect(first.totals.cost).toBeGreaterThan(0);
    for (const panel of first.panels) {
      expect((await readFile(panel.image!)).subarray(1, 4).toString()).toBe('PNG');
    }
    const requestsAfterFirst = h.emulator.ledger().requests.length;

    const second = await h.render(jobs);
    expect(second.totals).toMatchObject({ rendered: 0, cached: 8, cost: 0 });
    expect(h.emulator.ledger().requests.length).toBe(requestsAfterFirst);
    expect(h.emulator.ledger().acceptedRuns).toBe(8);
  });

  it('records which task made each image, and sweeps temporary files a crash left behind', async () => {
    h = await startRenderHarness();
    const jobs = makeJobs(2);
    const first = await h.render(jobs);
    const leftover = `${first.panels[0]!.image}.deadbeef.part`;
    await writeFile(leftover, 'half a png');
    const second = await h.render(jobs);
    for (const [i, panel] of second.panels.entries()) {
      expect(panel.source?.taskid).toBe(first.panels[i]!.taskIds[0]);
      const billed = h.emulator.ledger().tasks.find((t) => t.taskid === panel.source?.taskid);
      expect(Number(billed?.totalcost)).toBeCloseTo(panel.source!.cost, 10);
    }
    await expect(access(leftover)).rejects.toThrow();
  });

  it('re-renders only the panel whose inputs changed', async () => {
    h = await startRenderHarness();
    await h.render(makeJobs(6));
    const edited = makeJobs(6, (i) => (i === 3 ? 'panel 3, now at dawn' : `panel ${i}`));
    const result = await h.render(edited);
    expect(result.panels.filter((p) => p.status === 'rendered').map((p) => p.id)).toEqual(['p3']);
    expect(h.emulator.ledger().acceptedRuns).toBe(7);
  });

  it('detects a corrupt cache entry and renders it again', async () => {
    h = await startRenderHarness();
    const jobs = makeJobs(3);
    const first = await h.render(jobs);
    await writeFile(first.panels[1]!.image!, 'not a png any more');
    const second = await h.render(jobs);
    expect(second.panels.map((p) => p.status)).toEqual(['cached', 'rendered', 'cached']);
  });

  it('retries failed tasks as new tasks (they are free) and bills the panel once', async () => {
    h = await startRenderHarness({ faults: 'Run:taskFail:times=2,Run:taskError:times=1' });
    const result = await h.render(makeJobs(2), { maxAttempts: 4 });
    expect(result.totals).toMatchObject({ rendered: 2, failed: 0 });
    const ledger = h.emulator.ledger();
    expect(ledger.billed.count).toBe(2);
    expect(ledger.billedTwice).toEqual([]);
  });

  it('reports a panel that keeps failing with Wiro’s debugerror and finishes the others', async () => {
    h = await startRenderHarness({ faults: 'Run:taskFail:times=3' });
    const result = await h.render(makeJobs(4), { concurrency: 1, maxAttempts: 3 });
    const failed = result.panels.filter((p) => p.status === 'failed');
    expect(failed.map((p) => p.id)).toEqual(['p0']);
    expect(failed[0]!.error).toMatch(/pexit 1/);
    expect(failed[0]!.taskIds).toHaveLength(3);
    expect(result.totals).toMatchObject({ rendered: 3, failed: 1 });
  });

  it('finishes under 5xx, 429, dropped connections and code 96 without double billing', async () => {
    h = await startRenderHarness({
      seed: 11,
      concurrency: 2,
      faults:
        'Task/Detail:http5xx:0.2,Task/Detail:http429:0.1:retryAfter=0,Run:http429:0.1:retryAfter=0,Run:dropBeforeAccept:0.05,Run:concurrencyBurst:times=3,download:truncated:0.1',
    });
    const result = await h.render(makeJobs(12), { concurrency: 4, maxAttempts: 5 });
    expect(result.totals.failed).toBe(0);
    expect(result.totals.rendered).toBe(12);
    const ledger = h.emulator.ledger();
    expect(ledger.maxInFlight).toBeLessThanOrEqual(2);
    expect(ledger.billedTwice.length).toBeLessThanOrEqual(result.totals.uncertainRuns);
    expect(h.events.some((e) => e.type === 'concurrency')).toBe(true);
  });

  it('never has more tasks in flight than the concurrency it was given', async () => {
    h = await startRenderHarness({ taskMs: 30 });
    await h.render(makeJobs(10), { concurrency: 3 });
    expect(h.emulator.ledger().maxInFlight).toBe(3);
  });
});

describe('budget', () => {
  it('stops submitting before the limit and resumes without paying twice', async () => {
    h = await startRenderHarness({ cps: 0.01, taskMs: 40 });
    const jobs = makeJobs(10);
    const limited = await h.render(jobs, { maxCost: 0.001, costEstimate: 0.0004, concurrency: 1 });
    expect(limited.stopped).toBe('budget');
    expect(limited.totals.rendered).toBeGreaterThan(0);
    expect(limited.totals.rendered).toBeLessThan(10);
    expect(Number(h.emulator.ledger().billed.totalCost)).toBeLessThanOrEqual(0.001 + 1e-9);

    const resumed = await h.render(jobs);
    expect(resumed.stopped).toBeUndefined();
    expect(resumed.totals.cached).toBe(limited.totals.rendered);
    expect(h.emulator.ledger().billedTwice).toEqual([]);
    expect(h.emulator.ledger().billed.count).toBe(10);
  });

  it('counts Runs still being sent, so tasks that start together cannot pass the limit together', async () => {
    h = await startRenderHarness({ cps: 0.01, taskMs: 40 });
    // Room for two estimates: four free slots check the budget before any Run is answered.
    const result = await h.render(makeJobs(8), {
      maxCost: 0.001,
      costEstimate: 0.0004,
      concurrency: 4,
    });
    expect(result.stopped).toBe('budget');
    expect(h.emulator.ledger().maxInFlight).toBeLessThanOrEqual(2);
    expect(Number(h.emulator.ledger().billed.totalCost)).toBeLessThanOrEqual(0.001 + 1e-9);
  });
});

describe('task pool', () => {
  it('gives renders running at the same time one concurrency limit and one budget', async () => {
    h = await startRenderHarness({ taskMs: 30 });
    const pool = createTaskPool({ concurrency: 3 });
    const [a, b] = await Promise.all([
      h.render(
        makeJobs(6, (i) => `issue a ${i}`),
        { pool },
      ),
      h.render(
        makeJobs(6, (i) => `issue b ${i}`),
        {
          pool,
          journalPath: join(h.dir, 'journal-b.jsonl'),
        },
      ),
    ]);
    expect([a.totals.rendered, b.totals.rendered]).toEqual([6, 6]);
    expect(h.emulator.ledger().maxInFlight).toBe(3);
    expect(pool.budget.spent).toBeCloseTo(a.totals.cost + b.totals.cost, 9);
  });
});

describe('abort', () => {
  it('stops running and queued tasks on the server and rejects with RenderAbortError', async () => {
    h = await startRenderHarness();
    h.emulator.hold({ at: 'task_start' });
    const controller = new AbortController();
    let submitted = 0;
    const jobs = makeJobs(6);
    const rendering = h.render(jobs, {
      concurrency: 2,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'status' && event.status === 'task_start' && ++submitted === 2)
          controller.abort();
      },
    });
    await expect(rendering).rejects.toBeInstanceOf(RenderAbortError);
    const ledger = h.emulator.ledger();
    expect(ledger.acceptedRuns).toBe(2);
    expect(ledger.kills + ledger.cancels).toBe(2);
    expect(ledger.inFlight).toBe(0);

    h.emulator.release();
    const resumed = await h.render(jobs);
    expect(resumed.totals).toMatchObject({ rendered: 6, failed: 0 });
    expect(h.emulator.ledger().billedTwice).toEqual([]);
  });
});

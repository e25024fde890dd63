import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RenderResult } from '../../src/index.js';
import { makeJobs, type RenderHarness, startRenderHarness } from './_harness.js';

let h: RenderHarness;
afterEach(async () => {
  await h?.close();
});

/** Billed tasks whose picture no panel uses: paid for and thrown away. */
function billedButUnused(result: RenderResult): string[] {
  const used = new Set(result.panels.map((panel) => panel.source?.taskid));
  return h.emulator
    .ledger()
    .tasks.filter((task) => task.billed && !used.has(task.taskid))
    .map((task) => task.taskid);
}

describe('Runs whose reply is lost', () => {
  it('finds the task in Task/List and uses it: nothing billed twice, nothing billed unused', async () => {
    h = await startRenderHarness({ seed: 7, faults: 'Run:dropAfterAccept:0.25' });
    const result = await h.render(makeJobs(16), { concurrency: 4, lostReplyGraceMs: 0 });
    const ledger = h.emulator.ledger();
    const lost = ledger.tasks.filter((task) => task.replyDropped).length;
    expect(lost).toBeGreaterThan(0);
    expect(result.totals).toMatchObject({ rendered: 16, failed: 0, uncertainRuns: 0 });
    expect(result.totals.adoptedTasks).toBe(lost);
    expect(h.events.filter((e) => e.type === 'adopted')).toHaveLength(lost);
    expect(ledger.billedTwice).toEqual([]);
    expect(ledger.billed.count).toBe(16);
    expect(billedButUnused(result)).toEqual([]);
  });

  it('sends the Run again only when Task/List proves there is no task', async () => {
    h = await startRenderHarness({ faults: 'Run:dropBeforeAccept:times=2' });
    const result = await h.render(makeJobs(2), { lostReplyGraceMs: 0 });
    const ledger = h.emulator.ledger();
    expect(result.totals).toMatchObject({ rendered: 2, adoptedTasks: 0, uncertainRuns: 0 });
    expect(ledger.acceptedRuns).toBe(2);
    expect(ledger.requests.filter((r) => r.endpoint === 'Task/List').length).toBeGreaterThan(0);
  });

  it('counts a Run as uncertain when Task/List cannot tell, and goes on', async () => {
    h = await startRenderHarness({
      faults: 'Run:dropAfterAccept:times=1,Task/List:http5xx:1',
    });
    const result = await h.render(makeJobs(1), { lostReplyGraceMs: 0 });
    expect(result.totals).toMatchObject({ rendered: 1, uncertainRuns: 1, adoptedTasks: 0 });
    expect(h.events).toContainEqual(expect.objectContaining({ type: 'uncertain', panel: 'p0' }));
    // The lost task was billed too: this is the one case that can still pay twice.
    expect(h.emulator.ledger().billed.count).toBe(2);
  });
});

describe('Runs a killed process was about to send', () => {
  it('adopts the task an earlier process started but never journalled', async () => {
    h = await startRenderHarness();
    const [job] = makeJobs(1);
    const at = Date.now();
    // The earlier process wrote its intent, and Wiro accepted the Run, before the process died.
    await writeFile(
      join(h.dir, 'journal.jsonl'),
      `${JSON.stringify({ type: 'intent', key: job!.cacheKey, panel: job!.id, model: job!.model, inputs: job!.inputs, at })}\n`,
    );
    await h.client.runTask(job!.model, { ...job!.inputs });
    const result = await h.render([job!]);
    expect(result.totals).toMatchObject({ rendered: 1, adoptedTasks: 1 });
    expect(h.emulator.ledger()).toMatchObject({ acceptedRuns: 1, billedTwice: [] });
  });

  it('runs the panel when Task/List shows the Run never arrived', async () => {
    h = await startRenderHarness();
    const [job] = makeJobs(1);
    await writeFile(
      join(h.dir, 'journal.jsonl'),
      `${JSON.stringify({ type: 'intent', key: job!.cacheKey, panel: job!.id, model: job!.model, inputs: job!.inputs, at: Date.now() })}\n`,
    );
    const result = await h.render([job!]);
    expect(result.totals).toMatchObject({ rendered: 1, adoptedTasks: 0 });
    expect(h.emulator.ledger().acceptedRuns).toBe(1);
    // Nothing is searched again next time: the intent was settled as abandoned.
    const again = await h.render([job!], { force: true });
    expect(again.totals.adoptedTasks).toBe(0);
  });
});

describe('expired output URLs', () => {
  it('asks Task/Detail for fresh URLs instead of paying for the picture again', async () => {
    h = await startRenderHarness({ faults: 'download:expired:times=2' });
    const result = await h.render(makeJobs(3));
    expect(result.totals).toMatchObject({ rendered: 3, urlRefreshes: 2 });
    const ledger = h.emulator.ledger();
    expect(ledger.billed.count).toBe(3);
    expect(billedButUnused(result)).toEqual([]);
  });
});

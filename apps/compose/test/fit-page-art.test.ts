import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fitPageArt } from '../src/fit-page-art.js';
import { planIssue, sheetArt } from '../src/plan.js';
import { makeTempDir, SAMPLE_SCRIPT, storyFrom, writePanels } from './_helpers.js';

describe('fitPageArt', () => {
  let temp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    temp = await makeTempDir();
  });
  afterEach(() => temp.cleanup());

  it('hands every picture at hand to the thread pool before it first yields', async () => {
    const story = storyFrom(SAMPLE_SCRIPT);
    const { panels } = await writePanels(story, temp.dir);
    const sheet = planIssue(story).find((planned) => planned.page !== 'cover');
    if (sheet === undefined) throw new Error('the sample has no page');
    const art = sheetArt(sheet, panels);
    const fitting = fitPageArt(sheet.geometry, art, sheet.page, { readArt: true });
    // Counted before this test yields: the caller (composeIssue) letters the whole issue on the
    // main thread right after asking, and the pool must have the pictures to decode meanwhile.
    // sharp counts a task until its result is back on this thread; other tests' tasks, in
    // flight in the same process, can only add to the count.
    const counters = sharp.counters();
    const fitted = await fitting;
    expect(counters.queue + counters.process).toBeGreaterThanOrEqual(art.length);
    expect(fitted.map((picture) => [picture.width, picture.height])).toEqual(
      art.map((item) => [item.rect.w, item.rect.h]),
    );
    expect(fitted.every((picture) => picture.art !== undefined)).toBe(true);
  });
});

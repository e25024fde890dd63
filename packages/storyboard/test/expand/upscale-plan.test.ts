import { describe, expect, it } from 'vitest';
import { computeUpscaledSize, fitsUpscaleLimits } from 'wiro-core';
import type { UpscaleSettings } from '../../src/index.js';
import {
  effectivePpi,
  expandPanels,
  geometryOptionsFor,
  layoutPage,
  parseStory,
  planUpscale,
} from '../../src/index.js';

const AUTO: UpscaleSettings = {
  mode: 'auto',
  model: 'xinntao/Real-ESRGAN',
  modelName: undefined,
  ppi: 300,
};
const print = (widthIn: number, heightIn: number, dpi = 300) => ({ widthIn, heightIn, dpi });

describe('effectivePpi', () => {
  it('is the pixels per inch of the limiting side of a picture that covers its rectangle', () => {
    expect(effectivePpi({ width: 1024, height: 1024 }, print(4, 2))).toBe(256);
    expect(effectivePpi({ width: 3000, height: 1500 }, print(10, 4))).toBe(300);
  });
});

describe('planUpscale', () => {
  it('asks for nothing when the picture already prints at the target', () => {
    expect(planUpscale({ width: 1200, height: 900 }, print(4, 3), AUTO, 'k', 0)).toBeUndefined();
    expect(
      planUpscale({ width: 512, height: 512 }, print(4, 4), { ...AUTO, mode: 'off' }, 'k', 0),
    ).toBeUndefined();
  });

  it.each([
    // [size, print, outscale, modelName]
    [{ width: 1024, height: 1024 }, print(4, 4), 1.5, 'RealESRGAN_x2plus'], // 256 ppi → ×1.17
    [{ width: 1024, height: 1024 }, print(6.875, 10.5), 3.5, 'RealESRGAN_x4plus'], // cover
    [{ width: 1024, height: 512 }, print(6, 3), 2, 'RealESRGAN_x2plus'], // 170 ppi → ×1.76
  ])('rounds the factor up to half steps: %j on %j → ×%d', (size, p, outscale, modelName) => {
    const plan = planUpscale(size, p, AUTO, 'k', 0);
    expect(plan).toMatchObject({ outscale, modelName, model: 'xinntao/Real-ESRGAN' });
    expect(effectivePpi({ width: plan!.width, height: plan!.height }, p)).toBeGreaterThanOrEqual(
      300,
    );
  });

  it('never aims above the page dpi', () => {
    expect(
      planUpscale({ width: 600, height: 600 }, print(4, 4, 150), AUTO, 'k', 0),
    ).toBeUndefined();
  });

  it('caps outscale at the model’s size limits', () => {
    const size = { width: 2048, height: 2048 };
    const plan = planUpscale(size, print(40, 40), AUTO, 'k', 0);
    expect(plan).toBeDefined();
    expect(fitsUpscaleLimits(computeUpscaledSize(size, plan!.outscale))).toBe(true);
    expect(fitsUpscaleLimits(computeUpscaledSize(size, plan!.outscale + 0.5))).toBe(false);
  });

  it('keys the enlarged picture by its source and settings', () => {
    const a = planUpscale({ width: 512, height: 512 }, print(4, 4), AUTO, 'source-a', 0);
    const b = planUpscale({ width: 512, height: 512 }, print(4, 4), AUTO, 'source-b', 0);
    const c = planUpscale(
      { width: 512, height: 512 },
      print(4, 4),
      { ...AUTO, modelName: 'RealESRNet_x4plus' },
      'source-a',
      0,
    );
    expect(new Set([a?.cacheKey, b?.cacheKey, c?.cacheKey]).size).toBe(3);
  });
});

describe('expandPanels', () => {
  it('plans an upscale for every panel below 300 ppi and none for the rest', () => {
    const story = parseStory(
      `title: Sizes
pages:
  - layout: splash
    panels: [A harbour at night]
  - layout: grid-3x3
    panels: [a, b, c, d, e, f, g, h, i]
`,
      { file: 'sizes.yaml' },
    );
    const jobs = expandPanels(story);
    const splash = jobs.find((job) => job.page === 1)!;
    expect(splash.upscale).toBeDefined();
    const small = jobs.filter((job) => job.page === 2);
    expect(small.every((job) => job.upscale === undefined)).toBe(true);
    for (const job of jobs) {
      const final = job.upscale ?? job.inputs;
      expect(effectivePpi(final, job.print)).toBeGreaterThanOrEqual(300);
    }
    const off = expandPanels(
      parseStory(`title: Off\ngeneration: { upscale: off }\npages:\n  - panels: [x]\n`, {
        file: 'off.yaml',
      }),
    );
    expect(off[0]?.upscale).toBeUndefined();
  });
});

describe('expandPanels print sizes', () => {
  it('give a bleeding panel the size of its art, bleed included, and a framed one its image', () => {
    const story = parseStory(
      `title: Bleeds
page: { size: us-comic, bleed: 0.125in }
pages:
  - layout: splash
    panels: [A harbour at night]
  - layout: grid-2x2
    panels: [{ scene: a, bleed: true }, b, c, d]
`,
      { file: 'bleeds.yaml' },
    );
    const jobs = expandPanels(story);
    const splash = layoutPage(geometryOptionsFor(story, story.pages[0]!));
    const grid = layoutPage(geometryOptionsFor(story, story.pages[1]!));
    const [first, second] = [grid.slots[0]!, grid.slots[1]!];
    const printOf = (page: number, slot: number) =>
      jobs.find((job) => job.page === page && job.slot === slot)!.print;
    // The splash bleeds on every side: its art is the whole canvas.
    expect(splash.slots[0]!.art).toEqual(splash.bleedBoxPx);
    expect(printOf(1, 0).widthIn).toBeCloseTo(splash.bleedBoxPx.w / 300, 9);
    expect(printOf(1, 0).heightIn).toBeCloseTo(splash.bleedBoxPx.h / 300, 9);
    // The first grid panel bleeds top and left: larger than its image, and the upscale aims at that.
    expect(first.art.w).toBeGreaterThan(first.image.w);
    expect(printOf(2, 0).widthIn).toBeCloseTo(first.art.w / 300, 9);
    expect(printOf(2, 0).heightIn).toBeCloseTo(first.art.h / 300, 9);
    expect(printOf(2, 1).widthIn).toBeCloseTo(second.image.w / 300, 9);
  });
});

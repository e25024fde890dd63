import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawDraftImage, renderDraftImage } from './draft-image.js';
import { type DraftRect, planDraft } from './draft-plan.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const TRIGGER = 'ComicsFact1 style.';
const PROMPT = `${TRIGGER} Two-shot, two characters in frame: Ann and Bo argue on the pier. Ann Lee: a cook. Bo: a guard. Composition: Ann Lee on the left. No text, no lettering, no captions, no speech balloons.`;
const INPUT = { prompt: PROMPT, seed: '93080474', width: 512, height: 384, trigger: TRIGGER };

/** Mean luminance edge energy (|dx| + |dy|) inside and outside the busy rectangles, at 1/`step`. */
async function edgeEnergy(
  input: typeof INPUT,
  busy: readonly DraftRect[],
  step: number,
): Promise<{ busy: number; quiet: number }> {
  const { pixels, width, height } = drawDraftImage(input);
  const w = Math.round(width / step);
  const h = Math.round(height / step);
  const data = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .resize(w, h)
    .greyscale()
    .raw()
    .toBuffer();
  const inside = (x: number, y: number) =>
    busy.some((r) => x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h);
  const sums = { busy: [0, 0], quiet: [0, 0] };
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0; x < w - 1; x++) {
      const i = y * w + x;
      const e =
        Math.abs((data[i] as number) - (data[i + 1] as number)) +
        Math.abs((data[i] as number) - (data[i + w] as number));
      const bucket = inside(x * step, y * step) ? sums.busy : sums.quiet;
      bucket[0] = (bucket[0] as number) + e;
      bucket[1] = (bucket[1] as number) + 1;
    }
  }
  return {
    busy: (sums.busy[0] as number) / (sums.busy[1] as number),
    quiet: (sums.quiet[0] as number) / (sums.quiet[1] as number),
  };
}

describe('draft images', () => {
  it('are PNGs of exactly the requested size, odd sizes included', async () => {
    for (const [width, height] of [
      [512, 384],
      [1008, 1056],
      [257, 1999],
    ] as const) {
      const png = await renderDraftImage({ ...INPUT, width, height });
      const meta = await sharp(png).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(['png', width, height]);
    }
  });

  it('are byte-identical for the same prompt, seed and size', async () => {
    expect(sha(await renderDraftImage(INPUT))).toBe(sha(await renderDraftImage({ ...INPUT })));
  });

  it('differ with the seed, the prompt and the sample index', async () => {
    const base = sha(await renderDraftImage(INPUT));
    expect(sha(await renderDraftImage({ ...INPUT, seed: '93080475' }))).not.toBe(base);
    expect(sha(await renderDraftImage({ ...INPUT, prompt: 'A dog.' }))).not.toBe(base);
    expect(sha(await renderDraftImage({ ...INPUT, index: 1 }))).not.toBe(base);
  });

  it('are busy where the plan says and quiet elsewhere, also at 1/8 resolution', async () => {
    const input = { ...INPUT, width: 1024, height: 768 };
    const { busy } = planDraft(input);
    for (const step of [1, 8]) {
      const energy = await edgeEnergy(input, busy, step);
      expect(energy.busy, `at 1/${step}`).toBeGreaterThan(8 * energy.quiet);
    }
  });

  it('letter the scene line in ink along the bottom edge, not the whole prompt', () => {
    const input = { ...INPUT, width: 1024, height: 768 };
    const plan = planDraft(input);
    const { pixels, width } = drawDraftImage(input);
    const inkIn = (rect: DraftRect) => {
      let count = 0;
      for (let y = rect.y; y < rect.y + rect.h; y++) {
        for (let x = rect.x; x < rect.x + rect.w; x++) {
          if ((pixels[(y * width + x) * 3] as number) < 60) count += 1;
        }
      }
      return count;
    };
    expect(plan.scene).toBe('Ann and Bo argue on the pier');
    expect(plan.caption).toEqual({ x: 0, y: 768 - plan.caption.h, w: 1024, h: plan.caption.h });
    expect(inkIn(plan.caption)).toBeGreaterThan(200);
    // Above the strip and the figures, the sky is bare paper: no prompt text anywhere.
    const sky = { x: 0, y: 0, w: 1024, h: Math.min(...plan.figures.map((f) => f.box.y)) };
    expect(inkIn(sky)).toBe(0);
  });
});

import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { drawDraftImage, renderDraftImage, toCaption } from './draft-image.js';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const INPUT = {
  prompt: 'ComicsFact1 style. A cat on a roof.',
  seed: '93080474',
  width: 512,
  height: 384,
};

describe('draft images', () => {
  it('are PNGs of the requested size', async () => {
    const png = await renderDraftImage(INPUT);
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 512, 384]);
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

  it('letter the prompt in ink on the frame', () => {
    const blank = drawDraftImage({ ...INPUT, prompt: ' ' });
    const lettered = drawDraftImage({ ...INPUT, prompt: 'WWWWWWWWWW WWWWWWWWWW' });
    const ink = (pixels: Uint8Array) => pixels.filter((v, i) => i % 3 === 0 && v < 60).length;
    expect(ink(lettered.pixels)).toBeGreaterThan(ink(blank.pixels));
  });

  it("strip the model's trigger phrase and map unknown characters to ?", () => {
    expect(toCaption('ComicsFact1 style. Café “noir” ☕', 'ComicsFact1 style.')).toBe(
      'Cafe "noir" ?',
    );
    expect(toCaption('ComicsFact1 style. A cat.')).toBe('ComicsFact1 style. A cat.');
    expect(toCaption('')).toBe('(empty prompt)');
  });
});

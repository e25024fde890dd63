import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fitPanel } from './fit.js';

/** A 200 × 100 image: left half red, right half blue. */
async function halves(): Promise<Buffer> {
  const red = await sharp({
    create: { width: 100, height: 100, channels: 3, background: '#ff0000' },
  })
    .png()
    .toBuffer();
  return sharp({ create: { width: 200, height: 100, channels: 3, background: '#0000ff' } })
    .composite([{ input: red, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

function pixel(data: Buffer, width: number, x: number, y: number): number[] {
  const i = (y * width + x) * 3;
  return [data[i] as number, data[i + 1] as number, data[i + 2] as number];
}

describe('fitPanel', () => {
  it('covers the rectangle without stretching, cropping around the focus', async () => {
    const input = await halves();
    const centre = await fitPanel(input, 50, 50);
    expect([centre.width, centre.height, centre.channels]).toEqual([50, 50, 3]);
    // Centre crop of a 2:1 image to 1:1 keeps the middle: red on the left, blue on the right.
    expect(pixel(centre.data, 50, 5, 25)).toEqual([255, 0, 0]);
    expect(pixel(centre.data, 50, 45, 25)).toEqual([0, 0, 255]);
    const left = await fitPanel(input, 50, 50, { focus: 'left' });
    expect(pixel(left.data, 50, 45, 25)).toEqual([255, 0, 0]);
    const right = await fitPanel(input, 50, 50, { focus: 'right' });
    expect(pixel(right.data, 50, 5, 25)).toEqual([0, 0, 255]);
  });

  it('hands its pipeline to the thread pool at once, not after reading the size', async () => {
    const input = await halves();
    const fitting = fitPanel(input, 50, 50);
    // Counted before this test yields: a pipeline queued only once the size has come back to the
    // main thread would wait for whatever keeps that thread busy.
    // (Other tests' tasks, in flight in the same process, can only add to the count.)
    const counters = sharp.counters();
    expect((await fitting).source).toEqual({ width: 200, height: 100 });
    expect(counters.queue + counters.process).toBeGreaterThanOrEqual(1);
  });

  it('reports how much the image was enlarged', async () => {
    const input = await halves();
    const fitted = await fitPanel(input, 300, 300, { focus: 'attention' });
    expect(fitted.source).toEqual({ width: 200, height: 100 });
    expect(fitted.scale).toBe(3);
    expect((await fitPanel(input, 50, 50, { focus: 'entropy' })).scale).toBe(0.5);
  });

  it('flattens transparency onto the background colour', async () => {
    const clear = await sharp({
      create: { width: 10, height: 10, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const fitted = await fitPanel(clear, 4, 4, { background: '#00ff00' });
    expect(pixel(fitted.data, 4, 1, 1)).toEqual([0, 255, 0]);
  });
});

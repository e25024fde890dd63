import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { cmykOf, createCmykPalette, encodeCmykJpeg } from './cmyk.js';

describe('cmykOf', () => {
  it('prints black as black ink only and white as no ink', async () => {
    expect(await cmykOf([0, 0, 0])).toEqual([0, 0, 0, 100]);
    expect(await cmykOf([255, 255, 255])).toEqual([0, 0, 0, 0]);
  });

  it('converts other colours through the press profile', async () => {
    const [c, m, y] = await cmykOf([230, 30, 30]);
    // A red: mostly magenta and yellow, little cyan.
    expect(m).toBeGreaterThan(70);
    expect(y).toBeGreaterThan(70);
    expect(c).toBeLessThan(20);
    const [, , yellow] = await cmykOf([255, 212, 42]);
    expect(yellow).toBeGreaterThan(70);
  });
});

describe('createCmykPalette', () => {
  it('gives prepared colours and refuses others', async () => {
    const palette = createCmykPalette();
    await palette.prepare(['#000000', 'white', '#000000']);
    expect(palette.get('#000000')).toEqual([0, 0, 0, 100]);
    expect(palette.get('white')).toEqual([0, 0, 0, 0]);
    expect(() => palette.get('#ff0000')).toThrow(/not prepared/);
  });
});

describe('encodeCmykJpeg', () => {
  it('writes a 4-channel CMYK JPEG with the density', async () => {
    const width = 8;
    const height = 4;
    const data = Buffer.alloc(width * height * 3, 200);
    const jpeg = await encodeCmykJpeg({ data, width, height }, { quality: 90, dpi: 300 });
    const meta = await sharp(jpeg).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', space: 'cmyk', channels: 4, density: 300 });
    expect(meta.icc).toBeUndefined();
  });
});

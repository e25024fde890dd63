import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { openFontkitFont } from './_fontkit.js';

const requireHere = createRequire(import.meta.url);
const file = (format: 'woff' | 'woff2') =>
  readFileSync(
    requireHere.resolve(`@fontsource/comic-neue/files/comic-neue-latin-400-normal.${format}`),
  );

it('opens WOFF2 through the decoder loaded on first use: the same glyphs as the WOFF', () => {
  const shape = (data: Uint8Array) => {
    const run = openFontkitFont(data).layout('Almost there, KEEPER!');
    return { glyphs: run.glyphs.map((glyph) => glyph.id), width: run.advanceWidth };
  };
  const woff2 = shape(file('woff2'));
  expect(woff2.glyphs.length).toBeGreaterThan(10);
  expect(woff2).toEqual(shape(file('woff')));
});

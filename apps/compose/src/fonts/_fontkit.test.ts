import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deflateRawSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { inflateRawInto, openFontkitFont } from './_fontkit.js';

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

it('inflates with zlib exactly as tiny-inflate does, and fontkit’s Unicode tables use it', () => {
  const fromFontkit = createRequire(requireHere.resolve('fontkit'));
  const fromTrie = createRequire(fromFontkit.resolve('unicode-trie'));
  expect(fromTrie('tiny-inflate')).toBe(inflateRawInto);

  const path = fromTrie.resolve('tiny-inflate');
  const standIn = requireHere.cache[path];
  delete requireHere.cache[path];
  const tinyInflate = requireHere(path) as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
  if (standIn !== undefined) requireHere.cache[path] = standIn;

  const text = Buffer.from(
    'Almost there, KEEPER! '.repeat(400) + randomBytes(3000).toString('hex'),
  );
  const deflated = deflateRawSync(text);
  for (const destLength of [text.length, text.length + 17, 100]) {
    const expected = tinyInflate(deflated, new Uint8Array(destLength));
    const actual = inflateRawInto(deflated, new Uint8Array(destLength));
    expect(Buffer.from(actual).equals(Buffer.from(expected))).toBe(true);
    expect(actual.byteLength).toBe(expected.byteLength);
  }
});

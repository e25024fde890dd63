import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { listFaceFonts } from './font-files.js';
import { isWoff, woffToSfnt } from './woff.js';

interface ParsedFont {
  numGlyphs: number;
  unitsPerEm: number;
  layout(text: string): {
    glyphs: Array<{ id: number }>;
    positions: Array<{ xAdvance: number; xOffset: number }>;
  };
}
const fontkit = createRequire(import.meta.url)('fontkit') as {
  create(data: Uint8Array): ParsedFont;
};

const TEXT = 'Almost there, KEEPER! Fjörd façade — “quoted” ÆØÅ 123';

/** What measuring and lettering read from a font: glyphs and positions of a shaped line. */
function shape(font: ParsedFont) {
  const run = font.layout(TEXT);
  return {
    numGlyphs: font.numGlyphs,
    unitsPerEm: font.unitsPerEm,
    glyphs: run.glyphs.map((glyph) => glyph.id),
    positions: run.positions.map((p) => [p.xAdvance, p.xOffset]),
  };
}

describe('woffToSfnt', () => {
  const files = [...new Set(Object.values(listFaceFonts()).flatMap((list) => list.slice(0, 2)))];

  it.each(files.map((file) => [file.key, file.path]))(
    'gives fontkit the same font as the WOFF: %s',
    (_key, path) => {
      const woff = readFileSync(path);
      expect(isWoff(woff)).toBe(true);
      const sfnt = woffToSfnt(woff);
      expect(isWoff(sfnt)).toBe(false);
      expect(shape(fontkit.create(sfnt))).toEqual(shape(fontkit.create(woff)));
    },
  );
});

/**
 * fontkit, the font engine pdfkit embeds fonts with: compose declares the version range pdfkit
 * depends on, so measuring, SVG glyph outlines and the PDF all use the same engine. Only the
 * parts compose uses are typed here.
 * @internal
 */
import { createRequire, Module } from 'node:module';
import { isWoff, woffToSfnt } from './woff.js';

/** One glyph of a font. */
export interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
  /** The outline in font units, y up. */
  path: FontkitPath;
}

/** A glyph outline. */
export interface FontkitPath {
  toSVG(): string;
  /** A copy mapped through the matrix `[a b c d e f]` (as in SVG `matrix()`). */
  transform(a: number, b: number, c: number, d: number, e: number, f: number): FontkitPath;
}

/** Where a glyph goes relative to the pen, in font units. */
export interface FontkitPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The result of shaping a string. */
export interface FontkitGlyphRun {
  glyphs: FontkitGlyph[];
  positions: FontkitPosition[];
  advanceWidth: number;
}

/** A parsed font. */
export interface FontkitFont {
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string): FontkitGlyphRun;
  getGlyph(id: number): FontkitGlyph;
}

interface FontkitModule {
  create(data: Uint8Array): FontkitFont;
}

const requireHere = createRequire(import.meta.url);
deferWoff2Decoder();
const fontkit = requireHere('fontkit') as FontkitModule;

/**
 * fontkit loads its WOFF2 decoder (brotli, with a 750 kB dictionary: about 60 ms) as it starts,
 * for a format the bundled fonts never use (they are WOFF, see `font-files.ts`). Until fontkit
 * is loaded, a stand-in that loads the decoder on its first call takes its place in the module
 * cache (`require.cache` entries may be replaced, Node's documentation says).
 */
function deferWoff2Decoder(): void {
  let path: string;
  try {
    path = createRequire(requireHere.resolve('fontkit')).resolve('brotli/decompress.js');
  } catch {
    return;
  }
  const cache = requireHere.cache;
  if (cache[path] !== undefined) return;
  let decode: ((...args: unknown[]) => unknown) | undefined;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = (...args: unknown[]) => {
    if (decode === undefined) {
      delete cache[path];
      decode = requireHere(path) as (...args: unknown[]) => unknown;
    }
    return decode(...args);
  };
  cache[path] = standIn;
}

/** Parses a TTF, OTF, WOFF or WOFF2 file. */
export function openFontkitFont(data: Uint8Array): FontkitFont {
  return fontkit.create(isWoff(data) ? woffToSfnt(data) : data);
}

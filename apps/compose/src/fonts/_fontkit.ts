/**
 * fontkit, the font engine pdfkit embeds fonts with: compose declares the version range pdfkit
 * depends on, so measuring, SVG glyph outlines and the PDF all use the same engine. Only the
 * parts compose uses are typed here.
 * @internal
 */
import { createRequire, Module } from 'node:module';
import { inflateRawSync } from 'node:zlib';
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
let fontkit: FontkitModule | undefined;

/** fontkit, loaded on first use: lettering text measured before needs no font opened. */
function loadFontkit(): FontkitModule {
  if (fontkit === undefined) {
    substituteFontkitModules();
    fontkit = requireHere('fontkit') as FontkitModule;
  }
  return fontkit;
}

/**
 * Two of fontkit's modules are swapped for faster equivalents before fontkit loads, through the
 * module cache (`require.cache` entries may be replaced, Node's documentation says):
 * - its WOFF2 decoder (brotli, with a 750 kB dictionary: about 60 ms) loads on its first call,
 *   for a format the bundled fonts never use (they are WOFF, see `font-files.ts`);
 * - `tiny-inflate`, which inflates the Unicode tables of fontkit and `unicode-properties` in
 *   JavaScript as they load (about 25 ms), gives way to Node's zlib: same bytes, native speed.
 */
function substituteFontkitModules(): void {
  let fromFontkit: NodeJS.Require;
  try {
    fromFontkit = createRequire(requireHere.resolve('fontkit'));
  } catch {
    return;
  }
  substituteModule(fromFontkit, 'brotli/decompress.js', (path) => {
    let decode: ((...args: unknown[]) => unknown) | undefined;
    return (...args: unknown[]) => {
      if (decode === undefined) {
        delete requireHere.cache[path];
        decode = requireHere(path) as (...args: unknown[]) => unknown;
      }
      return decode(...args);
    };
  });
  substituteModule(fromFontkit, 'tiny-inflate', () => inflateRawInto);
  try {
    const fromTrie = createRequire(fromFontkit.resolve('unicode-trie'));
    substituteModule(fromTrie, 'tiny-inflate', () => inflateRawInto);
  } catch {
    // No separate copy of unicode-trie: nothing else to swap.
  }
}

/**
 * Puts `makeExports(path)` in the module cache where `from` resolves `specifier`, unless the
 * module cannot be found or is loaded already.
 */
function substituteModule(
  from: NodeJS.Require,
  specifier: string,
  makeExports: (path: string) => unknown,
): void {
  let path: string;
  try {
    path = from.resolve(specifier);
  } catch {
    return;
  }
  const cache = requireHere.cache;
  if (cache[path] !== undefined) return;
  const standIn = new Module(path);
  standIn.filename = path;
  standIn.loaded = true;
  standIn.exports = makeExports(path);
  cache[path] = standIn;
}

/**
 * `tiny-inflate`'s contract with zlib doing the work: inflates the raw DEFLATE stream `source`
 * into `dest` and returns `dest`, or a copy of its start when the stream is shorter.
 * @internal exported for its test
 */
export function inflateRawInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const inflated = inflateRawSync(source);
  if (inflated.byteLength >= dest.byteLength) {
    dest.set(inflated.subarray(0, dest.byteLength));
    return dest;
  }
  dest.set(inflated);
  return dest.slice(0, inflated.byteLength);
}

/** Parses a TTF, OTF, WOFF or WOFF2 file. */
export function openFontkitFont(data: Uint8Array): FontkitFont {
  return loadFontkit().create(isWoff(data) ? woffToSfnt(data) : data);
}

/**
 * What lettering measures of the bundled fonts, kept between runs: each font's metrics, which
 * characters it has, and the strings shaped with it. Laying out a script's lettering is mostly
 * loading fontkit and shaping words (about 0.2 s for the noir example); with the measures of an
 * earlier run, text already seen is set again without opening a font.
 *
 * Stored as `<cache>/fonts/measures-<identity>.json`, where the identity is a digest of the font
 * files (path, size) and the fontkit version: other fonts or another engine read other measures.
 * A file that cannot be read or makes no sense is ignored; writes are atomic, and a file that
 * grows past {@link MAX_SHAPED} shaped strings starts again empty.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BundledFont } from './font-files.js';

/** Vertical metrics of one font, in font units. */
export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  /** Negative: below the baseline. */
  descent: number;
  capHeight: number;
}

/** A string shaped in one font: glyphs with their positions, in font units. */
export interface ShapedText {
  /** Sum of the advances. */
  advanceWidth: number;
  glyphs: Array<{ id: number; xAdvance: number; xOffset: number; yOffset: number }>;
}

/** The measures of a font set, by font key. */
export interface FontMeasures {
  metrics: Map<string, FontMetrics>;
  /** Whether the font has a glyph, by code point. */
  glyphs: Map<string, Map<number, boolean>>;
  /** Shaped strings, by text. */
  shaped: Map<string, Map<string, ShapedText>>;
}

/** Bumped when what is stored, or how fonts are shaped, changes. */
const FORMAT = 'font-measures/1';

/** Past this many shaped strings the file starts again empty (a few megabytes at most). */
export const MAX_SHAPED = 50_000;

/** No measures yet. */
export function createFontMeasures(): FontMeasures {
  return { metrics: new Map(), glyphs: new Map(), shaped: new Map() };
}

/** Where the measures of `fonts` live under the cache folder `cacheDir`. */
export function fontMeasuresPath(cacheDir: string, fonts: readonly BundledFont[]): string {
  const identity = createHash('sha256').update(FORMAT).update(fontkitVersion());
  for (const font of fonts) {
    // A missing file is for fontkit to report, when (if ever) lettering needs that font.
    const size = statSync(font.path, { throwIfNoEntry: false })?.size ?? -1;
    identity.update(`\0${font.key}\0${font.path}\0${size}`);
  }
  return join(cacheDir, 'fonts', `measures-${identity.digest('hex').slice(0, 16)}.json`);
}

/** The measures stored at `path`; empty when there are none or they cannot be read. */
export function readFontMeasures(path: string): FontMeasures {
  try {
    return parseFontMeasures(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return createFontMeasures();
  }
}

/**
 * Stores `measures` at `path` atomically, or nothing when they have grown past
 * {@link MAX_SHAPED} shaped strings (the next run starts afresh) or the folder cannot be written:
 * the measures only save time.
 */
export async function writeFontMeasures(path: string, measures: FontMeasures): Promise<void> {
  let shapedCount = 0;
  for (const texts of measures.shaped.values()) shapedCount += texts.size;
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    if (shapedCount > MAX_SHAPED) {
      await rm(path, { force: true });
      return;
    }
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, JSON.stringify(serialise(measures)));
    await rename(temporary, path);
  } catch {
    await rm(temporary, { force: true }).catch(() => {});
  }
}

/** The stored form: arrays of entries (no object keys, so any text is a safe key). */
interface StoredMeasures {
  format: string;
  metrics: Array<[string, number, number, number, number]>;
  /** Per font: code points it has, then code points it lacks. */
  glyphs: Array<[string, number[], number[]]>;
  /** Per font: text, advance width, then id, x advance, x offset, y offset of each glyph. */
  shaped: Array<[string, Array<[string, number, ...number[]]>]>;
}

function serialise(measures: FontMeasures): StoredMeasures {
  return {
    format: FORMAT,
    metrics: [...measures.metrics].map(([key, m]) => [
      key,
      m.unitsPerEm,
      m.ascent,
      m.descent,
      m.capHeight,
    ]),
    glyphs: [...measures.glyphs].map(([key, glyphs]) => {
      const has: number[] = [];
      const lacks: number[] = [];
      for (const [codePoint, present] of glyphs) (present ? has : lacks).push(codePoint);
      return [key, has, lacks];
    }),
    shaped: [...measures.shaped].map(([key, texts]) => [
      key,
      [...texts].map(([text, shaped]): [string, number, ...number[]] => [
        text,
        shaped.advanceWidth,
        ...shaped.glyphs.flatMap((g) => [g.id, g.xAdvance, g.xOffset, g.yOffset]),
      ]),
    ]),
  };
}

/** Reads the stored form back; throws on anything malformed (the caller then starts empty). */
function parseFontMeasures(value: unknown): FontMeasures {
  const stored = value as StoredMeasures;
  if (stored?.format !== FORMAT) throw new Error('other format');
  const measures = createFontMeasures();
  for (const [key, unitsPerEm, ascent, descent, capHeight] of stored.metrics) {
    const metrics = { unitsPerEm, ascent, descent, capHeight };
    if (typeof key !== 'string' || !Object.values(metrics).every(Number.isFinite)) {
      throw new Error('bad metrics');
    }
    measures.metrics.set(key, metrics);
  }
  for (const [key, has, lacks] of stored.glyphs) {
    const glyphs = new Map<number, boolean>();
    for (const codePoint of has) glyphs.set(wholeNumber(codePoint), true);
    for (const codePoint of lacks) glyphs.set(wholeNumber(codePoint), false);
    measures.glyphs.set(String(key), glyphs);
  }
  for (const [key, entries] of stored.shaped) {
    const texts = new Map<string, ShapedText>();
    for (const [text, advanceWidth, ...numbers] of entries) {
      if (typeof text !== 'string' || !Number.isFinite(advanceWidth) || numbers.length % 4 !== 0) {
        throw new Error('bad shaped text');
      }
      const glyphs: ShapedText['glyphs'] = [];
      for (let i = 0; i < numbers.length; i += 4) {
        const [id, xAdvance, xOffset, yOffset] = numbers.slice(i, i + 4) as number[];
        glyphs.push({
          id: wholeNumber(id),
          xAdvance: finite(xAdvance),
          xOffset: finite(xOffset),
          yOffset: finite(yOffset),
        });
      }
      texts.set(text, { advanceWidth, glyphs });
    }
    measures.shaped.set(String(key), texts);
  }
  return measures;
}

function finite(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error('not a number');
  return value;
}

function wholeNumber(value: unknown): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) throw new Error('not a whole number');
  return value as number;
}

/** The installed fontkit's version: measures are only as good as the engine that took them. */
function fontkitVersion(): string {
  const main = createRequire(import.meta.url).resolve('fontkit');
  for (let dir = dirname(main); dir !== dirname(dir); dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (manifest.name === 'fontkit') return String(manifest.version);
    } catch {
      // Not the package root yet.
    }
  }
  return 'unknown';
}

import { readFileSync } from 'node:fs';
import { innerMap } from '../_maps.js';
import { type FontkitFont, openFontkitFont } from './_fontkit.js';
import {
  type BundledFont,
  fontFilesByKey,
  type LetteringFace,
  listFaceFonts,
} from './font-files.js';
import {
  createFontMeasures,
  type FontMeasures,
  type FontMetrics,
  type ShapedText,
} from './font-measures.js';

/** Vertical metrics of a face's primary font, in ems. */
export interface FaceMetrics {
  ascent: number;
  /** Negative: below the baseline. */
  descent: number;
  capHeight: number;
}

/**
 * The bundled fonts, opened on first use (the Noto Sans fallbacks are only parsed when a
 * character needs them). Create one per compose run and share it between pages; it caches parsed
 * fonts and glyph outlines, and records its measures (metrics, which font has which character,
 * shaped strings) in a `FontMeasures` that can be kept between runs (see `font-measures.ts`):
 * text measured before is set again without opening a font.
 */
export class FontSet {
  readonly #faces: Record<LetteringFace, BundledFont[]>;
  readonly #files: ReadonlyMap<string, BundledFont>;
  readonly #fonts = new Map<string, FontkitFont>();
  readonly #outlines = new Map<string, string>();
  readonly #fontKeys = new Map<LetteringFace, Map<number, string | undefined>>();
  readonly #measures: FontMeasures;
  #measured = 0;

  constructor(
    faces: Record<LetteringFace, BundledFont[]> = listFaceFonts(),
    measures: FontMeasures = createFontMeasures(),
  ) {
    this.#faces = faces;
    this.#measures = measures;
    this.#files = fontFilesByKey(faces);
  }

  /** Every font file of every face, each once. */
  files(): BundledFont[] {
    return [...this.#files.values()];
  }

  /** What this set has measured, with what it was given; `measured` counts what it added. */
  get measures(): FontMeasures {
    return this.#measures;
  }

  /** How many measures this set took from the fonts themselves (0: all were known). */
  get measured(): number {
    return this.#measured;
  }

  /** The font files of a face, primary first. */
  faceFonts(face: LetteringFace): readonly BundledFont[] {
    return this.#faces[face];
  }

  /** The bundled file behind a font key. Throws for an unknown key. */
  file(key: string): BundledFont {
    const file = this.#files.get(key);
    if (file === undefined) throw new Error(`Unknown font key ${key}`);
    return file;
  }

  /** The parsed font of a key, opened on first use. */
  font(key: string): FontkitFont {
    let font = this.#fonts.get(key);
    if (font === undefined) {
      font = openFontkitFont(readFileSync(this.file(key).path));
      this.#fonts.set(key, font);
    }
    return font;
  }

  /** Ascent, descent and cap height of the face's primary font, in ems. */
  metrics(face: LetteringFace): FaceMetrics {
    const { unitsPerEm: em, ascent, descent, capHeight } = this.#metricsOf(this.primaryKey(face));
    return { ascent: ascent / em, descent: descent / em, capHeight: capHeight / em };
  }

  /** Font units per em of a font. */
  unitsPerEm(key: string): number {
    return this.#metricsOf(key).unitsPerEm;
  }

  #metricsOf(key: string): FontMetrics {
    let metrics = this.#measures.metrics.get(key);
    if (metrics === undefined) {
      const { unitsPerEm, ascent, descent, capHeight } = this.font(key);
      metrics = { unitsPerEm, ascent, descent, capHeight };
      this.#measures.metrics.set(key, metrics);
      this.#measured += 1;
    }
    return metrics;
  }

  /** Key of the face's primary font. */
  primaryKey(face: LetteringFace): string {
    return (this.#faces[face][0] as BundledFont).key;
  }

  /**
   * The key of the first font of `face` with a glyph for `codePoint`, trying the comic face first
   * and then each fallback; `undefined` when no bundled font has it.
   */
  fontKeyFor(face: LetteringFace, codePoint: number): string | undefined {
    const keys = innerMap(this.#fontKeys, face);
    if (keys.has(codePoint)) return keys.get(codePoint);
    const key = this.#faces[face].find((file) => this.hasGlyph(file.key, codePoint))?.key;
    keys.set(codePoint, key);
    return key;
  }

  /** Whether the font of `key` has a glyph for `codePoint`, remembered. */
  hasGlyph(key: string, codePoint: number): boolean {
    const glyphs = innerMap(this.#measures.glyphs, key);
    let has = glyphs.get(codePoint);
    if (has === undefined) {
      has = this.font(key).hasGlyphForCodePoint(codePoint);
      glyphs.set(codePoint, has);
      this.#measured += 1;
    }
    return has;
  }

  /**
   * SVG path data of one glyph drawn at `sizePx` with its origin at `(x, y)` on a y-down canvas.
   */
  placedGlyphOutline(key: string, glyphId: number, sizePx: number, x: number, y: number): string {
    const font = this.font(key);
    const scale = sizePx / font.unitsPerEm;
    return font.getGlyph(glyphId).path.transform(scale, 0, 0, -scale, x, y).toSVG();
  }

  /**
   * `text` shaped in one font (kerning, ligatures), cached: lettering measures the same words
   * and lines many times while it wraps and shrinks text, and pages repeat words.
   */
  shape(key: string, text: string): ShapedText {
    const shapedTexts = innerMap(this.#measures.shaped, key);
    let shaped = shapedTexts.get(text);
    if (shaped === undefined) {
      const run = this.font(key).layout(text);
      shaped = {
        advanceWidth: run.advanceWidth,
        glyphs: run.glyphs.map((glyph, index) => {
          const position = run.positions[index];
          return {
            id: glyph.id,
            xAdvance: position?.xAdvance ?? glyph.advanceWidth,
            xOffset: position?.xOffset ?? 0,
            yOffset: position?.yOffset ?? 0,
          };
        }),
      };
      shapedTexts.set(text, shaped);
      this.#measured += 1;
    }
    return shaped;
  }

  /** SVG path data (font units, y up) of one glyph, cached. */
  glyphOutline(key: string, glyphId: number): string {
    const id = `${key}#${glyphId}`;
    let outline = this.#outlines.get(id);
    if (outline === undefined) {
      outline = this.font(key).getGlyph(glyphId).path.toSVG();
      this.#outlines.set(id, outline);
    }
    return outline;
  }
}

/** Creates the font set of the bundled fonts. */
export function createFontSet(): FontSet {
  return new FontSet();
}

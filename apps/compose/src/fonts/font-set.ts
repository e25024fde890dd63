import { readFileSync } from 'node:fs';
import { type FontkitFont, openFontkitFont } from './_fontkit.js';
import { type BundledFont, type LetteringFace, listFaceFonts } from './font-files.js';

/** Vertical metrics of a face's primary font, in ems. */
export interface FaceMetrics {
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

/**
 * The bundled fonts, opened on first use (the Noto Sans fallbacks are only parsed when a
 * character needs them). Create one per compose run and share it between pages; it caches parsed
 * fonts, the font of each character, glyph outlines and shaped strings, nothing else.
 */
export class FontSet {
  readonly #faces: Record<LetteringFace, BundledFont[]>;
  readonly #files = new Map<string, BundledFont>();
  readonly #fonts = new Map<string, FontkitFont>();
  readonly #outlines = new Map<string, string>();
  readonly #shaped = new Map<string, ShapedText>();
  readonly #fontKeys = new Map<LetteringFace, Map<number, string | undefined>>();
  readonly #glyphs = new Map<string, Map<number, boolean>>();

  constructor(faces: Record<LetteringFace, BundledFont[]> = listFaceFonts()) {
    this.#faces = faces;
    for (const list of Object.values(faces)) {
      for (const file of list) this.#files.set(file.key, file);
    }
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
    const primary = this.font(this.primaryKey(face));
    const em = primary.unitsPerEm;
    return {
      ascent: primary.ascent / em,
      descent: primary.descent / em,
      capHeight: primary.capHeight / em,
    };
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
    let keys = this.#fontKeys.get(face);
    if (keys === undefined) {
      keys = new Map();
      this.#fontKeys.set(face, keys);
    }
    if (keys.has(codePoint)) return keys.get(codePoint);
    const key = this.#faces[face].find((file) => this.hasGlyph(file.key, codePoint))?.key;
    keys.set(codePoint, key);
    return key;
  }

  /** Whether the font of `key` has a glyph for `codePoint`, remembered. */
  hasGlyph(key: string, codePoint: number): boolean {
    let glyphs = this.#glyphs.get(key);
    if (glyphs === undefined) {
      glyphs = new Map();
      this.#glyphs.set(key, glyphs);
    }
    let has = glyphs.get(codePoint);
    if (has === undefined) {
      has = this.font(key).hasGlyphForCodePoint(codePoint);
      glyphs.set(codePoint, has);
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
    const id = `${key}\u0000${text}`;
    let shaped = this.#shaped.get(id);
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
      this.#shaped.set(id, shaped);
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

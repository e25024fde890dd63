import { innerMap } from '../_maps.js';
import { type LetteringPlace, MissingGlyphError } from '../errors.js';
import type { LetteringFace } from '../fonts/font-files.js';
import type { FontSet } from '../fonts/font-set.js';
import type { GlyphRun } from './types.js';

/** A stretch of text drawn in one font. */
export interface TextSegment {
  fontKey: string;
  text: string;
}

/** Lines of text set at one size, not yet placed on the page. */
export interface TextBlock {
  face: LetteringFace;
  sizePx: number;
  lineHeightPx: number;
  lines: Array<{ text: string; width: number }>;
  /** Widest line. */
  width: number;
  /** From the cap height of the first line to below the descenders of the last. */
  height: number;
  /** Distance from the block top to the first baseline (the cap height). */
  firstBaseline: number;
}

/** How lines are aligned inside their block. */
export type TextAlign = 'left' | 'center';

/** Line spacing, in ems. */
const LINE_HEIGHT_EM: Record<LetteringFace, number> = {
  dialogue: 1.12,
  'dialogue-bold': 1.12,
  'dialogue-italic': 1.12,
  display: 1.0,
};

/** Room kept below the last baseline for descenders, in ems. */
const DESCENDER_EM = 0.2;

/** A combining mark. */
const MARK = /^\p{M}$/u;

/** Code points dropped before lettering: variation selectors and zero-width joiners. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]|\p{Variation_Selector}/gu;

/**
 * Prepares script text for lettering: NFC, `\r\n` → `\n`, tabs and other spaces → one space,
 * other control characters and invisible selectors removed, spaces trimmed around line breaks.
 * @example normaliseText('Ça ne m’étonne pas…\n\tÇa n’arrive jamais.') // 'Ça ne m’étonne pas…\nÇa n’arrive jamais.'
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '')
    .split('\n')
    .map((line) => line.replace(/ +/g, ' ').trim())
    .join('\n')
    .trim();
}

/**
 * Sets text with the bundled fonts: splits it into single-font segments (comic face first, then
 * the fallbacks), measures with fontkit, wraps and shapes. One setter per page: it caches widths.
 */
export class TextSetter {
  readonly fonts: FontSet;
  /** Widths in ems, by face and text. */
  readonly #widths = new Map<LetteringFace, Map<string, number>>();

  constructor(fonts: FontSet) {
    this.fonts = fonts;
  }

  /**
   * Splits `text` (one line) into segments of one font each. Spaces and combining marks stay in
   * the current font when it has them. Throws a `MissingGlyphError` naming the first character no
   * bundled font of the face can draw.
   */
  segment(face: LetteringFace, text: string, place: LetteringPlace, line = text): TextSegment[] {
    const segments: TextSegment[] = [];
    let current: TextSegment | undefined;
    for (const char of text) {
      const codePoint = char.codePointAt(0) as number;
      const fontKey = this.fonts.fontKeyFor(face, codePoint);
      if (
        current !== undefined &&
        (current.fontKey === fontKey ||
          ((char === ' ' || MARK.test(char)) && this.fonts.hasGlyph(current.fontKey, codePoint)))
      ) {
        current.text += char;
        continue;
      }
      if (fontKey === undefined) throw new MissingGlyphError(place, line, codePoint);
      current = { fontKey, text: char };
      segments.push(current);
    }
    return segments;
  }

  /** Width of one line of text at `sizePx`, in pixels. */
  measure(face: LetteringFace, text: string, sizePx: number, place: LetteringPlace): number {
    const widths = innerMap(this.#widths, face);
    let ems = widths.get(text);
    if (ems === undefined) {
      ems = 0;
      for (const segment of this.segment(face, text, place)) {
        const unitsPerEm = this.fonts.unitsPerEm(segment.fontKey);
        ems += this.fonts.shape(segment.fontKey, segment.text).advanceWidth / unitsPerEm;
      }
      widths.set(text, ems);
    }
    return ems * sizePx;
  }

  /** Line height of a face at a size, in pixels. */
  lineHeight(face: LetteringFace, sizePx: number): number {
    return LINE_HEIGHT_EM[face] * sizePx;
  }

  /**
   * Breaks text into lines no wider than `maxWidth` (greedy, at spaces; `\n` forces a break),
   * then keeps a paragraph from ending in one word alone where a better break exists.
   * Candidate lines are measured as their words plus spaces (each word shaped once), the kerning
   * between words being negligible. Returns `undefined` when a single word is wider than
   * `maxWidth`.
   */
  wrap(
    face: LetteringFace,
    text: string,
    sizePx: number,
    maxWidth: number,
    place: LetteringPlace,
  ): string[] | undefined {
    const space = this.measure(face, ' ', sizePx, place);
    const lines: string[] = [];
    for (const paragraph of text.split('\n')) {
      const start = lines.length;
      let line = '';
      let width = 0;
      for (const word of paragraph.split(' ')) {
        if (word === '') continue;
        const wordWidth = this.measure(face, word, sizePx, place);
        if (wordWidth > maxWidth) return undefined;
        if (line === '') {
          line = word;
          width = wordWidth;
        } else if (width + space + wordWidth <= maxWidth) {
          line += ` ${word}`;
          width += space + wordWidth;
        } else {
          lines.push(line);
          line = word;
          width = wordWidth;
        }
      }
      lines.push(line);
      this.#avoidLoneLastWord(lines, start, face, sizePx, maxWidth, place);
    }
    return lines;
  }

  /**
   * Letterers avoid a paragraph ending in one word alone: when its line above has three words or
   * more, that line's last word comes down to join it, if the two still fit in `maxWidth`.
   */
  #avoidLoneLastWord(
    lines: string[],
    start: number,
    face: LetteringFace,
    sizePx: number,
    maxWidth: number,
    place: LetteringPlace,
  ): void {
    const last = lines.length - 1;
    if (last - 1 < start) return;
    const lastLine = lines[last] as string;
    const above = (lines[last - 1] as string).split(' ');
    if (lastLine.includes(' ') || above.length < 3) return;
    const joined = `${above.at(-1)} ${lastLine}`;
    if (this.measure(face, joined, sizePx, place) > maxWidth) return;
    lines[last - 1] = above.slice(0, -1).join(' ');
    lines[last] = joined;
  }

  /**
   * Wraps like {@link wrap}, then narrows the width as far as the line count allows, so lines come
   * out of similar length (the shape balloons want).
   */
  wrapBalanced(
    face: LetteringFace,
    text: string,
    sizePx: number,
    maxWidth: number,
    place: LetteringPlace,
  ): string[] | undefined {
    const lines = this.wrap(face, text, sizePx, maxWidth, place);
    if (lines === undefined || lines.length < 2) return lines;
    let low = 0;
    for (const word of text.split(/[ \n]/)) {
      if (word !== '') low = Math.max(low, this.measure(face, word, sizePx, place));
    }
    let high = maxWidth;
    let best = lines;
    for (let step = 0; step < 12 && high - low > 0.5; step += 1) {
      const middle = (low + high) / 2;
      const attempt = this.wrap(face, text, sizePx, middle, place);
      if (attempt !== undefined && attempt.length <= lines.length) {
        best = attempt;
        high = middle;
      } else {
        low = middle;
      }
    }
    return best;
  }

  /** Measures wrapped lines into a block. */
  block(face: LetteringFace, lines: string[], sizePx: number, place: LetteringPlace): TextBlock {
    const metrics = this.fonts.metrics(face);
    const lineHeightPx = this.lineHeight(face, sizePx);
    const measured = lines.map((text) => ({
      text,
      width: this.measure(face, text, sizePx, place),
    }));
    const firstBaseline = metrics.capHeight * sizePx;
    return {
      face,
      sizePx,
      lineHeightPx,
      lines: measured,
      width: Math.max(0, ...measured.map((line) => line.width)),
      height: firstBaseline + (lines.length - 1) * lineHeightPx + DESCENDER_EM * sizePx,
      firstBaseline,
    };
  }

  /**
   * Shapes a block placed with its top-left corner at `(left, top)` into glyph runs (page
   * pixels). Centred lines are centred on the block's width.
   */
  place(
    block: TextBlock,
    left: number,
    top: number,
    align: TextAlign,
    place: LetteringPlace,
  ): GlyphRun[] {
    const runs: GlyphRun[] = [];
    block.lines.forEach((line, index) => {
      let x = left + (align === 'center' ? (block.width - line.width) / 2 : 0);
      const y = top + block.firstBaseline + index * block.lineHeightPx;
      for (const segment of this.segment(block.face, line.text, place)) {
        const run = this.shape(segment, block.sizePx, x, y);
        runs.push(run);
        x += run.width;
      }
    });
    return runs;
  }

  /** Shapes one segment with its baseline starting at `(x, y)`. */
  shape(segment: TextSegment, sizePx: number, x: number, y: number): GlyphRun {
    const scale = sizePx / this.fonts.unitsPerEm(segment.fontKey);
    let pen = 0;
    const glyphs = this.fonts.shape(segment.fontKey, segment.text).glyphs.map((glyph) => {
      const placed = { id: glyph.id, x: pen + glyph.xOffset * scale, y: -glyph.yOffset * scale };
      pen += glyph.xAdvance * scale;
      return placed;
    });
    return { fontKey: segment.fontKey, text: segment.text, sizePx, x, y, width: pen, glyphs };
  }
}

import type { Rect } from 'storyboard';

/** One glyph of a run, relative to the run's origin (its baseline start), in canvas pixels. */
export interface PositionedGlyph {
  /** Glyph id in the run's font. */
  id: number;
  x: number;
  y: number;
}

/** Text in one font on one baseline, ready to draw. Coordinates are canvas pixels (y down). */
export interface GlyphRun {
  /** Font key (see `FontSet`); also the pdfkit font name. */
  fontKey: string;
  /** The characters, for the PDF text layer (selectable, searchable). */
  text: string;
  /** Font size in canvas pixels. */
  sizePx: number;
  /** Start of the baseline. */
  x: number;
  y: number;
  /** Advance width in pixels. */
  width: number;
  glyphs: PositionedGlyph[];
}

/**
 * Closed outlines drawn with one style, as SVG path data in canvas pixels. Drawn as: every path
 * stroked at twice `strokeWidth`, then every path filled, so touching parts (a balloon and its
 * tail) merge into one outline `strokeWidth` wide.
 */
export interface ShapeGroup {
  paths: string[];
  fill: string;
  /** Outline colour, or `null` for none. */
  stroke: string | null;
  /** Visible outline width in pixels. */
  strokeWidth: number;
  /** Dash pattern `[on, off]` in pixels, for whispers. */
  dash?: [number, number];
}

/** How a text run is painted. */
export interface TextPaint {
  fill: string;
  /** An outline drawn behind the letters (sound effects, titles). */
  outline?: { color: string; width: number };
}

/** What a lettering item is. */
export type LetteringKind =
  | 'caption'
  | 'speech'
  | 'thought'
  | 'whisper'
  | 'shout'
  | 'sfx'
  | 'title';

/** One caption, balloon, sound effect or title, fully positioned. */
export interface LetteringItem {
  kind: LetteringKind;
  /** Panel id (`cover` for the cover). */
  panel: string;
  /** The rectangle the item belongs to (a panel's image rectangle); it never leaves it. */
  region: Rect;
  /** Axis-aligned bounds of everything drawn (outlines and rotation included), in pixels. */
  bounds: Rect;
  /**
   * Bounds of the item without its tail: the box placement keeps clear of other lettering and of
   * busy art. Equal to `bounds` for items without a tail.
   */
  body: Rect;
  /** A balloon's tail: where it leaves the balloon, its tip, and the speaker it is aimed at. */
  tail?: {
    base: { x: number; y: number };
    tip: { x: number; y: number };
    speaker: { x: number; y: number };
  };
  /** Rotation in degrees (clockwise) about `(cx, cy)`, for sound effects. */
  rotate?: { degrees: number; cx: number; cy: number };
  shapes: ShapeGroup[];
  runs: GlyphRun[];
  paint: TextPaint;
}

/** Something placement could not do as it should, named by panel. */
export interface LetteringWarning {
  /** `covers-art`: no quiet room, so lettering covers busy art; `collision`: two items overlap. */
  kind: 'covers-art' | 'collision';
  /** 1-based page number, or `'cover'`. */
  page: number | 'cover';
  panel: string;
  message: string;
}

/** The lettering of one page, computed once and drawn twice (SVG overlay and PDF). */
export interface LetteringLayout {
  /** Canvas size the coordinates refer to. */
  canvas: { widthPx: number; heightPx: number };
  dpi: number;
  /**
   * Items panel by panel, each panel's in reading order (the PDF's text follows it); they do
   * not overlap, so this is also the drawing order.
   */
  items: LetteringItem[];
  /** Whether the pictures were looked at (`false`: laid out before they exist). */
  artAware: boolean;
  warnings: LetteringWarning[];
}

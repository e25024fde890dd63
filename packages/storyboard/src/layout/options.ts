import type { CustomGrid } from './grid.js';
import type { PageSpec } from './page-size.js';
import type { ReadingDirection } from './reading-order.js';
import type { LayoutTemplateName } from './templates.js';
import type { Length, LengthUnit } from './units.js';

/** Margins per side, measured inwards from the trim edge. A side left out takes the default. */
export interface Margins {
  top?: Length;
  right?: Length;
  bottom?: Length;
  left?: Length;
}

/** Gutters between panels. One left out takes the default. */
export interface Gutters {
  /** Horizontal gap between side-by-side panels (between columns). */
  x?: Length;
  /** Vertical gap between stacked panels (between rows). */
  y?: Length;
}

/** The frame drawn around each panel, inside its cell. */
export interface BorderOptions {
  /**
   * Line width; the panel image is the cell shrunk by this on every side. `0` for no border.
   * @default '0.02in' (6 px at 300 dpi)
   */
  width?: Length;
  /**
   * Any colour the renderer understands; passed through untouched.
   * @default '#000000'
   */
  color?: string;
}

/**
 * Everything that decides where panels go on a page. With no options at all: a US comic page at
 * 300 dpi, panel borders on the 6 × 9.5 in live area (94 × 113 px margins), 38 px gutters, 6 px
 * borders, a 2 × 3 grid, no bleed.
 */
export interface PageGeometryOptions {
  /**
   * Trim size: a preset name or `{ width, height, unit }`.
   * @default 'us-comic'
   */
  page?: PageSpec;
  /**
   * Resolution of the page canvas in pixels per inch.
   * @default 300
   */
  dpi?: number;
  /**
   * Whether the page is for print: the default bleed becomes the page's print profile's
   * (`PRINT_PROFILES`: 0.125 in for US sizes, 3 mm for `manga-b5` and `a4`).
   * @default false
   */
  print?: boolean;
  /**
   * Bleed in inches, added on every side of the trim (the canvas is the bleed box).
   * @default the print profile's bleed when `print`, else 0
   */
  bleedIn?: number;
  /**
   * Safe (live) inset from the trim edge: lettering and panel borders stay inside it.
   * @default the print profile's (`PRINT_PROFILES`: 0.25 in for US sizes, 5 mm for `manga-b5`, `a4`)
   */
  safe?: Length;
  /**
   * Per slot in reading order, whether the panel bleeds: its art runs past its border to the
   * bleed edge on every side where it touches the edge of the panel area. Slots left out do not
   * bleed, except on a page with a single slot (a splash), which bleeds unless `[false]` is given.
   * @default [] (only a splash bleeds)
   */
  bleeds?: readonly boolean[];
  /**
   * Unit of bare numbers in `margins`, `gutters` and `border.width` (strings carry their own).
   * @default 'mm'
   * @example 'px' // with margins: 36, gutters: 24, border: { width: 6 }
   */
  unit?: LengthUnit;
  /**
   * Margins from the trim edge to the panel area, one length for all sides or one per side. They
   * are given for left-to-right pages; `rtl` mirrors them with the rest of the page. Margins
   * smaller than the safe inset put panel borders outside the safe area; the defaults never do.
   * @default the print profile's margins (`PRINT_PROFILES`; 0.3125 × 0.375 in for `us-comic`)
   */
  margins?: Length | Margins;
  /**
   * Gaps between panels, one length for both directions or `{ x, y }`.
   * @default '0.125in' (38 px at 300 dpi)
   */
  gutters?: Length | Gutters;
  /** Panel frame. */
  border?: BorderOptions;
  /**
   * Page colour, passed through untouched.
   * @default '#ffffff'
   */
  background?: string;
  /**
   * A built-in layout. Give `template` or `grid`, not both.
   * @default 'grid-2x3' (when neither is given)
   */
  template?: LayoutTemplateName;
  /** A custom layout instead of a template. */
  grid?: CustomGrid;
  /**
   * Reading direction; `rtl` mirrors the page and orders panels right to left.
   * @default 'ltr'
   */
  direction?: ReadingDirection;
}

/**
 * Bleed of the US print profiles, in inches. A page's own print bleed is in its print profile
 * (`findPrintProfile(page).bleedIn`), which `print: true` uses.
 */
export const PRINT_BLEED_IN = 0.125;

/** The values used for options left out; margins, safe inset and print bleed come from the page's print profile. */
export const DEFAULT_PAGE_GEOMETRY = Object.freeze({
  page: 'us-comic',
  dpi: 300,
  unit: 'mm',
  gutter: '0.125in',
  borderWidth: '0.02in',
  borderColor: '#000000',
  background: '#ffffff',
  template: 'grid-2x3',
  direction: 'ltr',
} as const);

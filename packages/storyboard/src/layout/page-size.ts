import { failLayout } from './errors.js';
import { assertDpi, DEFAULT_DPI, MM_PER_INCH, POINTS_PER_INCH, toInches } from './units.js';

/** Names of the built-in trim sizes, e.g. for a schema enum. */
export const PAGE_PRESET_NAMES = ['us-comic', 'manga-b5', 'a4', 'us-letter', 'square'] as const;

/** A built-in trim size. */
export type PagePreset = (typeof PAGE_PRESET_NAMES)[number];

/** Physical units a page size can be given in. */
export type PageUnit = 'mm' | 'in';

/**
 * A trim size (the finished page, without bleed), portrait or landscape as given.
 * @example { width: 180, height: 260, unit: 'mm' }
 */
export interface CustomPageSize {
  width: number;
  height: number;
  unit: PageUnit;
}

/** A page: a preset name or a custom trim size. */
export type PageSpec = PagePreset | CustomPageSize;

/** A preset's trim size and what it is for. */
export interface PagePresetInfo extends CustomPageSize {
  description: string;
}

/** The trim size of every preset. */
export const PAGE_PRESETS: Readonly<Record<PagePreset, Readonly<PagePresetInfo>>> = Object.freeze({
  'us-comic': {
    width: 6.625,
    height: 10.25,
    unit: 'in',
    description: 'US comic book, 6.625 × 10.25 in',
  },
  'manga-b5': {
    width: 182,
    height: 257,
    unit: 'mm',
    description: 'Manga magazine, JIS B5 182 × 257 mm',
  },
  a4: { width: 210, height: 297, unit: 'mm', description: 'ISO A4, 210 × 297 mm' },
  'us-letter': { width: 8.5, height: 11, unit: 'in', description: 'US Letter, 8.5 × 11 in' },
  square: { width: 8, height: 8, unit: 'in', description: 'Square album, 8 × 8 in' },
});

/** A trim size in every unit the pipeline needs. */
export interface PageSize {
  widthIn: number;
  heightIn: number;
  widthMm: number;
  heightMm: number;
  /** Unrounded points (1/72 in) from the physical size, for the PDF. */
  widthPt: number;
  heightPt: number;
  /** Whole pixels: `Math.round(inches × dpi)`. */
  widthPx: number;
  heightPx: number;
  dpi: number;
}

/** Largest trim side accepted, in inches (a sanity limit). */
const MAX_SIDE_IN = 100;

/**
 * Resolves a preset or custom trim size at `dpi`. Points come from the physical size, pixels are
 * `Math.round(inches × dpi)`.
 * @example resolvePageSize('a4') // { widthPx: 2480, heightPx: 3508, widthPt: 595.27…, heightPt: 841.88…, … }
 * @example resolvePageSize({ width: 180, height: 260, unit: 'mm' }, 600)
 */
export function resolvePageSize(spec: PageSpec, dpi: number = DEFAULT_DPI): PageSize {
  assertDpi(dpi);
  const size = typeof spec === 'string' ? findPreset(spec) : checkCustomSize(spec);
  const widthIn = toInches(size.width, size.unit);
  const heightIn = toInches(size.height, size.unit);
  return {
    widthIn,
    heightIn,
    widthMm: size.unit === 'mm' ? size.width : widthIn * MM_PER_INCH,
    heightMm: size.unit === 'mm' ? size.height : heightIn * MM_PER_INCH,
    widthPt: widthIn * POINTS_PER_INCH,
    heightPt: heightIn * POINTS_PER_INCH,
    widthPx: Math.round(widthIn * dpi),
    heightPx: Math.round(heightIn * dpi),
    dpi,
  };
}

function findPreset(name: string): CustomPageSize {
  if (!Object.hasOwn(PAGE_PRESETS, name)) {
    failLayout(
      'page',
      `is not a known preset (got ${JSON.stringify(name)}; expected one of ${PAGE_PRESET_NAMES.join(', ')})`,
    );
  }
  return PAGE_PRESETS[name as PagePreset];
}

function checkCustomSize(spec: CustomPageSize): CustomPageSize {
  if (typeof spec !== 'object' || spec === null) {
    failLayout('page', 'must be a preset name or { width, height, unit }');
  }
  if (spec.unit !== 'mm' && spec.unit !== 'in') {
    failLayout('page.unit', `must be 'mm' or 'in' (got ${JSON.stringify(spec.unit)})`);
  }
  for (const side of ['width', 'height'] as const) {
    const value = spec[side];
    const inches = toInches(value, spec.unit);
    if (
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      value <= 0 ||
      inches > MAX_SIDE_IN
    ) {
      failLayout(
        `page.${side}`,
        `must be a positive number no larger than ${MAX_SIDE_IN} in (got ${String(value)})`,
      );
    }
  }
  return spec;
}

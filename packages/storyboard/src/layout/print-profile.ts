import type { PagePreset, PageSpec } from './page-size.js';

/**
 * What a printer asks of a page: how far the art must run past the trim (bleed), how far inside
 * the trim everything that must not be cut stays (the safe or live area: lettering, panel
 * borders), and where panel borders go by default (never outside the safe area).
 */
export interface PrintProfile {
  /** Bleed asked for on every side of the trim, in inches. */
  bleedIn: number;
  /** Safe inset from the trim edge on every side, in inches. */
  safeIn: number;
  /** Default margin from the trim edge to the panel borders, in inches: `{x, y}`, at least `safeIn`. */
  marginIn: { x: number; y: number };
  /** Where the figures come from. */
  source: string;
}

const MM = 1 / 25.4;

/**
 * The print profile of every preset, plus `custom` for a page given by its size. The figures are
 * the conventions of common printers' templates as we know them; they were written from memory,
 * not checked against a current template, so a book going to a particular printer should set
 * `page.bleed` and `page.safe` from that printer's own template.
 *
 * - `us-comic`: US comic-book printers (Diamond-era standard, Ka-Blam, Mixam, PrintNinja comic
 *   templates) ask 0.125 in of bleed beyond the 6.625 × 10.25 in trim and keep live matter at
 *   least 0.25 in inside the trim; panel borders follow the 6 × 9.5 in live area of standard US
 *   comic art boards, centred on the trim (0.3125 in at the sides, 0.375 in at top and bottom), so
 *   a trim that drifts by 1/16 in still leaves even-looking borders.
 * - `manga-b5`: Japanese doujinshi and manga printers ask 3 mm of bleed (塗り足し) beyond the JIS
 *   B5 trim and text at least 5 mm inside it; panel borders follow the inner frame (基本枠) of
 *   standard B5 manga manuscript paper, 150 × 220 mm, centred on the trim.
 * - `a4`: European printers ask 3 mm of bleed and a 5 mm safety margin inside the trim.
 * - `us-letter`, `square`, `custom`: the US convention, 0.125 in of bleed and 0.25 in of safety
 *   margin, which also satisfies the metric printers' 3 mm and 5 mm.
 */
export const PRINT_PROFILES: Readonly<Record<PagePreset | 'custom', Readonly<PrintProfile>>> =
  Object.freeze({
    'us-comic': {
      bleedIn: 0.125,
      safeIn: 0.25,
      marginIn: { x: 0.3125, y: 0.375 },
      source:
        'US comic printer templates: 0.125 in bleed, live matter 0.25 in inside the trim; panels on the 6 × 9.5 in art-board live area',
    },
    'manga-b5': {
      bleedIn: 3 * MM,
      safeIn: 5 * MM,
      marginIn: { x: 16 * MM, y: 18.5 * MM },
      source:
        'Japanese manga/doujinshi printers: 3 mm bleed, text 5 mm inside the trim; panels on the 150 × 220 mm inner frame of B5 manuscript paper',
    },
    a4: {
      bleedIn: 3 * MM,
      safeIn: 5 * MM,
      marginIn: { x: 5 * MM, y: 5 * MM },
      source: 'European printer templates: 3 mm bleed, 5 mm safety margin inside the trim',
    },
    'us-letter': {
      bleedIn: 0.125,
      safeIn: 0.25,
      marginIn: { x: 0.25, y: 0.25 },
      source: 'US printer templates: 0.125 in bleed, 0.25 in safety margin',
    },
    square: {
      bleedIn: 0.125,
      safeIn: 0.25,
      marginIn: { x: 0.25, y: 0.25 },
      source: 'US printer templates: 0.125 in bleed, 0.25 in safety margin',
    },
    custom: {
      bleedIn: 0.125,
      safeIn: 0.25,
      marginIn: { x: 0.25, y: 0.25 },
      source: 'US printer templates: 0.125 in bleed, 0.25 in safety margin',
    },
  });

/**
 * The print profile of a page: its preset's, or `custom` for a page given by its size.
 * @example findPrintProfile('manga-b5').bleedIn // 0.1181… (3 mm)
 */
export function findPrintProfile(page: PageSpec): PrintProfile {
  if (typeof page === 'string' && Object.hasOwn(PRINT_PROFILES, page)) return PRINT_PROFILES[page];
  return PRINT_PROFILES.custom;
}

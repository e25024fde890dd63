import { failLayout } from './errors.js';
import { type NormalizedGrid, normalizeGrid } from './grid.js';
import { DEFAULT_PAGE_GEOMETRY, type PageGeometryOptions } from './options.js';
import { type PageSize, resolvePageSize } from './page-size.js';
import { findPrintProfile, type PrintProfile } from './print-profile.js';
import type { ReadingDirection } from './reading-order.js';
import { getTemplate, type LayoutTemplateName } from './templates.js';
import { LENGTH_UNITS, type Length, parseLength, toPixels } from './units.js';

/** Options with defaults applied and every length in whole pixels. */
export interface ResolvedGeometry {
  page: PageSize;
  dpi: number;
  bleedIn: number;
  bleedPx: number;
  /** The print profile of the page (its preset's, or `custom`). */
  profile: PrintProfile;
  /** Safe inset from the trim edge, in inches and in whole pixels. */
  safeIn: number;
  safePx: number;
  /** Per slot in reading order, whether the panel bleeds (after the splash default). */
  bleeds: readonly boolean[];
  margins: { top: number; right: number; bottom: number; left: number };
  gutterX: number;
  gutterY: number;
  borderPx: number;
  borderColor: string;
  background: string;
  template: LayoutTemplateName | 'custom';
  grid: NormalizedGrid;
  direction: ReadingDirection;
}

/** Largest bleed accepted, in inches (a sanity limit). */
const MAX_BLEED_IN = 1;

/** Applies defaults, checks every option and converts lengths to pixels (`Math.round`). */
export function resolveGeometry(options: PageGeometryOptions): ResolvedGeometry {
  const defaults = DEFAULT_PAGE_GEOMETRY;
  const dpi = options.dpi ?? defaults.dpi;
  const pageSpec = options.page ?? defaults.page;
  const page = resolvePageSize(pageSpec, dpi);
  const profile = findPrintProfile(pageSpec);
  const unit = options.unit ?? defaults.unit;
  if (!LENGTH_UNITS.includes(unit)) {
    failLayout('unit', `must be one of ${LENGTH_UNITS.join(', ')} (got ${JSON.stringify(unit)})`);
  }
  const bleedIn = options.bleedIn ?? (options.print === true ? profile.bleedIn : 0);
  if (
    typeof bleedIn !== 'number' ||
    !Number.isFinite(bleedIn) ||
    bleedIn < 0 ||
    bleedIn > MAX_BLEED_IN
  ) {
    failLayout(
      'bleedIn',
      `must be a number of inches from 0 to ${MAX_BLEED_IN} (got ${String(bleedIn)})`,
    );
  }
  const px = (length: Length, path: string): number => {
    const { value, unit: lengthUnit } = parseLength(length, unit, path);
    return toPixels(value, lengthUnit, dpi);
  };
  const safeIn = options.safe === undefined ? profile.safeIn : px(options.safe, 'safe') / dpi;
  if (safeIn * 2 >= Math.min(page.widthIn, page.heightIn)) {
    failLayout('safe', `leaves no safe area on a ${page.widthPx} × ${page.heightPx} px page`);
  }
  // Default margins never put a panel border outside the safe area, whatever `safe` says.
  const marginX = `${Math.max(profile.marginIn.x, safeIn)}in`;
  const marginY = `${Math.max(profile.marginIn.y, safeIn)}in`;
  const margins = options.margins;
  const sides =
    margins === undefined
      ? { top: marginY, right: marginX, bottom: marginY, left: marginX }
      : typeof margins === 'object' && margins !== null
        ? margins
        : { top: margins, right: margins, bottom: margins, left: margins };
  const gutters = options.gutters ?? defaults.gutter;
  const gaps =
    typeof gutters === 'object' && gutters !== null ? gutters : { x: gutters, y: gutters };
  const direction = options.direction ?? defaults.direction;
  if (direction !== 'ltr' && direction !== 'rtl') {
    failLayout('direction', `must be 'ltr' or 'rtl' (got ${JSON.stringify(direction)})`);
  }
  const chosen = chooseGrid(options);
  return {
    page,
    dpi,
    bleedIn,
    bleedPx: Math.round(bleedIn * dpi),
    profile,
    safeIn,
    safePx: Math.round(safeIn * dpi),
    bleeds: resolveBleeds(options.bleeds, chosen.grid.areas.length),
    margins: {
      top: px(sides.top ?? marginY, 'margins.top'),
      right: px(sides.right ?? marginX, 'margins.right'),
      bottom: px(sides.bottom ?? marginY, 'margins.bottom'),
      left: px(sides.left ?? marginX, 'margins.left'),
    },
    gutterX: px(gaps.x ?? defaults.gutter, 'gutters.x'),
    gutterY: px(gaps.y ?? defaults.gutter, 'gutters.y'),
    borderPx: px(options.border?.width ?? defaults.borderWidth, 'border.width'),
    borderColor: options.border?.color ?? defaults.borderColor,
    background: options.background ?? defaults.background,
    ...chosen,
    direction,
  };
}

function chooseGrid(options: PageGeometryOptions): Pick<ResolvedGeometry, 'template' | 'grid'> {
  if (options.template !== undefined && options.grid !== undefined) {
    failLayout('template', 'cannot be given together with grid; choose one');
  }
  if (options.grid !== undefined) return { template: 'custom', grid: normalizeGrid(options.grid) };
  const template = getTemplate(options.template ?? DEFAULT_PAGE_GEOMETRY.template);
  return { template: template.name, grid: normalizeGrid(template.grid) };
}

/** Which slots bleed: as given, the rest not, except the only slot of a splash page. */
function resolveBleeds(bleeds: readonly boolean[] | undefined, slotCount: number): boolean[] {
  if (bleeds !== undefined && !Array.isArray(bleeds)) {
    failLayout('bleeds', 'must be a list of true or false, one per slot in reading order');
  }
  const given = bleeds ?? [];
  if (given.length > slotCount) {
    failLayout('bleeds', `lists ${given.length} slots but the layout has ${slotCount}`);
  }
  return Array.from({ length: slotCount }, (_, slot) => {
    const value = given[slot];
    if (value !== undefined && typeof value !== 'boolean') {
      failLayout(`bleeds[${slot}]`, `must be true or false (got ${JSON.stringify(value)})`);
    }
    return value ?? slotCount === 1;
  });
}

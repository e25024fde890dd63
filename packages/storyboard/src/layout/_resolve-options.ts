import { failLayout } from './errors.js';
import { type NormalizedGrid, normalizeGrid } from './grid.js';
import { DEFAULT_PAGE_GEOMETRY, type PageGeometryOptions, PRINT_BLEED_IN } from './options.js';
import { type PageSize, resolvePageSize } from './page-size.js';
import type { ReadingDirection } from './reading-order.js';
import { getTemplate, type LayoutTemplateName } from './templates.js';
import { LENGTH_UNITS, type Length, parseLength, toPixels } from './units.js';

/** Options with defaults applied and every length in whole pixels. */
export interface ResolvedGeometry {
  page: PageSize;
  dpi: number;
  bleedIn: number;
  bleedPx: number;
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
  const page = resolvePageSize(options.page ?? defaults.page, dpi);
  const unit = options.unit ?? defaults.unit;
  if (!LENGTH_UNITS.includes(unit)) {
    failLayout('unit', `must be one of ${LENGTH_UNITS.join(', ')} (got ${JSON.stringify(unit)})`);
  }
  const bleedIn = options.bleedIn ?? (options.print === true ? PRINT_BLEED_IN : 0);
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
  const margins = options.margins ?? defaults.margin;
  const sides =
    typeof margins === 'object' && margins !== null
      ? margins
      : { top: margins, right: margins, bottom: margins, left: margins };
  const gutters = options.gutters ?? defaults.gutter;
  const gaps =
    typeof gutters === 'object' && gutters !== null ? gutters : { x: gutters, y: gutters };
  const direction = options.direction ?? defaults.direction;
  if (direction !== 'ltr' && direction !== 'rtl') {
    failLayout('direction', `must be 'ltr' or 'rtl' (got ${JSON.stringify(direction)})`);
  }
  return {
    page,
    dpi,
    bleedIn,
    bleedPx: Math.round(bleedIn * dpi),
    margins: {
      top: px(sides.top ?? defaults.margin, 'margins.top'),
      right: px(sides.right ?? defaults.margin, 'margins.right'),
      bottom: px(sides.bottom ?? defaults.margin, 'margins.bottom'),
      left: px(sides.left ?? defaults.margin, 'margins.left'),
    },
    gutterX: px(gaps.x ?? defaults.gutter, 'gutters.x'),
    gutterY: px(gaps.y ?? defaults.gutter, 'gutters.y'),
    borderPx: px(options.border?.width ?? defaults.borderWidth, 'border.width'),
    borderColor: options.border?.color ?? defaults.borderColor,
    background: options.background ?? defaults.background,
    ...chooseGrid(options),
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

/**
 * Page geometry: trim sizes, units, layout templates and custom grids, and the panel rectangles
 * every other stage uses. Pure functions, no dependencies.
 */
export { LayoutError, type LayoutIssue } from './errors.js';
export {
  type CustomGrid,
  type GridArea,
  type GridRow,
  type GridSpan,
  MAX_GRID_COLUMNS,
  MAX_GRID_ROWS,
  type NormalizedGrid,
  normalizeGrid,
  validateGrid,
} from './grid.js';
export {
  chooseImageSize,
  DEFAULT_IMAGE_SIZE_OPTIONS,
  type ImageSize,
  type ImageSizeOptions,
} from './image-size.js';
export { layoutPage, type PageLayout, type Sides, type Slot } from './layout-page.js';
export {
  type BorderOptions,
  DEFAULT_PAGE_GEOMETRY,
  type Gutters,
  type Margins,
  type PageGeometryOptions,
  PRINT_BLEED_IN,
} from './options.js';
export {
  type CustomPageSize,
  PAGE_PRESET_NAMES,
  PAGE_PRESETS,
  type PagePreset,
  type PagePresetInfo,
  type PageSize,
  type PageSpec,
  type PageUnit,
  resolvePageSize,
} from './page-size.js';
export { findPrintProfile, PRINT_PROFILES, type PrintProfile } from './print-profile.js';
export {
  arrangeSpreads,
  READING_DIRECTIONS,
  type ReadingDirection,
  type Spread,
} from './reading-order.js';
export { insetRect, mirrorRect, type Rect, toPdfBox, toPointRect } from './rect.js';
export {
  getTemplate,
  LAYOUT_TEMPLATE_NAMES,
  type LayoutTemplate,
  type LayoutTemplateName,
  listTemplates,
} from './templates.js';
export {
  DEFAULT_DPI,
  LENGTH_UNITS,
  type Length,
  type LengthUnit,
  MM_PER_INCH,
  POINTS_PER_INCH,
  parseLength,
  toInches,
  toPixels,
  toPoints,
  type UnitValue,
} from './units.js';

import { failLayout } from './errors.js';

/**
 * Units a length can be written in. `px` is one device pixel at the layout's DPI, so `36px` is
 * 36 px whatever the DPI, while `3mm` becomes more pixels at a higher DPI.
 */
export type LengthUnit = 'mm' | 'in' | 'pt' | 'px';

/** Every `LengthUnit`, e.g. for a schema enum. */
export const LENGTH_UNITS: readonly LengthUnit[] = Object.freeze(['mm', 'in', 'pt', 'px']);

/**
 * A non-negative length: a bare number in the unit the caller names (the `unit` option), or a
 * string with its own unit suffix.
 * @example 3
 * @example '3mm'
 * @example '0.125in'
 * @example '36px'
 */
export type Length = number | string;

/** A length with its unit made explicit. */
export interface UnitValue {
  value: number;
  unit: LengthUnit;
}

/** Millimetres in one inch. */
export const MM_PER_INCH = 25.4;

/** PostScript/PDF points in one inch. */
export const POINTS_PER_INCH = 72;

/** The resolution used when none is given: print quality. */
export const DEFAULT_DPI = 300;

/** The highest DPI accepted (a sanity limit, not a technical one). */
export const MAX_DPI = 2400;

/**
 * Converts a length to inches. `px` needs the DPI.
 * @example toInches(25.4, 'mm') // 1
 */
export function toInches(value: number, unit: LengthUnit, dpi: number = DEFAULT_DPI): number {
  switch (unit) {
    case 'in':
      return value;
    case 'mm':
      return value / MM_PER_INCH;
    case 'pt':
      return value / POINTS_PER_INCH;
    case 'px':
      return value / dpi;
  }
}

/**
 * Converts a length to points (1/72 in), unrounded: points always come from the physical size,
 * never from rounded pixels.
 * @example toPoints(210, 'mm') // 595.2755905511812
 */
export function toPoints(value: number, unit: LengthUnit, dpi: number = DEFAULT_DPI): number {
  return unit === 'pt' ? value : toInches(value, unit, dpi) * POINTS_PER_INCH;
}

/**
 * Converts a length to whole pixels at `dpi`, rounded with `Math.round` (halves round up).
 * Every pixel length of the layout is rounded this way, once, from its physical value.
 * @example toPixels(6.625, 'in', 300) // 1988 (1987.5 rounded up)
 */
export function toPixels(value: number, unit: LengthUnit, dpi: number = DEFAULT_DPI): number {
  return Math.round(unit === 'px' ? value : toInches(value, unit, dpi) * dpi);
}

const LENGTH_PATTERN = /^\s*(\d+(?:\.\d*)?|\.\d+)\s*(mm|in|pt|px)\s*$/;

/**
 * Reads a `Length`: a bare number takes `defaultUnit`, a string must carry a unit suffix.
 * Throws a `LayoutError` naming `path` for a negative, non-finite or unreadable length.
 * @example parseLength('3mm', 'px') // { value: 3, unit: 'mm' }
 * @example parseLength(36, 'px') // { value: 36, unit: 'px' }
 */
export function parseLength(length: Length, defaultUnit: LengthUnit, path = 'length'): UnitValue {
  if (typeof length === 'number') {
    if (!Number.isFinite(length) || length < 0) {
      failLayout(path, `must be a non-negative number (got ${String(length)})`);
    }
    return { value: length, unit: defaultUnit };
  }
  const match = typeof length === 'string' ? LENGTH_PATTERN.exec(length) : null;
  if (match === null) {
    failLayout(
      path,
      `must be a number or a length such as '3mm', '0.125in', '9pt' or '36px' (got ${JSON.stringify(length)})`,
    );
  }
  return { value: Number(match[1]), unit: match[2] as LengthUnit };
}

/** Throws a `LayoutError` unless `dpi` is a positive finite number no larger than `MAX_DPI`. */
export function assertDpi(dpi: number, path = 'dpi'): void {
  if (typeof dpi !== 'number' || !Number.isFinite(dpi) || dpi <= 0 || dpi > MAX_DPI) {
    failLayout(path, `must be a number between 0 (excluded) and ${MAX_DPI} (got ${String(dpi)})`);
  }
}

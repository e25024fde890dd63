import type { LengthUnit } from './vocabulary.js';

/** Millimetres per unit. */
const MM_PER_UNIT: Readonly<Record<LengthUnit, number>> = {
  mm: 1,
  cm: 10,
  in: 25.4,
  pt: 25.4 / 72,
};

/**
 * Converts a script length to millimetres: a plain number is already millimetres, a string
 * carries its unit. Returns `undefined` for anything else.
 * @example convertLengthToMm('0.125in') // 3.175
 */
export function convertLengthToMm(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,5}(?:\.\d{1,4})?)\s*(mm|cm|in|pt)$/.exec(value);
  if (!match) return undefined;
  const unit = match[2] as LengthUnit;
  return Math.round(Number(match[1]) * MM_PER_UNIT[unit] * 1000) / 1000;
}

import type { Shape } from 'wiro-core';

/** How strictly object keys are compared. */
export interface CompareOptions {
  /**
   * `exact`: the same keys on both sides. `subset`: the expected keys must be there, more are
   * allowed (for a published example that leaves fields out).
   */
  keys: 'exact' | 'subset';
  /** Keys the actual side may have beyond the expected ones. */
  extraKeys?: readonly string[];
}

/** String formats that stand for any text: the example's value says nothing about a format. */
const FREE_TEXT = new Set(['string:empty', 'string:text']);
const INTEGERS = new Set(['string:zero', 'string:int']);

/**
 * Documented variants of a field's format: an uncharged task shows `totalcost` "0" (Wiro's task
 * documentation), where a charged one has twelve decimals.
 */
const VARIANTS: Record<string, readonly string[]> = {
  totalcost: ['string:decimal12', 'string:zero'],
};

function sameScalar(key: string, expected: string, actual: string): boolean {
  if (expected === actual) return true;
  if (!expected.startsWith('string:') || !actual.startsWith('string:')) return false;
  if (FREE_TEXT.has(expected)) return true;
  if (INTEGERS.has(expected) && INTEGERS.has(actual)) return true;
  const variants = VARIANTS[key];
  return variants?.includes(expected) === true && variants.includes(actual);
}

const kind = (shape: Shape) =>
  Array.isArray(shape) ? 'array' : typeof shape === 'object' ? 'object' : shape;

/**
 * Compares two shapes (see wiro-core's `describeShape`) and lists every difference by path: keys,
 * value types, string formats. Free-text strings match any string, `"0"` matches other integers,
 * an empty array matches any array (there is nothing to compare), and what a task's `parameters`
 * hold is the model's business, not the protocol's.
 */
export function compareShapes(
  expected: Shape,
  actual: Shape,
  options: CompareOptions,
  path = '$',
  key = '',
): string[] {
  if (key === 'parameters') {
    return kind(expected) === kind(actual)
      ? []
      : [`${path}: ${kind(actual)}, expected ${kind(expected)}`];
  }
  if (typeof expected === 'string' || typeof actual === 'string') {
    if (
      typeof expected === 'string' &&
      typeof actual === 'string' &&
      sameScalar(key, expected, actual)
    ) {
      return [];
    }
    return [`${path}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`];
  }
  if (Array.isArray(expected) || Array.isArray(actual)) {
    if (!Array.isArray(expected) || !Array.isArray(actual)) {
      return [`${path}: ${kind(actual)}, expected ${kind(expected)}`];
    }
    if (expected.length === 0 || actual.length === 0) return [];
    const problems: string[] = [];
    for (const [i, one] of actual.entries()) {
      const best = expected
        .map((candidate) => compareShapes(candidate, one, options, `${path}[${i}]`, key))
        .sort((a, b) => a.length - b.length)[0];
      if (best) problems.push(...best);
    }
    return problems;
  }
  const problems: string[] = [];
  for (const [name, shape] of Object.entries(expected)) {
    const other = actual[name];
    if (other === undefined) problems.push(`${path}.${name}: missing`);
    else problems.push(...compareShapes(shape, other, options, `${path}.${name}`, name));
  }
  if (options.keys === 'exact') {
    for (const name of Object.keys(actual)) {
      if (!(name in expected) && !options.extraKeys?.includes(name)) {
        problems.push(`${path}.${name}: not in the example`);
      }
    }
  }
  return problems;
}

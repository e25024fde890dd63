import { createHash } from 'node:crypto';
import type { PanelInputs } from '../render/types.js';

/** Bumped when the meaning of a cached picture changes, so old entries stop matching. */
const CACHE_KEY_VERSION = 'comics-factory/panel/1';

/** JSON with object keys sorted, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The content address of a panel's pictures: sha256 of the model and every input that changes
 * the picture. Lettering is not an input, so editing dialogue never re-renders anything.
 */
export function computeCacheKey(model: string, inputs: PanelInputs): string {
  return createHash('sha256')
    .update(canonicalJson({ v: CACHE_KEY_VERSION, model, inputs }))
    .digest('hex');
}

import { createHash } from 'node:crypto';
import { canonicalJson } from 'wiro-core';
import type { PanelInputs } from './types.js';

/** Bumped when the meaning of a cached picture changes, so old entries stop matching. */
const CACHE_KEY_VERSION = 'comics-factory/panel/1';

/**
 * The content address of a panel's pictures: sha256 of the model and every input that changes
 * the picture. Lettering is not an input, so editing dialogue never re-renders anything.
 */
export function computeCacheKey(model: string, inputs: PanelInputs): string {
  return createHash('sha256')
    .update(canonicalJson({ v: CACHE_KEY_VERSION, model, inputs }))
    .digest('hex');
}

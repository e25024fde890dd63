import { createHash } from 'node:crypto';
import { canonicalJson } from 'wiro-core';

/**
 * The ledger's key for "the same Run": sha256 (hex) of the canonical JSON of
 * `{ model, inputs }`, where `inputs` are the validated inputs (every parameter, defaults filled,
 * values as strings) without `callbackUrl`.
 *
 * @example
 * computeInputKey('Adel_AI/Comics-Factory-v1', { prompt: 'x', seed: '1' });
 */
export function computeInputKey(model: string, inputs: Record<string, unknown>): string {
  const { callbackUrl: _ignored, ...rest } = inputs;
  return createHash('sha256')
    .update(canonicalJson({ inputs: rest, model }))
    .digest('hex');
}

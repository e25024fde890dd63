import { createHash } from 'node:crypto';

function canonicalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalize);
  if (value && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = canonicalize((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalize(value));
}

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

import { isFileInput } from './inputs.js';
import type { RunInputs } from './types.js';

/** The inputs a Run sends, as `encodeInputs` sends them: no empty values, no callbackUrl. */
const sentEntries = (inputs: Record<string, unknown>) =>
  Object.entries(inputs).filter(
    ([key, value]) => value !== undefined && value !== null && key !== 'callbackUrl',
  );

function sameValue(sent: unknown, stored: unknown): boolean {
  // A file is stored as the URL Wiro gave it: its presence is all that can be compared.
  if (isFileInput(sent)) return stored !== undefined && stored !== null;
  if (typeof sent === 'object' || typeof stored === 'object') {
    return JSON.stringify(sent) === JSON.stringify(stored);
  }
  return String(sent) === String(stored);
}

/**
 * Whether a task's `parameters` are exactly the inputs of a Run: the same fields (leaving out
 * empty inputs and `callbackUrl`, which the Run does not send as inputs) with the same values,
 * where a number and its decimal string count as the same (`1024` and `"1024"`), and a file input
 * matches whatever URL the task holds for it.
 *
 * @example
 * matchesInputs({ prompt: 'a', steps: 20 }, { prompt: 'a', steps: '20' }); // true
 */
export function matchesInputs(inputs: RunInputs, parameters: Record<string, unknown>): boolean {
  const sent = sentEntries(inputs);
  const stored = sentEntries(parameters);
  if (sent.length !== stored.length) return false;
  return sent.every(
    ([key, value]) => Object.hasOwn(parameters, key) && sameValue(value, parameters[key]),
  );
}

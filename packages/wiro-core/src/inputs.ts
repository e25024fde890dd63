import type { FileInput, RunInputs } from './types.js';

/** Whether an input value is a file (sent as a multipart part). */
export const isFileInput = (value: unknown): value is FileInput =>
  value instanceof Blob ||
  value instanceof Uint8Array ||
  (typeof value === 'object' && value !== null && 'data' in value && 'filename' in value);

/** Adds a file to a form under `field`. */
export function appendFile(form: FormData, field: string, file: FileInput) {
  const [data, filename] =
    file instanceof Blob || file instanceof Uint8Array ? [file, field] : [file.data, file.filename];
  form.append(field, data instanceof Blob ? data : new Blob([data]), filename);
}

/** How a plain input travels: as text, the way Wiro's own forms send every value. */
const wireValue = (value: unknown) =>
  typeof value === 'number' || typeof value === 'boolean' ? String(value) : value;

/**
 * The body of a Run: JSON when every input is plain, multipart when any input is a file
 * (chosen). Numbers and booleans are sent as text, as Wiro's published examples and its
 * multipart forms have them (`"scale": "3.5"`, `"seed": "93080474"`).
 */
export function encodeInputs(inputs: RunInputs, callbackUrl?: string): unknown {
  const entries = Object.entries(inputs).filter(([, v]) => v !== undefined && v !== null);
  if (callbackUrl) entries.push(['callbackUrl', callbackUrl]);
  if (!entries.some(([, v]) => isFileInput(v))) {
    return Object.fromEntries(entries.map(([field, value]) => [field, wireValue(value)]));
  }
  const form = new FormData();
  for (const [field, value] of entries) {
    if (isFileInput(value)) appendFile(form, field, value);
    else form.append(field, String(value));
  }
  return form;
}

import type { WireToolParameter } from 'wiro-core';
import {
  COMICS_FACTORY_MODEL,
  COMICS_FACTORY_TRIGGER,
  IMAGE_SIZE_MAX,
  IMAGE_SIZE_MULTIPLE,
} from 'wiro-core';

/** A model the emulator can run: its slug, description and input parameters. */
export interface ModelDefinition {
  owner: string;
  project: string;
  title: string;
  description: string;
  parameters: WireToolParameter[];
}

/** Inputs after validation: every known parameter present, every value a string (as on the wire). */
export type ValidatedInputs = Record<string, string>;

/** Outcome of {@link validateRunInputs}: the normalised inputs, or a message naming the field. */
export type ValidationResult =
  | { ok: true; parameters: ValidatedInputs; callbackUrl: string | undefined }
  | { ok: false; message: string };

const [owner = '', project = ''] = COMICS_FACTORY_MODEL.split('/');
const size = (id: string, label: string): WireToolParameter => ({
  id,
  type: 'number',
  label,
  default: '1024',
  min: '256',
  max: String(IMAGE_SIZE_MAX),
  step: String(IMAGE_SIZE_MULTIPLE),
});

/** Adel_AI/Comics-Factory-v1 as Tool/Detail describes it (limits chosen in docs/wiro-protocol.md). */
export const COMICS_FACTORY_V1: ModelDefinition = {
  owner,
  project,
  title: 'Comics Factory v1',
  description: `Flux LoRA for comic-book panels. Start prompts with the trigger "${COMICS_FACTORY_TRIGGER}"`,
  parameters: [
    {
      id: 'prompt',
      type: 'textarea',
      label: 'Prompt',
      default: `${COMICS_FACTORY_TRIGGER} A detective in a trench coat under a flickering street lamp, rain, night, dramatic shadows.`,
      required: true,
    },
    { id: 'samples', type: 'number', label: 'Samples', default: '1', min: '1', max: '8' },
    { id: 'steps', type: 'number', label: 'Steps', default: '20', min: '1', max: '50' },
    { id: 'scale', type: 'float', label: 'Guidance scale', default: '3.5', min: '0', max: '20' },
    { id: 'seed', type: 'text', label: 'Seed', default: '93080474' },
    size('width', 'Width'),
    size('height', 'Height'),
  ],
};

const MODELS: readonly ModelDefinition[] = [COMICS_FACTORY_V1];

/** Finds a model by its owner and project slugs (case-sensitive, like the real paths). */
export function findModel(slugOwner: string, slugProject: string): ModelDefinition | undefined {
  return MODELS.find((model) => model.owner === slugOwner && model.project === slugProject);
}

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

const toNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

function checkParameter(param: WireToolParameter, value: unknown): string | undefined {
  const min = param.min === undefined ? undefined : Number(param.min);
  const max = param.max === undefined ? undefined : Number(param.max);
  const range = min !== undefined && max !== undefined ? ` between ${min} and ${max}` : '';
  if (param.type === 'number') {
    const step = param.step === undefined ? 1 : Number(param.step);
    const n = toNumber(value);
    const bad =
      n === undefined ||
      !Number.isInteger(n) ||
      n % step !== 0 ||
      (min !== undefined && n < min) ||
      (max !== undefined && n > max);
    if (!bad) return undefined;
    return step > 1
      ? `${param.id} must be a multiple of ${step}${range}.`
      : `${param.id} must be an integer${range}.`;
  }
  if (param.type === 'float') {
    const n = toNumber(value);
    const bad = n === undefined || (min !== undefined && n < min) || (max !== undefined && n > max);
    return bad ? `${param.id} must be a number${range}.` : undefined;
  }
  if (param.id === 'seed') {
    const ok =
      (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
      (typeof value === 'string' && /^\d{1,19}$/.test(value.trim()));
    return ok ? undefined : 'seed must be a string of digits.';
  }
  if (typeof value !== 'string') return `${param.id} must be a string.`;
  if (param.required && value.trim() === '') return `${param.id} is required.`;
  return undefined;
}

function checkCallbackUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'callbackUrl must be an http(s) URL.';
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:'
      ? undefined
      : 'callbackUrl must be an http(s) URL.';
  } catch {
    return 'callbackUrl must be an http(s) URL.';
  }
}

/**
 * Validates Run inputs against a model's parameters. Numbers may come as numbers or numeric
 * strings; empty values take the default; unknown fields are ignored (chosen). Pure.
 *
 * @example
 * validateRunInputs(COMICS_FACTORY_V1, { prompt: '' });
 * // { ok: false, message: 'prompt is required.' }
 */
export function validateRunInputs(
  model: ModelDefinition,
  inputs: Record<string, unknown>,
): ValidationResult {
  const parameters: ValidatedInputs = {};
  for (const param of model.parameters) {
    const value = inputs[param.id];
    if (isAbsent(value)) {
      if (param.required) return { ok: false, message: `${param.id} is required.` };
      parameters[param.id] = param.default ?? '';
      continue;
    }
    const message = checkParameter(param, value);
    if (message) return { ok: false, message };
    parameters[param.id] = String(value).trim();
  }
  const callback = inputs.callbackUrl;
  if (isAbsent(callback)) return { ok: true, parameters, callbackUrl: undefined };
  const message = checkCallbackUrl(callback);
  if (message) return { ok: false, message };
  return { ok: true, parameters, callbackUrl: callback as string };
}

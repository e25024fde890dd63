import type { WireToolParameter } from 'wiro-core';
import { IMAGE_SIZE_MAX, IMAGE_SIZE_MULTIPLE, REAL_ESRGAN } from 'wiro-core';

/** A model the emulator hosts: its slug, what Wiro says about it, and its input parameters. */
export interface ModelDefinition {
  owner: string;
  project: string;
  title: string;
  description: string;
  /**
   * The phrase the model was trained to respond to, which prompts start with (draft frames leave
   * it out of their caption); undefined when it has none.
   */
  trigger: string | undefined;
  /** Wiro's numeric id of the model (`modelid` on its tasks). */
  modelId: string;
  /** Wiro's categories (tasks carry them as a JSON array written as a string). */
  categories: readonly string[];
  /**
   * What its outputs are made of: `draft` frames drawn from the inputs, or the `upscale` of the
   * picture at its `inputImageUrl`.
   */
  kind: 'draft' | 'upscale';
  parameters: WireToolParameter[];
}

/** Inputs after validation: every known parameter present, every value a string (as on the wire). */
export type ValidatedInputs = Record<string, string>;

/** Outcome of {@link validateRunInputs}: the normalised inputs, or a message naming the field. */
export type ValidationResult =
  | { ok: true; parameters: ValidatedInputs; callbackUrl: string | undefined }
  | { ok: false; message: string };

const size = (id: string, label: string): WireToolParameter => ({
  id,
  type: 'number',
  label,
  default: '1024',
  min: '256',
  max: String(IMAGE_SIZE_MAX),
  step: String(IMAGE_SIZE_MULTIPLE),
});

const COMICS_TRIGGER = 'ComicsFact1 style.';

/**
 * Adel_AI/Comics-Factory-v1, the Flux LoRA comics-factory renders on, as Tool/Detail describes it
 * (limits chosen in docs/wiro-protocol.md; model id and categories are the emulator's own).
 */
export const COMICS_FACTORY_V1: ModelDefinition = {
  owner: 'Adel_AI',
  project: 'Comics-Factory-v1',
  title: 'Comics Factory v1',
  description: `Flux LoRA for comic-book panels. Start prompts with the trigger "${COMICS_TRIGGER}"`,
  trigger: COMICS_TRIGGER,
  modelId: '1701',
  categories: ['tool', 'text-to-image', 'lora'],
  kind: 'draft',
  parameters: [
    {
      id: 'prompt',
      type: 'textarea',
      label: 'Prompt',
      default: `${COMICS_TRIGGER} A detective in a trench coat under a flickering street lamp, rain, night, dramatic shadows.`,
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

const [UPSCALE_OWNER = '', UPSCALE_PROJECT = ''] = REAL_ESRGAN.model.split('/');
const { outscale } = REAL_ESRGAN;

/**
 * xinntao/Real-ESRGAN, Wiro's hosted super-resolution model, with the inputs and `modelName`
 * options Wiro publishes. Defaults other than `modelName`, and every bound, are chosen (see
 * docs/wiro-protocol.md; the numeric defaults are the upstream script's). Model id and categories
 * are the emulator's own.
 */
export const REAL_ESRGAN_MODEL: ModelDefinition = {
  owner: UPSCALE_OWNER,
  project: UPSCALE_PROJECT,
  title: 'Real-ESRGAN',
  description: 'Practical image restoration and super-resolution: enlarges a picture by outscale.',
  trigger: undefined,
  modelId: '1702',
  categories: ['tool', 'image-to-image', 'upscale'],
  kind: 'upscale',
  parameters: [
    { id: 'inputImageUrl', type: 'text', label: 'Input image URL', required: true },
    {
      id: 'modelName',
      type: 'select',
      label: 'Model name',
      default: REAL_ESRGAN.modelNames[0],
      options: [...REAL_ESRGAN.modelNames],
      required: true,
    },
    {
      id: 'outscale',
      type: 'float',
      label: 'Outscale',
      default: String(outscale.default),
      min: String(outscale.min),
      max: String(outscale.max),
    },
    { id: 'faceEnhance', type: 'checkbox', label: 'Face enhance', default: 'false' },
    {
      id: 'tile',
      type: 'number',
      label: 'Tile size (0: no tiles)',
      default: '0',
      min: '0',
      max: '2048',
    },
    { id: 'tilePad', type: 'number', label: 'Tile padding', default: '10', min: '0', max: '256' },
    { id: 'prePad', type: 'number', label: 'Pre-padding', default: '0', min: '0', max: '256' },
    {
      id: 'denoiseStrength',
      type: 'float',
      label: 'Denoise strength',
      default: '0.5',
      min: '0',
      max: '1',
    },
  ],
};

const MODELS: readonly ModelDefinition[] = [COMICS_FACTORY_V1, REAL_ESRGAN_MODEL];

/** Finds a model by its owner and project slugs (case-sensitive, like the real paths). */
export function findModel(slugOwner: string, slugProject: string): ModelDefinition | undefined {
  return MODELS.find((model) => model.owner === slugOwner && model.project === slugProject);
}

/** `owner/project` of a model. */
export const modelSlug = (model: ModelDefinition) => `${model.owner}/${model.project}`;

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

const toNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
};

/** Wiro's validation wording: "Request parameter [name] …". */
const problem = (name: string, what: string) => `Request parameter [${name}] ${what}`;

function checkNumber(param: WireToolParameter, value: unknown): string | undefined {
  const n = toNumber(value);
  if (n === undefined) return problem(param.id, 'must be integer or float');
  const min = param.min === undefined ? undefined : Number(param.min);
  const max = param.max === undefined ? undefined : Number(param.max);
  const step = param.type === 'number' ? Number(param.step ?? 1) : undefined;
  const outOfRange = (min !== undefined && n < min) || (max !== undefined && n > max);
  const offStep = step !== undefined && (!Number.isInteger(n) || n % step !== 0);
  if (!outOfRange && !offStep) return undefined;
  const range = `between ${min ?? '-∞'} and ${max ?? '∞'}`;
  return step !== undefined && step > 1
    ? problem(param.id, `must be a multiple of ${step} ${range}`)
    : problem(param.id, `must be ${range}`);
}

/** A `select` takes one of its options, exactly as written. */
function checkOption(param: WireToolParameter, value: unknown): string | undefined {
  const options = param.options ?? [];
  if (typeof value === 'string' && options.includes(value.trim())) return undefined;
  return problem(param.id, `must be one of ${options.join(', ')}`);
}

/** A `checkbox` takes a boolean, or "true" / "false" in any case (form fields are strings). */
function checkBoolean(param: WireToolParameter, value: unknown): string | undefined {
  const ok =
    typeof value === 'boolean' ||
    (typeof value === 'string' && /^(true|false)$/i.test(value.trim()));
  return ok ? undefined : problem(param.id, 'must be true or false');
}

/** Files travel as a URL in a field named `{id}Url`, like `callbackUrl`: http(s) only. */
function checkHttpUrl(name: string, value: unknown): string | undefined {
  const bad = problem(name, 'must be an http(s) URL');
  if (typeof value !== 'string') return bad;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? undefined : bad;
  } catch {
    return bad;
  }
}

function checkParameter(param: WireToolParameter, value: unknown): string | undefined {
  if (param.type === 'number' || param.type === 'float') return checkNumber(param, value);
  if (param.type === 'select') return checkOption(param, value);
  if (param.type === 'checkbox') return checkBoolean(param, value);
  if (param.id.endsWith('Url')) return checkHttpUrl(param.id, value);
  if (param.id === 'seed') {
    const ok =
      (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
      (typeof value === 'string' && /^\d{1,19}$/.test(value.trim()));
    return ok ? undefined : problem('seed', 'must be a string of digits');
  }
  if (typeof value !== 'string') return problem(param.id, 'must be a string');
  if (param.required && value.trim() === '') return problem(param.id, 'required');
  return undefined;
}

/**
 * Validates Run inputs against a model's parameters, with Wiro's documented wording
 * ("Request parameter [steps] must be between 1 and 50"). Numbers may come as numbers or numeric
 * strings; empty values take the default; unknown fields are ignored (chosen). Pure.
 *
 * @example
 * validateRunInputs(COMICS_FACTORY_V1, { prompt: '' });
 * // { ok: false, message: 'Request parameter [prompt] required' }
 */
export function validateRunInputs(
  model: ModelDefinition,
  inputs: Record<string, unknown>,
): ValidationResult {
  const parameters: ValidatedInputs = {};
  for (const param of model.parameters) {
    const value = inputs[param.id];
    if (isAbsent(value)) {
      if (param.required) return { ok: false, message: problem(param.id, 'required') };
      parameters[param.id] = param.default ?? '';
      continue;
    }
    const message = checkParameter(param, value);
    if (message) return { ok: false, message };
    const text = String(value).trim();
    parameters[param.id] = param.type === 'checkbox' ? text.toLowerCase() : text;
  }
  const callback = inputs.callbackUrl;
  if (isAbsent(callback)) return { ok: true, parameters, callbackUrl: undefined };
  const message = checkHttpUrl('callbackUrl', callback);
  if (message) return { ok: false, message };
  return { ok: true, parameters, callbackUrl: callback as string };
}

import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { computeUpscaledSize, fitsUpscaleLimits, type PixelSize, REAL_ESRGAN } from 'wiro-core';
import { findLiveFile, parseFilePath } from './files.js';
import type { ValidatedInputs } from './model-catalog.js';
import type { EmulatorState } from './state.js';
import type { UpscaleSource } from './task-record.js';

/**
 * How an upscale task will go: its run time, and its source or the reason it will fail. With a
 * source, `keyInputs` are the inputs its ledger input key is made of: the validated inputs with
 * `inputImageUrl` replaced by `sha256:<hex>` of the picture, so the same picture upscaled through
 * two URLs (an output URL, then an upload of it) counts as the same input.
 */
export type UpscalePlan =
  | { taskMs: number; source: UpscaleSource; keyInputs: ValidatedInputs; failure?: undefined }
  | { taskMs: number; source?: undefined; keyInputs?: undefined; failure: string };

/** Output pixels an upscale takes `taskMs` for (chosen: 2048 × 2048). */
const REFERENCE_PIXELS = 2048 * 2048;

/** Shortest upscale run, as a share of `taskMs` (chosen). */
const MIN_RUN_SHARE = 0.25;

/**
 * Planned run time of an upscale (chosen): `taskMs` × output pixels / 2048², at least a quarter
 * of `taskMs`, so bigger pictures take (and cost) proportionally longer and nothing depends on
 * the clock.
 */
export function computeUpscaleTaskMs(taskMs: number, output: PixelSize): number {
  return taskMs * Math.max(MIN_RUN_SHARE, (output.width * output.height) / REFERENCE_PIXELS);
}

const unreachable = (url: string, why: string) =>
  `Request parameter [inputImageUrl] could not be downloaded: ${url} ${why}`;

/** The only files a task can read: the emulator's own outputs and uploads (no network). */
function readOwnFile(
  state: EmulatorState,
  url: string,
): { bytes: Buffer; path: string; folder: string } | { failure: string } {
  const parsed = new URL(url);
  if (parsed.origin !== state.origin) {
    return {
      failure: unreachable(
        url,
        '(the emulator reads inputs only from its own output and upload URLs)',
      ),
    };
  }
  const found = findLiveFile(state.files, parsed.pathname, state.options.now());
  if ('missing' in found) return { failure: unreachable(url, `answered 404: ${found.missing}`) };
  const folder = parseFilePath(parsed.pathname)?.folder ?? '';
  return { bytes: found.file.bytes, path: parsed.pathname, folder };
}

async function readImageSize(bytes: Buffer): Promise<PixelSize | undefined> {
  try {
    const { width, height } = await sharp(bytes).metadata();
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads an upscale Run's input picture and plans the task. The emulator reads it when the Run is
 * accepted (Wiro fetches inputs while pre-processing; reading at once keeps the outcome
 * deterministic). A picture that cannot be read, or that would come out larger than
 * {@link REAL_ESRGAN} allows, does not refuse the Run: the task is accepted and ends in
 * `task_error` with the reason (chosen, as a worker that fails to fetch its input would).
 */
export async function planUpscale(
  state: EmulatorState,
  parameters: ValidatedInputs,
): Promise<UpscalePlan> {
  const url = parameters.inputImageUrl ?? '';
  const fail = (failure: string): UpscalePlan => ({ taskMs: state.options.taskMs, failure });
  const file = readOwnFile(state, url);
  if ('failure' in file) return fail(file.failure);
  const input = await readImageSize(file.bytes);
  if (!input) return fail(`Request parameter [inputImageUrl] is not an image: ${url}`);
  const output = computeUpscaledSize(input, Number(parameters.outscale));
  if (!fitsUpscaleLimits(output)) {
    return fail(
      `Request parameter [outscale] makes a ${output.width}×${output.height} picture of the ` +
        `${input.width}×${input.height} input: at most ${REAL_ESRGAN.maxSide} px per side and ` +
        `${REAL_ESRGAN.maxPixels} px in all`,
    );
  }
  const owner = state.tasks.get(file.folder);
  const digest = createHash('sha256').update(file.bytes).digest('hex');
  return {
    taskMs: computeUpscaleTaskMs(state.options.taskMs, output),
    source: { bytes: file.bytes, path: file.path, taskid: owner?.id, output },
    keyInputs: { ...parameters, inputImageUrl: `sha256:${digest}` },
  };
}

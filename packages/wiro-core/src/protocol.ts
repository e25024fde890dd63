/**
 * The Wiro v1 protocol as comics-factory understands it (see docs/wiro-protocol.md), from Wiro's
 * public documentation, its published examples and its official clients. Every rule marked
 * "Chosen" there is decided here and only here; the client and the emulator both import these
 * names so they cannot drift apart.
 */

/** Default REST base URL. */
export const DEFAULT_BASE_URL = 'https://api.wiro.ai/v1';

/** Default realtime socket URL (used only with the default base URL). */
export const DEFAULT_SOCKET_URL = 'wss://socket.wiro.ai/v1';

/** Every status a task can report, in documented order (never rely on the order). */
export const TASK_STATUSES = [
  'task_queue',
  'task_accept',
  'task_preprocess_start',
  'task_preprocess_end',
  'task_assign',
  'task_start',
  'task_output',
  'task_output_full',
  'task_end',
  'task_postprocess_start',
  'task_postprocess_end',
  'task_cancel',
  'task_error',
  'task_error_full',
] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

/**
 * Terminal statuses (chosen): `task_postprocess_end` (success only when pexit is "0"),
 * `task_cancel` (cancelled or killed) and `task_error` as reported by Task/Detail.
 * `task_end` is not terminal: post-processing still follows.
 */
export const TERMINAL_STATUSES: ReadonlySet<string> = new Set([
  'task_postprocess_end',
  'task_cancel',
  'task_error',
]);

/** Statuses in which a task is still queued, so Task/Cancel (not Kill) applies. */
export const QUEUED_STATUSES: ReadonlySet<string> = new Set(['task_queue']);

/** Whether a status ends the task. */
export function isTerminalStatus(status: string): boolean {
  return TERMINAL_STATUSES.has(status);
}

/** Wiro error codes a caller may branch on. */
export const WiroErrorCode = {
  /** General, validation or server error. */
  General: 0,
  /** Not found or not accessible ("There is no task yet."). */
  NotFound: 1,
  /** Concurrency limit reached: retry after a running task ends. */
  ConcurrencyLimit: 96,
  /** Insufficient balance. */
  InsufficientBalance: 97,
  /** Sign-in required for this model. */
  SignInRequired: 98,
  /** Bearer token problem. */
  BearerToken: 99,
} as const;

/** Task/Cancel is addressed by task id (chosen; the public docs say tasktoken). */
export const CANCEL_BODY_FIELD = 'taskid' as const;

/** Request paths, relative to the base URL. */
export const ENDPOINTS = {
  run: (owner: string, model: string) =>
    `/Run/${encodeURIComponent(owner)}/${encodeURIComponent(model)}`,
  taskDetail: '/Task/Detail',
  taskKill: '/Task/Kill',
  taskCancel: '/Task/Cancel',
  taskList: '/Task/List',
  fileUpload: '/File/Upload',
  toolDetail: '/Tool/Detail',
} as const;

/**
 * How Task/List is asked, exactly as Wiro's official Node client asks it: `type` "model", `sort`
 * "id", `order` "DESC" (newest first), `start` and `limit` as decimal strings, and the model
 * filter in `modelName` ("owner/project").
 */
export const TASK_LIST_QUERY = { type: 'model', sort: 'id' } as const;

/** The largest page Task/List serves. */
export const TASK_LIST_MAX_LIMIT = 100;

/**
 * Image-size rules for the Flux family (chosen): dimensions are multiples of 16 and at most 2048.
 */
export const IMAGE_SIZE_MULTIPLE = 16;
export const IMAGE_SIZE_MAX = 2048;

/**
 * Wiro's hosted super-resolution model `xinntao/Real-ESRGAN`: its slug, the `modelName` values it
 * publishes (the first is its default), and the limits comics-factory assumes (chosen, see
 * docs/wiro-protocol.md "Other models a pipeline can chain"): `outscale` from 1 to 8 (default 4),
 * and a picture of at most `maxSide` px per side and `maxPixels` px in all, which bounds the
 * memory one picture takes (8192 × 4096 RGBA is 128 MiB).
 */
export const REAL_ESRGAN = {
  model: 'xinntao/Real-ESRGAN',
  modelNames: [
    'realesr-general-wdn-x4v3',
    'RealESRGAN_x2plus',
    'RealESRGAN_x4plus',
    'RealESRNet_x4plus',
  ],
  outscale: { min: 1, max: 8, default: 4 },
  maxSide: 8192,
  maxPixels: 8192 * 4096,
} as const;

/** Width and height of a picture in pixels. */
export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The size of the picture `xinntao/Real-ESRGAN` makes: each side × `outscale`, rounded to the
 * nearest pixel (chosen; the upstream script truncates, so a real picture may be a pixel smaller).
 *
 * @example
 * computeUpscaledSize({ width: 1024, height: 1536 }, 2.5); // { width: 2560, height: 3840 }
 */
export function computeUpscaledSize(input: PixelSize, outscale: number): PixelSize {
  return {
    width: Math.max(1, Math.round(input.width * outscale)),
    height: Math.max(1, Math.round(input.height * outscale)),
  };
}

/** Whether a picture is within {@link REAL_ESRGAN}'s size limits (per side and in all). */
export function fitsUpscaleLimits(size: PixelSize): boolean {
  const { maxSide, maxPixels } = REAL_ESRGAN;
  return size.width <= maxSide && size.height <= maxSide && size.width * size.height <= maxPixels;
}

/**
 * Nonces are decimal millisecond strings, strictly increasing per source (chosen). Wiro itself
 * accepts a repeated nonce (its official clients send plain `Date.now()`), but this client never
 * sends one twice, so it is safe behind any stricter replay guard.
 */
export function createNonceSource(now: () => number = Date.now): () => string {
  let previous = 0;
  return () => {
    previous = Math.max(previous + 1, Math.floor(now()));
    return String(previous);
  };
}

/** The nonce source every client on the real clock shares: strictly increasing per process. */
export const processNonce: () => string = createNonceSource();

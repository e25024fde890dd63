export { canonicalJson } from './canonical-json.js';
export type {
  DownloadTaskOutputOptions,
  GenerateOptions,
  GenerateResult,
  RunOptions,
  WiroClient,
} from './client.js';
export { createWiroClient, parseModelId } from './client.js';
export type { ResolvedConfig, WiroClientOptions } from './config.js';
export { deriveSocketUrl, resolveConfig } from './config.js';
export type { DownloadOptions, DownloadResult } from './download.js';
export type { WiroApiErrorDetails } from './errors.js';
export {
  WiroAbortError,
  WiroApiError,
  WiroAuthError,
  WiroConcurrencyLimitError,
  WiroConfigError,
  WiroConnectionError,
  WiroDownloadError,
  WiroError,
  WiroInsufficientBalanceError,
  WiroOutputExpiredError,
  WiroRateLimitError,
  WiroTaskFailedError,
  WiroTimeoutError,
} from './errors.js';
export type { WiroEvent, WiroEventHandler } from './events.js';
export { encodeInputs } from './inputs.js';
export { matchesInputs } from './match-inputs.js';
export { parseOutput, parseProgress, parseTask } from './parse.js';
export { defaultPollDelay } from './poll-schedule.js';
export type { PixelSize, TaskStatus } from './protocol.js';
export {
  CANCEL_BODY_FIELD,
  computeUpscaledSize,
  createNonceSource,
  DEFAULT_BASE_URL,
  DEFAULT_SOCKET_URL,
  ENDPOINTS,
  fitsUpscaleLimits,
  IMAGE_SIZE_MAX,
  IMAGE_SIZE_MULTIPLE,
  isTerminalStatus,
  QUEUED_STATUSES,
  REAL_ESRGAN,
  TASK_LIST_MAX_LIMIT,
  TASK_LIST_QUERY,
  TASK_STATUSES,
  TERMINAL_STATUSES,
  WiroErrorCode,
} from './protocol.js';
export type { RecordEntry, Shape } from './record.js';
export { describeShape, describeStringFormat } from './record.js';
export type { RetryPolicy } from './retry.js';
export { computeRetryDelay, DEFAULT_RETRY_POLICY, isRetryable, parseRetryAfter } from './retry.js';
export type { WiroCredentials } from './sign.js';
export { computeSignature, signRequest } from './sign.js';
export type { FindTasksOptions, ListTasksOptions } from './task-list.js';
export type {
  FileInput,
  ModelInfo,
  ModelParameter,
  RunInputs,
  RunResult,
  Task,
  TaskList,
  TaskOutput,
  TaskProgress,
  TaskRef,
} from './types.js';
export type { WaitOptions } from './wait.js';
export type {
  WireEnvelope,
  WireError,
  WireOutput,
  WireProgress,
  WireRunResponse,
  WireSocketFrame,
  WireTask,
  WireTaskDetailResponse,
  WireTaskListRequest,
  WireTaskListResponse,
  WireToolDetailResponse,
  WireToolParameter,
  WireUploadResponse,
} from './wire.js';

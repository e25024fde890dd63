export type { ProjectCredentials } from './auth.js';
export { AUTH_MESSAGES } from './auth.js';
export { concurrencyLimit, formatDecimal } from './billing.js';
export { emulatorEnv } from './client-env.js';
export type { DraftImageInput } from './draft-image.js';
export { drawDraftImage, renderDraftImage } from './draft-image.js';
export type {
  DraftFigureKind,
  DraftFigurePlan,
  DraftPlan,
  DraftPlanInput,
  DraftRect,
} from './draft-plan.js';
export { planDraft } from './draft-plan.js';
export type { DraftFigure, DraftFraming, DraftPosition, DraftPrompt } from './draft-prompt.js';
export { readDraftPrompt } from './draft-prompt.js';
export type { Emulator } from './emulator.js';
export { startEmulator } from './emulator.js';
export type {
  FaultEndpoint,
  FaultKind,
  FaultRule,
} from './faults.js';
export { FAULT_ENDPOINTS, FAULT_KINDS, FaultRuleError, parseFaultRules } from './faults.js';
export { computeInputKey } from './input-key.js';
export type { LedgerEndpoint, LedgerRequest, LedgerSnapshot, LedgerTask } from './ledger.js';
export type { LifecyclePlanInput, LifecycleStep } from './lifecycle.js';
export { planLifecycle } from './lifecycle.js';
export type { ModelDefinition, ValidatedInputs, ValidationResult } from './model-catalog.js';
export { COMICS_FACTORY_V1, REAL_ESRGAN_MODEL, validateRunInputs } from './model-catalog.js';
export type { EmulatorOptions } from './options.js';
export { DEFAULT_PROJECT } from './options.js';
export type { Random } from './prng.js';
export { createRandom } from './prng.js';
export type { Raster, Rgb } from './raster.js';
export type { ManualScheduler, Scheduler, TimerHandle } from './scheduler.js';
export { createManualScheduler, createTimerScheduler } from './scheduler.js';
export { API_BASE_PATH, LEDGER_PATH } from './server.js';
export { SOCKET_GREETING } from './socket.js';
export type { HoldOptions } from './tasks.js';
export { computeUpscaleTaskMs } from './upscale-input.js';

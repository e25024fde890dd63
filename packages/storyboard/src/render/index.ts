/** The render engine: concurrency, cache, journal, budget and resume. */
export {
  type AtomicWriteStream,
  createAtomicWriteStream,
  sweepTemporaryFiles,
  type WrittenFile,
  writeFileAtomic,
} from './atomic-write.js';
export type { CostEstimate } from './budget.js';
export { type CacheEntry, PanelCache } from './cache.js';
export { RenderAbortError, RenderError } from './errors.js';
export {
  buildManifest,
  type ManifestLettering,
  type ManifestPage,
  type ManifestPagePanel,
  type ManifestPanel,
  type ManifestRect,
  type RunManifest,
  writeManifest,
} from './manifest.js';
export { renderPanels } from './render-panels.js';
export { createTaskPool, type TaskPool, type TaskPoolOptions } from './task-pool.js';
export type {
  PanelResult,
  PanelUpscale,
  RenderEvent,
  RenderOptions,
  RenderResult,
  RenderTotals,
  TaskStage,
} from './types.js';

/** The render engine: concurrency, cache, journal, budget and resume. */
export { AdaptiveLimit } from './adaptive-limit.js';
export { Budget } from './budget.js';
export { type CacheEntry, PanelCache, writeFileAtomic } from './cache.js';
export { RenderAbortError, RenderError } from './errors.js';
export { Journal, type JournalRecord, type PendingTask } from './journal.js';
export { buildManifest, type ManifestPanel, type RunManifest, writeManifest } from './manifest.js';
export { renderPanels } from './render-panels.js';
export type {
  PanelInputs,
  PanelJob,
  PanelResult,
  RenderEvent,
  RenderOptions,
  RenderResult,
  RenderTotals,
} from './types.js';

/** Pure, deterministic expansion of a parsed story into render jobs. */
export { computeCacheKey } from './cache-key.js';
export { describeComposition, describeStagePosition } from './composition.js';
export { expandPanels } from './expand-panels.js';
export { geometryOptionsFor, layoutOptions, storyGeometry, trimAspect } from './page-geometry.js';
export { buildPrompt, NO_TEXT_INSTRUCTION, SHOT_WORDING } from './prompt.js';
export { choosePanelSeed } from './seed.js';
export type { PanelInputs, PanelJob, PanelPrint, UpscalePlan } from './types.js';
export { effectivePpi, OUTSCALE_STEP, planUpscale, targetPpi } from './upscale-plan.js';

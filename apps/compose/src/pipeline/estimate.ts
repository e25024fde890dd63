import type { CostEstimate, PanelInputs, PanelJob, UpscalePlan } from 'storyboard';

/**
 * Rough USD for one task before any real price is known: $0.02 for one 1-megapixel image at 20
 * steps, scaled by steps, area and samples. Used for `plan` and as the budget's first estimate;
 * the budget switches to observed costs as soon as tasks finish.
 */
export const USD_PER_MEGAPIXEL_AT_20_STEPS = 0.02;

/** Estimated cost of one panel task. */
export function estimateTaskCost(inputs: PanelInputs): number {
  const megapixels = (inputs.width * inputs.height) / (1024 * 1024);
  return USD_PER_MEGAPIXEL_AT_20_STEPS * (inputs.steps / 20) * megapixels * inputs.samples;
}

/**
 * Rough USD for one upscale task: $0.002 per megapixel of enlarged picture (a super-resolution
 * pass costs seconds of GPU time, far less than generating). Replaced by observed costs like the
 * generation estimate.
 */
export const USD_PER_UPSCALED_MEGAPIXEL = 0.002;

/** Estimated cost of one upscale task. */
export function estimateUpscaleCost(plan: UpscalePlan): number {
  return USD_PER_UPSCALED_MEGAPIXEL * ((plan.width * plan.height) / (1024 * 1024));
}

/**
 * The budget's first estimate: the mean planned cost of a task of each model the jobs use
 * (generations and upscales apart, as an upscale costs a fraction of a generation).
 */
export function plannedCostPerTask(jobs: readonly PanelJob[]): CostEstimate {
  const totals = new Map<string, { sum: number; count: number }>();
  const add = (model: string, cost: number) => {
    const total = totals.get(model) ?? { sum: 0, count: 0 };
    total.sum += cost;
    total.count += 1;
    totals.set(model, total);
  };
  for (const job of jobs) {
    add(job.model, estimateTaskCost(job.inputs));
    if (job.upscale !== undefined) add(job.upscale.model, estimateUpscaleCost(job.upscale));
  }
  return Object.fromEntries([...totals].map(([model, { sum, count }]) => [model, sum / count]));
}

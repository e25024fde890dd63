import type { PanelInputs } from 'storyboard';

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

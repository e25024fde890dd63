import type { RunInputs } from 'wiro-core';
import type { PanelJob, UpscalePlan } from '../expand/types.js';
import type { TaskStage } from './types.js';

/** One Wiro task a panel needs: what to run, and where its pictures are cached. */
export interface TaskSpec {
  /** The panel it is for (events, journal). */
  panel: string;
  stage: TaskStage;
  model: string;
  /** Sent as they are; wiro-core encodes them for the wire. */
  inputs: RunInputs;
  /** Content address of the task's pictures in the panel cache. */
  cacheKey: string;
  /** Pictures the task must return. */
  samples: number;
  /** Its pictures are the panel's final picture (no task follows it in the chain). */
  final: boolean;
}

/** The task that generates a panel's picture. */
export function generationTask(job: PanelJob): TaskSpec {
  return {
    panel: job.id,
    stage: 'generate',
    model: job.model,
    inputs: { ...job.inputs },
    cacheKey: job.cacheKey,
    samples: job.inputs.samples,
    final: job.upscale === undefined,
  };
}

/** The task that enlarges a panel's generated picture, read by Wiro from `inputImageUrl`. */
export function upscaleTask(job: PanelJob, plan: UpscalePlan, inputImageUrl: string): TaskSpec {
  return {
    panel: job.id,
    stage: 'upscale',
    model: plan.model,
    inputs: { inputImageUrl, modelName: plan.modelName, outscale: plan.outscale },
    cacheKey: plan.cacheKey,
    samples: 1,
    final: true,
  };
}

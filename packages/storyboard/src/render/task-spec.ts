import type { RunInputs } from 'wiro-core';
import type { PanelJob } from '../expand/types.js';

/** One Wiro task a panel needs: what to run, and where its pictures are cached. */
export interface TaskSpec {
  /** The panel it is for (events, journal). */
  panel: string;
  model: string;
  /** Sent as they are; wiro-core encodes them for the wire. */
  inputs: RunInputs;
  /** Content address of the task's pictures in the panel cache. */
  cacheKey: string;
  /** Pictures the task must return. */
  samples: number;
}

/** The task that generates a panel's picture. */
export function generationTask(job: PanelJob): TaskSpec {
  return {
    panel: job.id,
    model: job.model,
    inputs: { ...job.inputs },
    cacheKey: job.cacheKey,
    samples: job.inputs.samples,
  };
}

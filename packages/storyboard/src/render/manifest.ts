import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PanelJob } from '../expand/types.js';
import { writeFileAtomic } from './atomic-write.js';
import type { RenderResult } from './types.js';

/** One panel in the run manifest. */
export interface ManifestPanel {
  id: string;
  page: number;
  slot: number;
  prompt: string;
  seed: number;
  width: number;
  height: number;
  samples: number;
  variant: number;
  cacheKey: string;
  status: string;
  fromCache: boolean;
  taskIds: string[];
  attempts: number;
  cost: number;
  /** The task that produced the image in use, and what it cost, in whichever run it ran. */
  source: { taskid: string; cost: number } | undefined;
  seconds: number;
  image: string | undefined;
  sha256: string | undefined;
  error: string | undefined;
}

/** The JSON manifest written for every run. It never contains credentials. */
export interface RunManifest {
  version: 1;
  createdAt: string;
  model: string | undefined;
  panels: ManifestPanel[];
  totals: RenderResult['totals'];
  stopped: RenderResult['stopped'];
  /** Files written after rendering (pages, PDF, CBZ), added by compose. */
  outputs: Array<{ kind: string; path: string; bytes: number; sha256: string }>;
  /** Hash of everything the outputs were composed from; equal means they are up to date. */
  composeFingerprint?: string | undefined;
}

/** Joins the jobs and their results into the run manifest. */
export function buildManifest(
  jobs: PanelJob[],
  result: RenderResult,
  createdAt: Date,
): RunManifest {
  const byId = new Map(result.panels.map((p) => [p.id, p]));
  return {
    version: 1,
    createdAt: createdAt.toISOString(),
    model: jobs[0]?.model,
    panels: jobs.map((job) => {
      const panel = byId.get(job.id);
      return {
        id: job.id,
        page: job.page,
        slot: job.slot,
        prompt: job.inputs.prompt,
        seed: job.inputs.seed,
        width: job.inputs.width,
        height: job.inputs.height,
        samples: job.inputs.samples,
        variant: job.variant,
        cacheKey: job.cacheKey,
        status: panel?.status ?? 'skipped',
        fromCache: panel?.status === 'cached',
        taskIds: panel?.taskIds ?? [],
        attempts: panel?.attempts ?? 0,
        cost: panel?.cost ?? 0,
        source: panel?.source,
        seconds: panel?.seconds ?? 0,
        image: panel?.image,
        sha256: panel?.sha256,
        error: panel?.error,
      };
    }),
    totals: result.totals,
    stopped: result.stopped,
    outputs: [],
  };
}

/** Writes a manifest atomically as pretty JSON. */
export async function writeManifest(path: string, manifest: RunManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

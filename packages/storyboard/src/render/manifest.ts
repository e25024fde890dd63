import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { PanelJob } from '../expand/types.js';
import { effectivePpi } from '../expand/upscale-plan.js';
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
  /** The task that generated the picture, and what it cost, in whichever run it ran. */
  source: { taskid: string; cost: number } | undefined;
  /** The upscale on Wiro whose picture is used, when the panel was enlarged. */
  upscale:
    | {
        model: string;
        modelName: string;
        outscale: number;
        taskid: string;
        cost: number;
        /** Size of the enlarged picture, in pixels. */
        width: number;
        height: number;
      }
    | undefined;
  /** How the picture prints: its rectangle on the page and its effective resolution. */
  print: {
    widthIn: number;
    heightIn: number;
    /** Pixels of the picture in use (the enlarged one when there is one). */
    finalWidth: number;
    finalHeight: number;
    /** Pixels per inch of the picture in use, on its rectangle. */
    effectivePpi: number;
    /** The resolution aimed for (`generation.upscale.ppi`, at most the page dpi). */
    targetPpi: number;
  };
  seconds: number;
  image: string | undefined;
  sha256: string | undefined;
  error: string | undefined;
}

/** A rectangle in PDF points from the top-left corner of the page's MediaBox, y down. */
export interface ManifestRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One panel's picture on a page. */
export interface ManifestPagePanel {
  /** Panel id (`cover` for the cover). */
  id: string;
  /** The picture's area on the page (to the bleed edge on a bleeding panel's outer sides). */
  rectPt: ManifestRect;
  /** The part of the source picture shown there, in source pixels. */
  crop: ManifestRect;
  /** SHA-256 of the picture file placed (as downloaded), lower-case hex. */
  imageSha256: string;
  /** Whether the art runs to the bleed edge. */
  bleed: boolean;
  /** Source pixels per inch of the picture as printed in `rectPt`. */
  effectivePpi: number;
}

/** One lettering item on a page: its drawn extent (tail included). */
export interface ManifestLettering {
  panel: string;
  /** `caption`, `speech`, `thought`, `whisper`, `shout`, `sfx` or `title`. */
  kind: string;
  rectPt: ManifestRect;
}

/** Geometry of one composed page, for readers, checks and tools. */
export interface ManifestPage {
  /** 1-based page number; 0 for the cover (as in `panels[].page`). */
  number: number;
  /** The page image file, e.g. `page-001.jpg`. */
  file: string;
  /** The PDF TrimBox: the finished page. */
  trimBoxPt: ManifestRect;
  /** The safe (live) area: lettering and panel borders stay inside it. */
  safeBoxPt: ManifestRect;
  panels: ManifestPagePanel[];
  /** In reading order within each panel. */
  lettering: ManifestLettering[];
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
  /** Geometry of every composed page, cover first; empty when nothing was composed. */
  pages?: ManifestPage[] | undefined;
}

/** Joins the jobs and their results into the run manifest. */
export function buildManifest(
  jobs: PanelJob[],
  result: RenderResult,
  createdAt: Date,
  targetPpi: (job: PanelJob) => number,
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
        upscale:
          panel?.upscale && job.upscale
            ? {
                model: job.upscale.model,
                modelName: job.upscale.modelName,
                outscale: job.upscale.outscale,
                taskid: panel.upscale.taskid,
                cost: panel.upscale.cost,
                width: job.upscale.width,
                height: job.upscale.height,
              }
            : undefined,
        print: printOf(job, panel?.upscale !== undefined, targetPpi(job)),
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

/** Where a panel's picture prints and at what resolution. */
function printOf(job: PanelJob, upscaled: boolean, target: number): ManifestPanel['print'] {
  const final = upscaled && job.upscale ? job.upscale : job.inputs;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    widthIn: round(job.print.widthIn),
    heightIn: round(job.print.heightIn),
    finalWidth: final.width,
    finalHeight: final.height,
    effectivePpi: Math.round(effectivePpi(final, job.print)),
    targetPpi: target,
  };
}

/** Writes a manifest atomically as pretty JSON. */
export async function writeManifest(path: string, manifest: RunManifest): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

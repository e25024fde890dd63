import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { ManifestPage, PanelJob, RunManifest, Story } from 'storyboard';
import { canonicalJson } from 'wiro-core';
import type { LetteredSheet } from '../letter-issue.js';
import type { OutputFormat } from '../options.js';
import type { ComposeStep, IssueEvent, OutputFile } from './types.js';

/** Bumped when compose's output for the same inputs changes. */
const COMPOSE_VERSION = 'compose/2';

/** Compose itself, loaded only when pages are made (it brings sharp and pdfkit). */
export const composeWithCompose: ComposeStep = async (story, panels, options) => {
  const { composeIssue } = await import('../compose-issue.js');
  const result = await composeIssue(story, panels, options);
  return {
    outputs: result.outputs,
    warnings: result.warnings.map((w) => w.message),
    pages: result.pages.map((page) => page.geometry),
  };
};

/** What the compose step made, and the fingerprint the manifest records. */
export interface ComposeStageResult {
  outputs: OutputFile[];
  warnings: string[];
  /** Geometry of every page (`RunManifest.pages`). */
  pages: ManifestPage[];
  fingerprint: string | undefined;
}

/** What compose lays out: the story, its pictures, and what the manifest needs to skip it. */
export interface ComposeInput {
  story: Story;
  jobs: readonly PanelJob[];
  images: ReadonlyMap<string, string>;
  /** sha256 of each panel's picture, by panel id, when every one is known. */
  pictureShas: ReadonlyMap<string, string | undefined>;
}

/**
 * The last run's outputs, when they were made from exactly the same story, pictures and formats
 * and are all still there: then nothing is composed (nor lettered) again.
 */
export async function findCurrentOutputs(
  input: ComposeInput,
  formats: readonly OutputFormat[],
  manifestPath: string,
): Promise<ComposeStageResult | undefined> {
  const fingerprint = composeFingerprint(input, formats);
  const previous = await upToDateOutputs(manifestPath, fingerprint);
  return previous && { ...previous, warnings: [], fingerprint };
}

/** Lays the issue out with its lettering (see `findCurrentOutputs` for when it need not). */
export async function composeStage(
  input: ComposeInput & { lettered: readonly LetteredSheet[] },
  options: {
    outDir: string;
    formats: readonly OutputFormat[];
    compose: ComposeStep;
    signal?: AbortSignal | undefined;
  },
  emit: (event: IssueEvent) => void,
): Promise<ComposeStageResult> {
  emit({ type: 'phase', phase: 'compose', detail: options.outDir });
  const composed = await options.compose(input.story, input.images, {
    outDir: options.outDir,
    formats: options.formats,
    lettered: input.lettered,
    signal: options.signal,
  });
  return {
    ...composed,
    pages: composed.pages ?? [],
    fingerprint: composeFingerprint(input, options.formats),
  };
}

/**
 * Hash of everything the outputs are made from: the story (lettering too), pictures, formats.
 * `undefined` when a picture's hash is unknown (its outputs are then never taken as up to date).
 */
export function composeFingerprint(
  input: ComposeInput,
  formats: readonly OutputFormat[],
): string | undefined {
  const panelShas = input.jobs.map((job) => input.pictureShas.get(job.id));
  if (panelShas.some((sha) => !sha) || input.images.size !== input.jobs.length) return undefined;
  return createHash('sha256')
    .update(canonicalJson({ version: COMPOSE_VERSION, story: input.story, panelShas, formats }))
    .digest('hex');
}

/** The previous run's outputs when they were made from the same fingerprint and are all there. */
async function upToDateOutputs(
  manifestPath: string,
  fingerprint: string | undefined,
): Promise<{ outputs: OutputFile[]; pages: ManifestPage[] } | undefined> {
  if (!fingerprint) return undefined;
  try {
    const previous = JSON.parse(await readFile(manifestPath, 'utf8')) as RunManifest;
    if (previous.composeFingerprint !== fingerprint || previous.outputs.length === 0)
      return undefined;
    for (const output of previous.outputs) {
      if ((await stat(output.path)).size !== output.bytes) return undefined;
    }
    return { outputs: previous.outputs, pages: previous.pages ?? [] };
  } catch {
    return undefined;
  }
}

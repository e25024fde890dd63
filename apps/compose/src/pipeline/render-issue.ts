import { join } from 'node:path';
import {
  buildManifest,
  type ManifestPage,
  type RenderResult,
  type Story,
  StoryValidationError,
  targetPpi,
  writeManifest,
} from 'storyboard';
import { UnsafeOutputError } from '../errors.js';
import { OUTPUT_FORMATS } from '../options.js';
import { assertNoLinkedOutputFolders, sweepOutputFolders } from '../output-folders.js';
import { chooseBackend } from './backend.js';
import {
  type ComposeStageResult,
  composeFingerprint,
  composeStage,
  composeWithCompose,
} from './compose-stage.js';
import { ExitCode } from './exit-codes.js';
import { fillWithPlaceholders, findPanelImages } from './panel-images.js';
import { defaultCacheDir, defaultOutDir } from './paths.js';
import { type PanelPlan, planPanels } from './plan-panels.js';
import { renderStage } from './render-stage.js';
import { SelectorError } from './select-panels.js';
import { type StreamedCompose, streamCompose } from './stream-compose.js';
import type { IssueEvent, OutputFile, RenderIssueOptions, RenderIssueResult } from './types.js';
import { type ValidatedIssue, validateIssue } from './validate-issue.js';

/** A result that stops before anything was rendered. */
const refused = (exitCode: ExitCode, message: string, story?: Story): RenderIssueResult => ({
  exitCode,
  message,
  story,
  plan: [],
  render: undefined,
  backend: undefined,
  outDir: undefined,
  manifestPath: undefined,
  outputs: [],
  warnings: [],
  belowTarget: [],
});

/** The script, or why it was refused (exit 2, nothing spent). */
async function validate(
  storyPath: string,
): Promise<ValidatedIssue | { refused: RenderIssueResult }> {
  try {
    return await validateIssue(storyPath);
  } catch (error) {
    if (error instanceof StoryValidationError)
      return { refused: refused(ExitCode.Invalid, error.message) };
    throw error;
  }
}

/**
 * The whole pipeline for one issue: validate → plan → render → compose → manifest. Never throws
 * for expected failures: the result carries the exit code and a one-line message.
 */
export async function renderIssue(options: RenderIssueOptions): Promise<RenderIssueResult> {
  const emit = (event: IssueEvent) => options.onEvent?.(event);
  const env = options.env ?? process.env;
  const mode = options.mode ?? 'render';

  emit({ type: 'phase', phase: 'validate', detail: options.storyPath });
  const validated = await validate(options.storyPath);
  // Validation is synchronous (bounded by the script limits): a stop asked for meanwhile is
  // honoured as soon as it returns, before anything else happens.
  if (options.signal?.aborted) {
    return refused(ExitCode.Interrupted, 'Stopped during validation; nothing was sent.');
  }
  if ('refused' in validated) return validated.refused;
  const { lettered } = validated;
  const story = options.upscale === false ? withoutUpscale(validated.story) : validated.story;

  emit({ type: 'phase', phase: 'expand' });
  const backend = options.backend?.kind ?? chooseBackend({ draft: options.draft, env });
  const cacheRoot = options.cacheDir ?? defaultCacheDir(options.storyPath);
  let plan: PanelPlan;
  try {
    plan = await planPanels(story, { only: options.only, cacheRoot, backend });
  } catch (error) {
    if (error instanceof SelectorError) return refused(ExitCode.Invalid, error.message, story);
    throw error;
  }
  const planned = { ...refused(ExitCode.Done, ''), message: undefined, story, backend };
  if (mode === 'plan') return { ...planned, plan: plan.panels };

  const outDir = options.outDir ?? defaultOutDir(story.slug, env);
  try {
    await assertNoLinkedOutputFolders(outDir);
  } catch (error) {
    if (error instanceof UnsafeOutputError) return refused(ExitCode.Invalid, error.message, story);
    throw error;
  }
  // Temporary files of a run killed while composing go, even when nothing is composed again.
  await sweepOutputFolders(outDir);
  const manifestPath = join(outDir, 'manifest.json');
  const base = { ...planned, plan: plan.panels, outDir, manifestPath };
  const formats = options.formats ?? OUTPUT_FORMATS;
  const compose = options.compose ?? composeWithCompose;
  let render: RenderResult | undefined;
  let streamed: StreamedCompose | undefined;
  if (mode === 'render') {
    // When panels are to be rendered, pages are composed as their panels become final.
    const renders = plan.panels.some((p) => p.selected && (!p.cached || options.force));
    streamed = renders
      ? streamCompose(story, { outDir, formats, lettered, compose, signal: options.signal })
      : undefined;
    emit({ type: 'phase', phase: 'render', detail: `${plan.panels.length} panels` });
    const rendered = await renderStage(plan, backend, { ...options, env }, emit, streamed?.onPanel);
    if (rendered.render === undefined) {
      await streamed?.cancel();
      return {
        ...base,
        manifestPath: undefined,
        exitCode: rendered.exitCode,
        message: rendered.message,
      };
    }
    render = rendered.render;
  }

  const jobs = plan.panels.map((p) => p.job);
  const found = await findPanelImages(jobs, render, plan.cache);
  const missingIds = found.missing.map((job) => job.id).join(', ');
  let exitCode: ExitCode = ExitCode.Done;
  let message: string | undefined;
  let outputs: OutputFile[] = [];
  let warnings: string[] = [];
  let pages: ManifestPage[] = [];
  let fingerprint: string | undefined;
  if (render?.stopped === 'budget') {
    await streamed?.cancel();
    exitCode = ExitCode.BudgetReached;
    message = `Budget of $${options.maxCost?.toFixed(2)} reached after $${render.totals.cost.toFixed(4)}: ${found.missing.length} panels not rendered. Run again with a higher --max-cost to resume.`;
  } else if (mode === 'compose' && found.missing.length > 0) {
    return {
      ...base,
      exitCode: ExitCode.PanelsFailed,
      message: `Not in the cache yet: ${missingIds}. Run render first.`,
    };
  } else {
    if (found.missing.length > 0) {
      await fillWithPlaceholders(found, cacheRoot);
      exitCode = ExitCode.PanelsFailed;
      message = `${found.missing.length} panel(s) failed: ${missingIds} (placeholders used)`;
    }
    const input = { story, lettered, jobs, images: found.images, pictureShas: pictureShas(render) };
    let composed: ComposeStageResult;
    if (streamed) {
      emit({ type: 'phase', phase: 'compose', detail: outDir });
      const result = await streamed.finish(found.images);
      composed = {
        ...result,
        pages: result.pages ?? [],
        fingerprint: composeFingerprint(input, formats),
      };
    } else {
      composed = await composeStage(
        input,
        { outDir, manifestPath, formats, compose, signal: options.signal },
        emit,
      );
    }
    ({ outputs, warnings, pages } = composed);
    if (exitCode === ExitCode.Done) fingerprint = composed.fingerprint;
  }

  emit({ type: 'phase', phase: 'manifest', detail: manifestPath });
  const manifest = buildManifest(
    jobs,
    render ?? fromCache(jobs.length, found.images.size),
    new Date(),
    (job) => targetPpi(story.generation.upscale, job.print),
  );
  manifest.outputs = outputs;
  manifest.composeFingerprint = fingerprint;
  manifest.pages = pages;
  await writeManifest(manifestPath, manifest);
  const belowTarget = manifest.panels
    .filter((panel) => panel.print.effectivePpi < panel.print.targetPpi)
    .map((panel) => ({
      panel: panel.id,
      ppi: panel.print.effectivePpi,
      target: panel.print.targetPpi,
    }))
    .sort((a, b) => a.ppi - b.ppi);
  return { ...base, exitCode, message, render, outputs, warnings, belowTarget };
}

/** The story with its upscale stage turned off (`--no-upscale`). */
function withoutUpscale(story: Story): Story {
  const upscale = { ...story.generation.upscale, mode: 'off' as const };
  return { ...story, generation: { ...story.generation, upscale } };
}

/** sha256 of each panel's picture in this render, by panel id. */
function pictureShas(render: RenderResult | undefined): Map<string, string | undefined> {
  return new Map(render?.panels.map((panel) => [panel.id, panel.sha256]));
}

/** The render result of a run that composed from the cache without rendering. */
function fromCache(panels: number, cached: number): RenderResult {
  return {
    panels: [],
    totals: {
      panels,
      rendered: 0,
      cached,
      failed: 0,
      skipped: 0,
      cost: 0,
      wallSeconds: 0,
      uncertainRuns: 0,
      adoptedTasks: 0,
      urlRefreshes: 0,
    },
    stopped: undefined,
  };
}

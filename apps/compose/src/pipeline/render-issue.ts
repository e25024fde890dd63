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
  findCurrentOutputs,
} from './compose-stage.js';
import { ExitCode } from './exit-codes.js';
import { fillWithPlaceholders, findPanelImages } from './panel-images.js';
import { defaultCacheDir, defaultOutDir } from './paths.js';
import { type PanelPlan, planPanels } from './plan-panels.js';
import { renderStage } from './render-stage.js';
import { SelectorError } from './select-panels.js';
import { type StreamedCompose, streamCompose } from './stream-compose.js';
import type { IssueEvent, OutputFile, RenderIssueOptions, RenderIssueResult } from './types.js';
import { parseIssue } from './validate-issue.js';

const STOPPED_VALIDATING = 'Stopped during validation; nothing was sent.';

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

/**
 * What `attempt` returns, or a refusal (exit 2, nothing spent) when it throws a
 * `StoryValidationError`: the script, then its lettering.
 */
async function orRefused<T>(
  attempt: () => Promise<T>,
  story?: Story,
): Promise<T | { refused: RenderIssueResult }> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof StoryValidationError)
      return { refused: refused(ExitCode.Invalid, error.message, story) };
    throw error;
  }
}

/**
 * The whole pipeline for one issue: validate → plan → letter → render → compose → manifest. The
 * lettering is laid out (and text that cannot be lettered refused) before the first Run and
 * before compose; a rebuild that renders and composes nothing skips it. Never throws for
 * expected failures: the result carries the exit code and a one-line message.
 */
export async function renderIssue(options: RenderIssueOptions): Promise<RenderIssueResult> {
  const emit = (event: IssueEvent) => options.onEvent?.(event);
  const env = options.env ?? process.env;
  const mode = options.mode ?? 'render';

  emit({ type: 'phase', phase: 'validate', detail: options.storyPath });
  const cacheRoot = options.cacheDir ?? defaultCacheDir(options.storyPath);
  const parsed = await orRefused(() => parseIssue(options.storyPath, { cacheDir: cacheRoot }));
  // Validation is synchronous (bounded by the script limits): a stop asked for meanwhile is
  // honoured as soon as it returns, before anything else happens.
  if (options.signal?.aborted) {
    return refused(ExitCode.Interrupted, STOPPED_VALIDATING);
  }
  if ('refused' in parsed) return parsed.refused;
  const story = options.upscale === false ? withoutUpscale(parsed.story) : parsed.story;
  // The lettering is laid out (and its problems refused) before anything is spent or composed;
  // a rebuild that does neither leaves it alone.
  const letter = async () => {
    emit({ type: 'phase', phase: 'letter' });
    const lettered = await orRefused(parsed.letter, story);
    if (!('refused' in lettered) && options.signal?.aborted) {
      return { refused: refused(ExitCode.Interrupted, STOPPED_VALIDATING, story) };
    }
    return lettered;
  };

  emit({ type: 'phase', phase: 'expand' });
  const backend = options.backend?.kind ?? chooseBackend({ draft: options.draft, env });
  let plan: PanelPlan;
  try {
    plan = await planPanels(story, { only: options.only, cacheRoot, backend });
  } catch (error) {
    if (error instanceof SelectorError) return refused(ExitCode.Invalid, error.message, story);
    throw error;
  }
  const planned = { ...refused(ExitCode.Done, ''), message: undefined, story, backend };
  if (mode === 'plan') {
    const lettered = await letter();
    return 'refused' in lettered ? lettered.refused : { ...planned, plan: plan.panels };
  }

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
    if (renders) {
      const lettered = await letter();
      if ('refused' in lettered) return lettered.refused;
      streamed = streamCompose(story, {
        outDir,
        formats,
        lettered,
        compose,
        signal: options.signal,
      });
    }
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
    const input = { story, jobs, images: found.images, pictureShas: pictureShas(render) };
    let composed: ComposeStageResult | undefined;
    if (streamed) {
      if (found.missing.length > 0) await fillWithPlaceholders(found, cacheRoot);
      emit({ type: 'phase', phase: 'compose', detail: outDir });
      const result = await streamed.finish(found.images);
      composed = {
        ...result,
        pages: result.pages ?? [],
        fingerprint: composeFingerprint(input, formats),
      };
    } else {
      composed = await findCurrentOutputs(input, formats, manifestPath);
      if (composed) {
        emit({ type: 'note', message: 'Pages, PDF and CBZ are up to date.' });
      } else {
        const lettered = await letter();
        if ('refused' in lettered) return lettered.refused;
        await fillWithPlaceholders(found, cacheRoot);
        composed = await composeStage(
          { ...input, lettered },
          { outDir, formats, compose, signal: options.signal },
          emit,
        );
      }
    }
    if (found.missing.length > 0) {
      exitCode = ExitCode.PanelsFailed;
      message = `${found.missing.length} panel(s) failed: ${missingIds} (placeholders used)`;
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

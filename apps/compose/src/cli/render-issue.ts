import { createHash } from 'node:crypto';
import { readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  buildManifest,
  canonicalJson,
  expandPanels,
  PanelCache,
  type PanelJob,
  parseStory,
  RenderAbortError,
  type RenderEvent,
  type RenderResult,
  type RunManifest,
  renderPanels,
  type Story,
  StoryValidationError,
  writeManifest,
} from 'storyboard';
import { WiroAuthError, WiroInsufficientBalanceError } from 'wiro-core';
import { openBackend, type RenderBackend } from './backend.js';
import { estimateTaskCost } from './estimate.js';
import { ExitCode } from './exit-codes.js';
import { defaultCacheDir, defaultOutDir } from './paths.js';
import { writePlaceholderPanel } from './placeholder.js';
import { SelectorError, selectPanels } from './select.js';

/** Output formats the command can write. */
export type OutputFormat = 'pdf' | 'cbz' | 'pages' | 'contact-sheet';

/** Every output format, the default. */
export const ALL_OUTPUT_FORMATS: readonly OutputFormat[] = ['pages', 'pdf', 'cbz', 'contact-sheet'];

/** One output file, as recorded in the manifest. */
export type OutputFile = RunManifest['outputs'][number];

/** The compose step: lays out panel images into the requested outputs. */
export type ComposeStep = (
  story: Story,
  panels: ReadonlyMap<string, string>,
  options: { outDir: string; formats: readonly OutputFormat[]; signal?: AbortSignal | undefined },
) => Promise<{ outputs: OutputFile[]; warnings: string[] }>;

/** What `renderIssue` reports as it goes (render events plus phases and notes). */
export type IssueEvent =
  | RenderEvent
  | {
      type: 'phase';
      phase: 'validate' | 'expand' | 'render' | 'compose' | 'manifest';
      detail?: string;
    }
  | { type: 'note'; message: string };

/** Options of {@link renderIssue}. */
export interface RenderIssueOptions {
  /** Absolute path of the story script. */
  storyPath: string;
  /** `render` (default), `plan` (no billable request), or `compose` (from the cache only). */
  mode?: 'render' | 'plan' | 'compose' | undefined;
  outDir?: string | undefined;
  cacheDir?: string | undefined;
  concurrency?: number | undefined;
  maxCost?: number | undefined;
  /** `--only` selectors: page numbers or ranges, page ids, panel ids. */
  only?: string[] | undefined;
  force?: boolean | undefined;
  /** Draw drafts on the embedded emulator even when credentials are set. */
  draft?: boolean | undefined;
  formats?: readonly OutputFormat[] | undefined;
  signal?: AbortSignal | undefined;
  onEvent?: ((event: IssueEvent) => void) | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** A backend to share (nightly builds); opened and closed here when absent. */
  backend?: RenderBackend | undefined;
  /** Lays out the pages; the CLI passes compose's `composeIssue`. */
  compose?: ComposeStep | undefined;
  /**
   * Checks the lettering before anything is rendered (text that cannot fit, missing glyphs);
   * returns the problem, if any. Invalid lettering exits 2 with nothing spent.
   */
  checkLettering?: ((story: Story) => string | undefined) | undefined;
}

/** One panel in a plan. */
export interface PlannedPanel {
  job: PanelJob;
  cached: boolean;
  selected: boolean;
  estimatedCost: number;
}

/** What `renderIssue` returns. */
export interface RenderIssueResult {
  exitCode: number;
  /** One line saying why, when the exit code is not 0. */
  message: string | undefined;
  story: Story | undefined;
  plan: PlannedPanel[];
  render: RenderResult | undefined;
  backend: 'wiro' | 'draft' | undefined;
  outDir: string | undefined;
  manifestPath: string | undefined;
  outputs: OutputFile[];
  warnings: string[];
}

const empty = (exitCode: number, message: string, story?: Story): RenderIssueResult => ({
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
});

/** Reads and validates a story; errors name file, line, column and field. */
export async function loadStory(storyPath: string): Promise<Story> {
  let text: string;
  try {
    text = await readFile(storyPath, 'utf8');
  } catch (error) {
    throw new StoryValidationError([
      {
        file: storyPath,
        line: 1,
        column: 1,
        path: [],
        message: `cannot read the script (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      },
    ]);
  }
  return parseStory(text, { file: storyPath });
}

/** The cache folder of one backend: drafts and real art never share entries. */
function cacheFolder(root: string, kind: 'wiro' | 'draft') {
  return { cacheDir: join(root, kind), journalPath: join(root, kind, 'journal.jsonl') };
}

/** Bumped when compose's output for the same inputs changes. */
const COMPOSE_VERSION = 'compose/1';

/** Hash of everything the outputs are made from: the story (lettering too), images, formats. */
function composeFingerprint(
  story: Story,
  jobs: PanelJob[],
  images: ReadonlyMap<string, string>,
  render: RenderResult | undefined,
  formats: readonly OutputFormat[],
): string | undefined {
  const shas = new Map(render?.panels.map((p) => [p.id, p.sha256]));
  const panelShas = jobs.map((job) => shas.get(job.id));
  if (panelShas.some((sha) => !sha) || images.size !== jobs.length) return undefined;
  return createHash('sha256')
    .update(canonicalJson({ version: COMPOSE_VERSION, story, panelShas, formats }))
    .digest('hex');
}

/** The previous run's outputs when they were made from the same fingerprint and are all there. */
async function upToDateOutputs(
  manifestPath: string,
  fingerprint: string | undefined,
): Promise<OutputFile[] | undefined> {
  if (!fingerprint) return undefined;
  try {
    const previous = JSON.parse(await readFile(manifestPath, 'utf8')) as RunManifest;
    if (previous.composeFingerprint !== fingerprint || previous.outputs.length === 0)
      return undefined;
    for (const output of previous.outputs) {
      if ((await stat(output.path)).size !== output.bytes) return undefined;
    }
    return previous.outputs;
  } catch {
    return undefined;
  }
}

/** The cached image of a job's chosen variant, if the cache has the job. */
async function cachedImage(cache: PanelCache, job: PanelJob): Promise<string | undefined> {
  const entry = await cache.get(job.cacheKey, job.inputs.samples);
  return entry
    ? cache.imagePath(job.cacheKey, Math.min(job.variant, entry.files.length - 1))
    : undefined;
}

/**
 * The whole pipeline for one issue: validate → expand → render panels → compose → manifest.
 * Never throws for expected failures: the result carries the exit code and a message.
 */
export async function renderIssue(options: RenderIssueOptions): Promise<RenderIssueResult> {
  const emit = (event: IssueEvent) => options.onEvent?.(event);
  const env = options.env ?? process.env;
  emit({ type: 'phase', phase: 'validate', detail: options.storyPath });
  // Validation is synchronous (bounded by the script limits): a stop asked for meanwhile is
  // honoured as soon as it returns, before anything else happens.
  const stopped = () => empty(ExitCode.Interrupted, 'Stopped during validation; nothing was sent.');
  let story: Story;
  try {
    story = await loadStory(options.storyPath);
  } catch (error) {
    if (options.signal?.aborted) return stopped();
    if (error instanceof StoryValidationError) return empty(ExitCode.Invalid, error.message);
    throw error;
  }
  if (options.signal?.aborted) return stopped();
  const letteringProblem = options.checkLettering?.(story);
  if (letteringProblem)
    return empty(ExitCode.Invalid, `${options.storyPath}: ${letteringProblem}`, story);
  emit({ type: 'phase', phase: 'expand' });
  const jobs = expandPanels(story);
  let only: Set<string> | undefined;
  try {
    only = options.only?.length ? selectPanels(story, jobs, options.only) : undefined;
  } catch (error) {
    if (error instanceof SelectorError) return empty(ExitCode.Invalid, error.message, story);
    throw error;
  }

  const mode = options.mode ?? 'render';
  const wantsWiro = !options.draft && Boolean(env.WIRO_API_KEY?.trim());
  const kind = options.backend?.kind ?? (wantsWiro ? 'wiro' : 'draft');
  const cacheRoot = options.cacheDir ?? defaultCacheDir(options.storyPath);
  const { cacheDir, journalPath } = cacheFolder(cacheRoot, kind);
  const cache = new PanelCache(cacheDir);
  const plan: PlannedPanel[] = [];
  for (const job of jobs) {
    const cached = (await cache.get(job.cacheKey, job.inputs.samples)) !== undefined;
    const selected = !only || only.has(job.id);
    plan.push({ job, cached, selected, estimatedCost: estimateTaskCost(job.inputs) });
  }
  const base = { ...empty(ExitCode.Done, ''), message: undefined, story, plan, backend: kind };
  if (mode === 'plan') return base;

  const outDir = options.outDir ?? defaultOutDir(story.slug, env);
  let render: RenderResult | undefined;
  if (mode === 'render') {
    emit({ type: 'phase', phase: 'render', detail: `${jobs.length} panels` });
    const backend = options.backend ?? (await openBackend({ draft: options.draft, env }));
    if (!options.backend && backend.kind === 'draft') {
      emit({
        type: 'note',
        message:
          'No WIRO_API_KEY set: rendering free drafts on the local emulator. Set WIRO_API_KEY (and WIRO_API_SECRET) to render real art on Wiro.',
      });
    }
    if (backend.kind === 'draft') {
      // A new emulator reuses task ids, so a draft journal from an earlier process means nothing.
      await rm(journalPath, { force: true });
    }
    try {
      const uncached = plan.filter((p) => !p.cached);
      const meanEstimate = uncached.length
        ? uncached.reduce((sum, p) => sum + p.estimatedCost, 0) / uncached.length
        : undefined;
      render = await renderPanels(jobs, {
        client: backend.client,
        cacheDir,
        cache,
        journalPath,
        concurrency: options.concurrency,
        maxCost: options.maxCost,
        costEstimate: meanEstimate,
        only,
        force: options.force,
        signal: options.signal,
        onEvent: emit,
      });
    } catch (error) {
      if (error instanceof RenderAbortError) {
        return { ...base, exitCode: ExitCode.Interrupted, message: error.message, outDir };
      }
      if (error instanceof WiroAuthError || error instanceof WiroInsufficientBalanceError) {
        return { ...base, exitCode: ExitCode.PanelsFailed, message: error.message, outDir };
      }
      throw error;
    } finally {
      if (!options.backend) await backend.close();
    }
  }

  const images = new Map<string, string>();
  const missing: PanelJob[] = [];
  const rendered = new Map(render?.panels.map((panel) => [panel.id, panel.image]));
  for (const job of jobs) {
    const image = render ? rendered.get(job.id) : await cachedImage(cache, job);
    if (image) images.set(job.id, image);
    else missing.push(job);
  }

  const manifestPath = join(outDir, 'manifest.json');
  let fingerprint: string | undefined;
  const result: RenderIssueResult = { ...base, render, outDir, manifestPath };
  if (render?.stopped === 'budget') {
    result.exitCode = ExitCode.BudgetReached;
    result.message = `Budget of $${options.maxCost?.toFixed(2)} reached after $${render.totals.cost.toFixed(4)}: ${missing.length} panels not rendered. Run again with a higher --max-cost to resume.`;
  } else {
    if (missing.length > 0) {
      if (mode === 'compose') {
        const names = missing.map((j) => j.id).join(', ');
        return {
          ...result,
          exitCode: ExitCode.PanelsFailed,
          message: `Not in the cache yet: ${names}. Run render first.`,
        };
      }
      for (const job of missing) {
        images.set(
          job.id,
          await writePlaceholderPanel(
            join(cacheRoot, 'placeholders'),
            job.id,
            job.inputs.width,
            job.inputs.height,
          ),
        );
      }
      result.exitCode = ExitCode.PanelsFailed;
      result.message = `${missing.length} panel(s) failed: ${missing.map((j) => j.id).join(', ')} (placeholders used)`;
    }
    if (options.compose) {
      const formats = options.formats ?? ALL_OUTPUT_FORMATS;
      fingerprint = composeFingerprint(story, jobs, images, render, formats);
      const previous = await upToDateOutputs(manifestPath, fingerprint);
      if (previous) {
        emit({ type: 'note', message: 'Pages, PDF and CBZ are up to date.' });
        result.outputs = previous;
      } else {
        emit({ type: 'phase', phase: 'compose', detail: outDir });
        const composed = await options.compose(story, images, {
          outDir,
          formats,
          signal: options.signal,
        });
        result.outputs = composed.outputs;
        result.warnings = composed.warnings;
      }
    }
  }

  emit({ type: 'phase', phase: 'manifest', detail: manifestPath });
  const fallback: RenderResult = {
    panels: [],
    totals: {
      panels: jobs.length,
      rendered: 0,
      cached: images.size,
      failed: 0,
      skipped: 0,
      cost: 0,
      wallSeconds: 0,
      uncertainRuns: 0,
    },
    stopped: undefined,
  };
  const manifest = buildManifest(jobs, render ?? fallback, new Date());
  manifest.outputs = result.outputs;
  manifest.composeFingerprint = result.exitCode === ExitCode.Done ? fingerprint : undefined;
  await writeManifest(manifestPath, manifest);
  return result;
}

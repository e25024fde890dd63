import { mkdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import {
  type BackendKind,
  type ComposeStep,
  chooseBackend,
  composeWithCompose,
  type IssueEvent,
  loadStory,
  OUTPUT_FORMATS,
  type OutputFile,
  type OutputFormat,
  openBackend,
  type RenderBackend,
  type RenderIssueResult,
  renderIssue,
} from 'compose/pipeline';
import {
  createTaskPool,
  type RunManifest,
  type Story,
  StoryValidationError,
  type TaskPool,
} from 'storyboard';
import { type BuildSettings, fingerprintIssue, toolVersion } from './fingerprint.js';
import { oneAtATime } from './one-at-a-time.js';
import { type IssueReport, type ReportedOutput, statusForExitCode } from './report.js';
import { type NightlyState, readState, STATE_FILE, writeState } from './state.js';

/** Progress of a nightly build, for a log or a JSON stream. */
export type NightlyEvent =
  | { type: 'issue-start'; script: string; index: number; total: number }
  | { type: 'issue-event'; script: string; event: IssueEvent }
  | { type: 'issue-end'; report: IssueReport };

/** Options of {@link buildIssues}. */
export interface BuildIssuesOptions {
  /** Absolute paths of the scripts, in build order. */
  storyPaths: string[];
  /** Output folder: each issue goes to `<outDir>/<slug>`, plus `nightly-state.json`. */
  outDir: string;
  /** Folder script paths are reported relative to (where nightly was run from). */
  rootDir: string;
  /** Panel cache. @default `<project>/.cache/comics-factory` of each script */
  cacheDir?: string | undefined;
  /** Tasks in flight at most, across all issues (their panels share one pool). @default 4 */
  concurrency?: number | undefined;
  /** USD for the whole night, shared by every issue (panels queued first are paid first). */
  maxCost?: number | undefined;
  /** Drafts on the embedded emulator even when `WIRO_API_KEY` is set. */
  draft?: boolean | undefined;
  /** `false` turns the upscale stage off for every issue (`--no-upscale`). */
  upscale?: boolean | undefined;
  /** File name of the state in `outDir`. @default STATE_FILE */
  stateFile?: string | undefined;
  /** Build every issue, even unchanged ones. */
  force?: boolean | undefined;
  /** @default every format */
  formats?: OutputFormat[] | undefined;
  signal?: AbortSignal | undefined;
  onEvent?: ((event: NightlyEvent) => void) | undefined;
  env?: NodeJS.ProcessEnv | undefined;
  /** Replaces compose (tests). @default compose itself */
  compose?: ComposeStep | undefined;
  /** Tool version in the fingerprints. @default toolVersion() */
  tool?: string | undefined;
  /** Monotonic milliseconds for durations. @default performance.now */
  now?: (() => number) | undefined;
  /** Wall clock for the state's `builtAt`. @default () => new Date() */
  date?: (() => Date) | undefined;
}

/** One issue after a nightly build: its report plus what the reader needs. */
export interface BuiltIssue {
  report: IssueReport;
  /** The parsed script; `undefined` when it is invalid. */
  story: Story | undefined;
  /** `<outDir>/<slug>`, once the script parsed. */
  issueDir: string | undefined;
  /** USD spent on the issue by every nightly build so far. */
  spent: number;
  /** When its outputs were built (tonight, or the night a skipped issue was last built). */
  builtAt: Date | undefined;
}

/** What {@link buildIssues} returns. */
export interface BuildIssuesResult {
  issues: BuiltIssue[];
  backend: BackendKind;
  /** USD spent tonight across all issues. */
  spent: number;
}

const slash = (path: string) => path.split('\\').join('/');

/** Shared by every issue of one night. */
interface Night {
  options: BuildIssuesOptions;
  settings: BuildSettings;
  state: NightlyState;
  slugs: Map<string, string>;
  spent: number;
  /** Every issue's tasks: one concurrency limit and one budget. */
  pool: TaskPool;
  /** Composes one issue at a time: pages of several issues at 300 dpi at once would not fit. */
  compose: ComposeStep;
  saveState(): Promise<void>;
  backend(): Promise<RenderBackend>;
}

function emptyReport(script: string): IssueReport {
  return {
    script,
    slug: undefined,
    title: undefined,
    status: 'failed',
    exitCode: 1,
    message: undefined,
    panels: { total: 0, rendered: 0, cached: 0, failed: 0 },
    cost: 0,
    seconds: 0,
    manifest: undefined,
    outputs: [],
    fingerprint: undefined,
  };
}

/** Output paths relative to the nightly folder; files written elsewhere are left out. */
function reportOutputs(outDir: string, issueDir: string, outputs: OutputFile[]): ReportedOutput[] {
  return outputs.flatMap((output) => {
    const path = relative(
      outDir,
      isAbsolute(output.path) ? output.path : join(issueDir, output.path),
    );
    return path.startsWith('..') || isAbsolute(path)
      ? []
      : [{ kind: output.kind, path: slash(path), bytes: output.bytes }];
  });
}

async function readManifest(path: string): Promise<RunManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(path, 'utf8')) as RunManifest;
    return manifest.version === 1 && Array.isArray(manifest.panels) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds (or skips) one issue; never throws for a problem with that issue. `queued` is called
 * once its panels wait in the pool (or it has none to render), so the next issue may start.
 */
async function buildIssue(
  night: Night,
  storyPath: string,
  script: string,
  queued: () => void,
): Promise<BuiltIssue> {
  const { options } = night;
  const report = emptyReport(script);
  const fail = (status: IssueReport['status'], exitCode: number, message: string) =>
    Object.assign(report, { status, exitCode, message });
  if (options.signal?.aborted) {
    fail('interrupted', 130, 'not started: the build was interrupted');
    return { report, story: undefined, issueDir: undefined, spent: 0, builtAt: undefined };
  }

  let story: Story;
  try {
    story = await loadStory(storyPath);
  } catch (error) {
    if (!(error instanceof StoryValidationError)) throw error;
    fail('invalid', 2, error.message);
    return { report, story: undefined, issueDir: undefined, spent: 0, builtAt: undefined };
  }
  Object.assign(report, { slug: story.slug, title: story.title });
  const owner = night.slugs.get(story.slug);
  if (owner !== undefined) {
    fail('invalid', 2, `${script}: issue slug "${story.slug}" is already used by ${owner}`);
    return { report, story: undefined, issueDir: undefined, spent: 0, builtAt: undefined };
  }
  night.slugs.set(story.slug, script);
  const issueDir = join(options.outDir, story.slug);
  const manifestPath = join(issueDir, 'manifest.json');
  report.fingerprint = await fingerprintIssue(storyPath, night.settings);
  const previous = night.state.issues[script];
  const spentBefore = previous?.spent ?? 0;

  if (
    !options.force &&
    previous?.fingerprint === report.fingerprint &&
    previous.exitCode === 0 &&
    previous.slug === story.slug
  ) {
    const manifest = await readManifest(manifestPath);
    if (manifest) {
      Object.assign(report, {
        status: 'skipped',
        exitCode: 0,
        message: `unchanged since ${previous.builtAt}`,
        manifest: slash(relative(options.outDir, manifestPath)),
        outputs: reportOutputs(options.outDir, issueDir, manifest.outputs),
      });
      report.panels.total = manifest.panels.length;
      return { report, story, issueDir, spent: spentBefore, builtAt: new Date(previous.builtAt) };
    }
  }

  const result: RenderIssueResult = await renderIssue({
    storyPath,
    outDir: issueDir,
    cacheDir: options.cacheDir,
    concurrency: options.concurrency,
    maxCost: options.maxCost,
    pool: night.pool,
    formats: options.formats ?? OUTPUT_FORMATS,
    signal: options.signal,
    env: options.env,
    backend: await night.backend(),
    compose: night.compose,
    upscale: options.upscale,
    onEvent: (event) => {
      // Panels are queued in one synchronous loop: the next issue's start runs after it.
      if (event.type === 'queued' || (event.type === 'phase' && event.phase === 'compose')) {
        queued();
      }
      options.onEvent?.({ type: 'issue-event', script, event });
    },
  });
  const totals = result.render?.totals;
  const cost = totals?.cost ?? 0;
  night.spent += cost;
  Object.assign(report, {
    status: statusForExitCode(result.exitCode),
    exitCode: result.exitCode,
    message: result.message,
    cost,
    manifest: result.manifestPath
      ? slash(relative(options.outDir, result.manifestPath))
      : undefined,
    outputs: reportOutputs(options.outDir, issueDir, result.outputs),
  });
  if (report.status === 'budget' && options.maxCost !== undefined) {
    report.message = `${result.message} (nightly budget $${options.maxCost.toFixed(2)}, of which other issues spent $${(night.pool.budget.spent - cost).toFixed(4)})`;
  }
  report.panels = {
    total: totals?.panels ?? result.plan.length,
    rendered: totals?.rendered ?? 0,
    cached: totals?.cached ?? 0,
    failed: totals?.failed ?? 0,
  };
  const spent = spentBefore + cost;
  const builtAt = (options.date ?? (() => new Date()))();
  night.state.issues[script] = {
    fingerprint: report.fingerprint,
    slug: story.slug,
    exitCode: result.exitCode,
    builtAt: builtAt.toISOString(),
    spent,
  };
  await night.saveState();
  return { report, story, issueDir, spent, builtAt };
}

/**
 * Builds every issue of a night with one render backend and one task pool (concurrency limit and
 * budget) for all of them: issues start in order, each once the one before has queued its
 * panels, so the pool serves their panels first come first served and no slot stays idle while
 * any issue has a panel to render. Compose runs one issue at a time. Issues whose script, assets and settings are unchanged
 * since their last successful build are skipped. A failing issue (invalid script, failed panels,
 * budget, an unexpected error) is reported and the next one is built.
 */
export async function buildIssues(options: BuildIssuesOptions): Promise<BuildIssuesResult> {
  const env = options.env ?? process.env;
  const now = options.now ?? (() => performance.now());
  const kind: BackendKind = chooseBackend({ draft: options.draft, env });
  await mkdir(options.outDir, { recursive: true });
  let opened: Promise<RenderBackend> | undefined;
  const night: Night = {
    options,
    settings: {
      formats: options.formats ?? [...OUTPUT_FORMATS],
      backend: kind,
      upscale: options.upscale !== false,
      tool: options.tool ?? (await toolVersion()),
    },
    state: await readState(join(options.outDir, options.stateFile ?? STATE_FILE)),
    slugs: new Map(),
    spent: 0,
    pool: createTaskPool({
      concurrency: options.concurrency,
      maxCost: options.maxCost,
      // Until the first bill of a model comes in, its tasks are assumed to cost the pool's
      // default, about one generation (high for upscales); then that model's own mean.
    }),
    compose: oneAtATime(options.compose ?? composeWithCompose),
    saveState: oneAtATime(() =>
      writeState(join(options.outDir, options.stateFile ?? STATE_FILE), night.state),
    ),
    backend: () => {
      // Opened for the first issue that renders; one that fails to open is retried by the next.
      opened ??= openBackend(kind, { env }).catch((error: unknown) => {
        opened = undefined;
        throw error;
      });
      return opened;
    },
  };
  let turn = Promise.resolve();
  const buildInTurn = async (storyPath: string, index: number): Promise<BuiltIssue> => {
    let queued = () => {};
    const mine = turn;
    turn = new Promise<void>((resolve) => {
      queued = resolve;
    });
    await mine;
    const script = slash(relative(options.rootDir, storyPath));
    options.onEvent?.({ type: 'issue-start', script, index, total: options.storyPaths.length });
    const started = now();
    let built: BuiltIssue;
    try {
      built = await buildIssue(night, storyPath, script, queued);
    } catch (error) {
      const report = emptyReport(script);
      report.message = `unexpected error: ${(error as Error)?.message ?? String(error)}`;
      built = { report, story: undefined, issueDir: undefined, spent: 0, builtAt: undefined };
    } finally {
      queued();
    }
    built.report.seconds = (now() - started) / 1000;
    options.onEvent?.({ type: 'issue-end', report: built.report });
    return built;
  };
  let issues: BuiltIssue[] = [];
  try {
    issues = await Promise.all(options.storyPaths.map(buildInTurn));
  } finally {
    const backend = await opened?.catch(() => undefined);
    await backend?.close();
  }
  return { issues, backend: kind, spent: night.spent };
}

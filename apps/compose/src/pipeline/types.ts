import type {
  ManifestPage,
  PanelJob,
  RenderEvent,
  RenderResult,
  RunManifest,
  Story,
  TaskPool,
} from 'storyboard';
import type { LetteredSheet } from '../letter-issue.js';
import type { OutputFormat } from '../options.js';
import type { PanelPictures } from '../panel-pictures.js';
import type { BackendKind, RenderBackend } from './backend.js';

/** One output file, as recorded in the manifest. */
export type OutputFile = RunManifest['outputs'][number];

/** Lays out rendered panels into the requested outputs. */
export type ComposeStep = (
  story: Story,
  /** Every panel's picture: all known, or arriving while the render goes on. */
  panels: PanelPictures,
  options: {
    outDir: string;
    formats: readonly OutputFormat[];
    /** The lettering laid out when the script was validated. */
    lettered: readonly LetteredSheet[];
    signal?: AbortSignal | undefined;
  },
) => Promise<{
  outputs: OutputFile[];
  warnings: string[];
  /** Geometry of every page composed, for the manifest. */
  pages?: ManifestPage[];
}>;

/** The pipeline's steps, as reported in `phase` events. */
export type IssuePhase = 'validate' | 'expand' | 'letter' | 'render' | 'compose' | 'manifest';

/** What `renderIssue` reports as it goes: render events, phases and notes. */
export type IssueEvent =
  | RenderEvent
  | { type: 'phase'; phase: IssuePhase; detail?: string }
  | { type: 'note'; message: string };

/** Options of `renderIssue`. */
export interface RenderIssueOptions {
  /** Absolute path of the story script. */
  storyPath: string;
  /** `render` (default), `plan` (no billable request), or `compose` (from the cache only). */
  mode?: 'render' | 'plan' | 'compose' | undefined;
  /** @default `<invocation dir>/out/<slug>` */
  outDir?: string | undefined;
  /** @default `<project>/.cache/comics-factory` */
  cacheDir?: string | undefined;
  /** Wiro tasks in flight at most. @default 4 */
  concurrency?: number | undefined;
  /** Stop submitting before spending more than this many USD. */
  maxCost?: number | undefined;
  /** `--only` selectors: page numbers or ranges, page ids, panel ids. */
  only?: string[] | undefined;
  /** Render the selected panels again even when cached. */
  force?: boolean | undefined;
  /** Draw drafts on the embedded emulator even when credentials are set. */
  draft?: boolean | undefined;
  /** @default every output format */
  formats?: readonly OutputFormat[] | undefined;
  signal?: AbortSignal | undefined;
  onEvent?: ((event: IssueEvent) => void) | undefined;
  /** Where credentials and defaults are read. @default process.env */
  env?: NodeJS.ProcessEnv | undefined;
  /**
   * Task slots and budget shared with issues rendering at the same time (nightly builds); when
   * given, its limit and budget replace `concurrency` and `maxCost`.
   */
  pool?: TaskPool | undefined;
  /** A backend to share (nightly builds); opened and closed here when absent. */
  backend?: RenderBackend | undefined;
  /** `false` turns the upscale stage off whatever the script says (`--no-upscale`). */
  upscale?: boolean | undefined;
  /** Replaces compose (tests). @default compose's `composeIssue` */
  compose?: ComposeStep | undefined;
}

/** One panel in a plan. */
export interface PlannedPanel {
  job: PanelJob;
  /** The panel's final picture (enlarged, when it needs it) is cached. */
  cached: boolean;
  selected: boolean;
  /** USD for the tasks still to run for it (generation and upscale). */
  estimatedCost: number;
  /** Wiro tasks still to run for it: 0, 1 or 2 (generation, upscale). */
  tasks: number;
  /** How it prints, in pixels per inch: as generated, as finally used, and the target. */
  ppi: { source: number; final: number; target: number };
}

/** What `renderIssue` returns. */
export interface RenderIssueResult {
  exitCode: number;
  /** One line saying why, when the exit code is not 0. */
  message: string | undefined;
  story: Story | undefined;
  plan: PlannedPanel[];
  render: RenderResult | undefined;
  backend: BackendKind | undefined;
  outDir: string | undefined;
  manifestPath: string | undefined;
  outputs: OutputFile[];
  warnings: string[];
  /** Panels whose picture prints below the target resolution, lowest first. */
  belowTarget: Array<{ panel: string; ppi: number; target: number }>;
}

import type { WiroClient } from 'wiro-core';
import type { CostEstimate } from './budget.js';
import type { PanelCache } from './cache.js';
import type { TaskPool } from './task-pool.js';

/** Which task of a panel's chain an event is about. */
export type TaskStage = 'generate' | 'upscale';

/** Progress and outcome events of a render, for a progress display or a JSON log. */
export type RenderEvent =
  | { type: 'queued'; panel: string }
  /** The panel's final picture was already in the cache. */
  | { type: 'cached'; panel: string }
  | { type: 'submitted'; panel: string; stage: TaskStage; taskid: string; attempt: number }
  | { type: 'reattached'; panel: string; stage: TaskStage; taskid: string }
  /** A task found on Wiro for a Run whose outcome was unknown, used instead of a new Run. */
  | { type: 'adopted'; panel: string; stage: TaskStage; taskid: string }
  /** A Run may have been accepted and Task/List could not tell: it may be billed twice. */
  | { type: 'uncertain'; panel: string; stage: TaskStage; reason: string }
  /** A picture's output URL had expired; Task/Detail gave a fresh one. */
  | { type: 'url-refreshed'; panel: string; stage: TaskStage; taskid: string }
  | { type: 'status'; panel: string; stage: TaskStage; taskid: string; status: string }
  | { type: 'progress'; panel: string; stage: TaskStage; taskid: string; percentage: number }
  /** A task's pictures are cached; `final` when they are the panel's final picture. */
  | {
      type: 'done';
      panel: string;
      stage: TaskStage;
      taskid: string;
      cost: number;
      seconds: number;
      final: boolean;
    }
  | { type: 'retry'; panel: string; stage: TaskStage; reason: string; attempt: number }
  | { type: 'failed'; panel: string; reason: string }
  /** The upscale could not be done: the panel keeps its generated picture, at a lower ppi. */
  | { type: 'upscale-skipped'; panel: string; reason: string }
  | { type: 'concurrency'; limit: number; reason: string }
  | { type: 'cost'; spent: number; committed: number; maxCost: number | undefined }
  | { type: 'budget'; panel: string; spent: number; estimate: number; maxCost: number };

/** Options of `renderPanels`. */
export interface RenderOptions {
  client: WiroClient;
  /** Folder of the content-addressed panel cache. */
  cacheDir: string;
  /**
   * The cache object for `cacheDir`, when the caller already checked entries with it (so they
   * are not read and hashed twice). Made from `cacheDir` when absent.
   */
  cache?: PanelCache | undefined;
  /** Path of the journal file (JSON lines); survives crashes. */
  journalPath: string;
  /**
   * Tasks in flight at most. Lowered on Wiro code 96 and raised again slowly.
   * @default 4
   */
  concurrency?: number | undefined;
  /** Spend limit in USD: no submission once spent plus in-flight estimates would pass it. */
  maxCost?: number | undefined;
  /**
   * A concurrency limit and budget shared with other renders running at the same time; when
   * given, `concurrency`, `maxCost` and `costEstimate` are the pool's and these are ignored.
   */
  pool?: TaskPool | undefined;
  /**
   * USD a task is assumed to cost before any task of its model has finished: one figure, or one
   * per model.
   * @default 0.02
   */
  costEstimate?: CostEstimate | undefined;
  /** Render only these panel ids (others are still read from the cache). */
  only?: ReadonlySet<string> | undefined;
  /** Render again even when cached (for the `only` panels, or all). */
  force?: boolean | undefined;
  /**
   * Tasks tried per panel when they fail (failed tasks are free).
   * @default 3
   */
  maxAttempts?: number | undefined;
  /**
   * How long to wait after a Run's reply is lost before looking for its task in Task/List, so a
   * Run still being accepted shows up.
   * @default 1000
   */
  lostReplyGraceMs?: number | undefined;
  /** Deadline for one task, after which it is killed and retried. */
  taskTimeoutMs?: number | undefined;
  /** Stop submitting, stop tasks on the server, and reject with an abort error. */
  signal?: AbortSignal | undefined;
  onEvent?: ((event: RenderEvent) => void) | undefined;
  /**
   * Called as soon as each panel's picture is final (rendered, cached, failed or skipped), so
   * its page can be composed while other panels are still rendering.
   */
  onPanel?: ((panel: PanelResult) => void) | undefined;
  /** Clock for durations. @default Date.now */
  now?: (() => number) | undefined;
}

/** What happened to one panel. */
export interface PanelResult {
  id: string;
  page: number;
  slot: number;
  cacheKey: string;
  status: 'rendered' | 'cached' | 'failed' | 'skipped';
  /** Path of the chosen variant's image, when there is one. */
  image: string | undefined;
  /** All variants' paths. */
  images: string[];
  sha256: string | undefined;
  /** Tasks submitted (or re-attached) for this panel in this run. */
  taskIds: string[];
  attempts: number;
  /** USD billed for this panel in this run (0 when it came from the cache). */
  cost: number;
  /** The task that generated the picture and what it cost (in this run or an earlier one). */
  source: { taskid: string; cost: number } | undefined;
  /** The upscale task whose picture is used (`image`), when the panel was enlarged. */
  upscale: PanelUpscale | undefined;
  seconds: number;
  error: string | undefined;
}

/** The enlargement of a panel's generated picture on Wiro. */
export interface PanelUpscale {
  taskid: string;
  /** USD the upscale task cost (in this run or an earlier one). */
  cost: number;
  /** Path of the generated (source) picture. */
  sourceImage: string;
  sourceSha256: string;
}

/** Totals of a render. */
export interface RenderTotals {
  panels: number;
  rendered: number;
  cached: number;
  failed: number;
  skipped: number;
  cost: number;
  wallSeconds: number;
  /**
   * Runs that may have been accepted where Task/List could not tell (possible double billing);
   * every other lost reply was settled by looking the task up.
   */
  uncertainRuns: number;
  /** Tasks found on Wiro (a lost reply, a Run a killed process sent) and used, not paid again. */
  adoptedTasks: number;
  /** Downloads retried with a fresh output URL after theirs expired. */
  urlRefreshes: number;
}

/** Result of `renderPanels`. */
export interface RenderResult {
  panels: PanelResult[];
  totals: RenderTotals;
  /** Why the render stopped early, if it did. */
  stopped: 'budget' | undefined;
}

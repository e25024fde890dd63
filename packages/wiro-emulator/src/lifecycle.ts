import type { TaskStatus, WireProgress } from 'wiro-core';
import type { TaskFaultKind } from './faults.js';

/** One scheduled status change of a task. */
export interface LifecycleStep {
  status: TaskStatus;
  /** Delay after the previous step, in ms. */
  afterMs: number;
  /** Progress carried by a `task_output` step. */
  progress?: WireProgress;
}

/** What a lifecycle is planned from. */
export interface LifecyclePlanInput {
  /** Time spent in `task_queue` before `task_accept`. */
  queueMs: number;
  /** Time from `task_accept` to `task_postprocess_end`. */
  taskMs: number;
  /** The model's `steps` input: the progress frames count up to it. */
  steps: number;
  /** A task-level fault that changes how the task ends. */
  fault?: TaskFaultKind | undefined;
}

/** Most progress frames a task reports. */
const MAX_PROGRESS_FRAMES = 10;

const spread = (statuses: TaskStatus[], totalMs: number): LifecycleStep[] =>
  statuses.map((status) => ({ status, afterMs: totalMs / statuses.length }));

/** Seconds as Wiro's progress frames word them: `"5s"`, `"2.4s"`. */
const formatDuration = (ms: number) => `${Number((Math.max(0, ms) / 1000).toFixed(1))}s`;

function progressSteps(steps: number, runMs: number, upTo: number): LifecycleStep[] {
  const frames = Math.max(1, Math.min(MAX_PROGRESS_FRAMES, steps));
  const out: LifecycleStep[] = [];
  for (let k = 1; k <= Math.max(1, Math.floor(frames * upTo)); k++) {
    const stepCurrent = Math.round((k / frames) * steps);
    const elapsedMs = (k / frames) * runMs;
    const speed = elapsedMs > 0 ? stepCurrent / (elapsedMs / 1000) : 0;
    out.push({
      status: 'task_output',
      afterMs: runMs / frames,
      progress: {
        type: 'progressGenerate',
        task: 'Generate',
        percentage: String(Math.round((k / frames) * 100)),
        stepCurrent: String(stepCurrent),
        stepTotal: String(steps),
        speed: speed.toFixed(1),
        speedType: 'it/s',
        elapsedTime: formatDuration(elapsedMs),
        remainingTime: formatDuration(runMs - elapsedMs),
      },
    });
  }
  return out;
}

/**
 * Plans every status change after `task_queue`: accept after `queueMs`; then 10% of `taskMs` for
 * pre-processing up to `task_start`, 80% generating (one `task_output` progress frame per ~10%,
 * with the fields of Wiro's documented progress example: `task`, `percentage`, `stepCurrent`,
 * `stepTotal`, `speed`, `speedType`, `elapsedTime`, `remainingTime`),
 * 10% finishing (`task_output_full` … `task_postprocess_end`). Task faults cut it short: `taskFail`
 * stops generating halfway and still post-processes, `taskError` ends in `task_error` during
 * pre-processing, `taskCancel` ends in `task_cancel` after the first progress frame. Pure.
 */
export function planLifecycle(input: LifecyclePlanInput): LifecycleStep[] {
  const { queueMs, taskMs, steps, fault } = input;
  const accept: LifecycleStep = { status: 'task_accept', afterMs: queueMs };
  const pre = taskMs * 0.1;
  const run = taskMs * 0.8;
  const post = taskMs * 0.1;
  if (fault === 'taskError') {
    return [accept, ...spread(['task_preprocess_start', 'task_error'], pre)];
  }
  const start = spread(
    ['task_preprocess_start', 'task_preprocess_end', 'task_assign', 'task_start'],
    pre,
  );
  if (fault === 'taskCancel') {
    return [
      accept,
      ...start,
      ...progressSteps(steps, run, 0).slice(0, 1),
      { status: 'task_cancel', afterMs: post },
    ];
  }
  const finish = spread(
    ['task_output_full', 'task_end', 'task_postprocess_start', 'task_postprocess_end'],
    post,
  );
  return [
    accept,
    ...start,
    ...progressSteps(steps, run, fault === 'taskFail' ? 0.5 : 1),
    ...finish,
  ];
}

/**
 * Billed run time of a plan, in ms: from `task_start` to `task_end` (chosen: the planned time, so
 * costs are deterministic however the clock or holds behave).
 */
export function plannedRunMs(plan: readonly LifecycleStep[]): number {
  const start = plan.findIndex((step) => step.status === 'task_start');
  const end = plan.findIndex((step) => step.status === 'task_end');
  if (start < 0 || end < 0) return 0;
  return plan.slice(start + 1, end + 1).reduce((sum, step) => sum + step.afterMs, 0);
}

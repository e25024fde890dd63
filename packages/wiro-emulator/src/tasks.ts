import { randomBytes, randomUUID } from 'node:crypto';
import type { TaskStatus, WireOutput } from 'wiro-core';
import { type Account, computeCost, roundSeconds } from './billing.js';
import type { TaskFaultKind } from './faults.js';
import { createIdSource, createToken } from './ids.js';
import { type LifecycleStep, plannedRunMs } from './lifecycle.js';
import { type ModelDefinition, modelSlug, type ValidatedInputs } from './model-catalog.js';
import type { Scheduler } from './scheduler.js';
import type { TaskRecord } from './task-record.js';
import type { UpscaleSource } from './upscale-input.js';

/** What the store needs to run tasks. */
export interface TaskStoreOptions {
  scheduler: Scheduler;
  now: () => number;
  account: Account;
  /** Produces a task's output files; called when the task reaches `task_start`. */
  renderOutputs: (task: TaskRecord) => Promise<WireOutput[]>;
  /** Makes rendered outputs downloadable when the task succeeds (sets their expiry). */
  publishOutputs: (task: TaskRecord, outputs: WireOutput[]) => WireOutput[];
}

/** A task about to be created by an accepted Run. */
export interface NewTask {
  definition: ModelDefinition;
  apiKey: string;
  projectId: string;
  /** The inputs as the Run sent them, without `callbackUrl`. */
  received: Record<string, unknown>;
  parameters: ValidatedInputs;
  inputKey: string;
  callbackUrl: string | undefined;
  plan: LifecycleStep[];
  fault: TaskFaultKind | undefined;
  /** An upscale task's input picture. */
  source?: UpscaleSource | undefined;
  /** A reason to end in `task_error` (the plan must end there): the input was unreadable. */
  failure?: string | undefined;
}

/** One status change, as the socket frames it. */
export interface TaskTransition {
  task: TaskRecord;
  type: TaskStatus;
  message: unknown;
}

/** Where lifecycle progression is frozen (see {@link TaskStore.hold}). */
export interface HoldOptions {
  /** Freeze only tasks that are in one of these statuses (they move on until they reach one). */
  at?: TaskStatus | readonly TaskStatus[];
}

/** Every task, and the clock-driven lifecycle that moves them. */
export interface TaskStore {
  create(input: NewTask): TaskRecord;
  get(id: string): TaskRecord | undefined;
  findByToken(token: string): TaskRecord | undefined;
  all(): TaskRecord[];
  /** Tasks from `task_queue` until they end. */
  activeCount(): number;
  /** Highest {@link TaskStore.activeCount} seen. */
  maxActive(): number;
  /** Ends a task now in `task_cancel`, free. The caller checks it has not ended. */
  stop(task: TaskRecord, reason: 'kill' | 'cancel'): void;
  /** Freezes lifecycle progression: everywhere, or only at some statuses. */
  hold(options?: HoldOptions): void;
  /** Lifts every hold; frozen tasks move on at once. */
  release(): void;
  /** Resolves once the task has reached `status` (at once if it already has); rejects if it ends without. */
  waitForStatus(id: string, status: TaskStatus): Promise<TaskRecord>;
  /** Resolves once the task has ended (any terminal status). */
  waitForEnd(id: string): Promise<TaskRecord>;
  /** Listens to every status change; returns the unsubscribe function. */
  subscribe(listener: (transition: TaskTransition) => void): () => void;
  /** Cancels every timer and rejects every waiter. */
  close(): void;
}

interface Waiter {
  id: string;
  status: TaskStatus | 'end';
  resolve: (task: TaskRecord) => void;
  reject: (error: Error) => void;
}

const FAIL_TEXT: Record<TaskFaultKind, string> = {
  taskFail: 'RuntimeError: CUDA out of memory while generating (emulated taskFail fault)',
  taskError: 'Task could not be started: no worker available (emulated taskError fault)',
  taskCancel: 'Task was cancelled by the server (emulated taskCancel fault)',
};

/** Creates the task store. The first task id is 1001 (chosen). */
export function createTaskStore(options: TaskStoreOptions): TaskStore {
  const { scheduler, now, account } = options;
  const nextId = createIdSource(1001);
  const tasks = new Map<string, TaskRecord>();
  const byToken = new Map<string, TaskRecord>();
  const listeners = new Set<(transition: TaskTransition) => void>();
  let waiters: Waiter[] = [];
  const deferred = new Set<TaskRecord>();
  let holdAll = false;
  const holdAt = new Set<TaskStatus>();
  let maxActive = 0;
  let closed = false;

  const activeCount = () => {
    let count = 0;
    for (const task of tasks.values()) if (!task.ended) count++;
    return count;
  };
  const isHeld = (task: TaskRecord) => holdAll || holdAt.has(task.status);

  function settleWaiters(task: TaskRecord): void {
    waiters = waiters.filter((waiter) => {
      if (waiter.id !== task.id) return true;
      if (waiter.status === 'end' ? task.ended : task.history.includes(waiter.status)) {
        waiter.resolve(task);
        return false;
      }
      if (task.ended) {
        waiter.reject(
          new Error(`Task ${task.id} ended in ${task.status} without reaching ${waiter.status}`),
        );
        return false;
      }
      return true;
    });
  }

  function finish(task: TaskRecord): void {
    task.ended = true;
    task.endedAt = now();
    deferred.delete(task);
    if (task.timer) scheduler.clearTimer(task.timer);
    task.timer = undefined;
    if (task.status === 'task_error') task.pexit = '1';
    // Wiro's published Kill and Cancel examples show a cancelled task with pexit "0" (chosen).
    if (task.status === 'task_cancel') task.pexit = '0';
    if (task.status === 'task_cancel' || task.status === 'task_error') return;
    const failure = task.fault === 'taskFail' ? FAIL_TEXT.taskFail : task.debugerror;
    if (failure) {
      task.pexit = '1';
      task.debugerror = failure;
      return;
    }
    task.pexit = '0';
    task.outputs = options.publishOutputs(task, task.rendered ?? []);
    task.cost = computeCost(task.cps, roundSeconds(task.runMs));
    task.billed = true;
    account.balance -= task.cost;
    task.debugoutput += `Saved ${task.outputs.length} image(s).\n`;
  }

  /** A frame's `message`, as Wiro's socket documentation shows it: `null` for lifecycle events. */
  function frameMessage(task: TaskRecord, status: TaskStatus, step?: LifecycleStep): unknown {
    if (step?.progress) return step.progress;
    if (status === 'task_output_full') return { raw: task.debugoutput };
    if (status === 'task_postprocess_end') return task.outputs.map((output) => ({ ...output }));
    if (status === 'task_error' || status === 'task_cancel') return task.debugerror;
    return null;
  }

  function applyStatus(task: TaskRecord, status: TaskStatus, step?: LifecycleStep): void {
    task.status = status;
    task.history.push(status);
    task.times[status] ??= now();
    if (status === 'task_start') {
      task.startedAt = now();
      task.debugoutput += `Loading ${task.model} (emulated)\n`;
      if (!task.fault) startRendering(task);
    }
    if (step?.progress) {
      const { percentage, stepCurrent, stepTotal } = step.progress;
      task.debugoutput += `${percentage}% ${stepCurrent}/${stepTotal}\n`;
    }
    const stoppedByClient = task.killed || task.cancelled;
    if ((status === 'task_error' || status === 'task_cancel') && task.fault && !stoppedByClient) {
      task.debugerror = FAIL_TEXT[task.fault];
    } else if (status === 'task_error' && task.failure) {
      task.debugerror = task.failure;
    }
    if (status === 'task_postprocess_end' || status === 'task_cancel' || status === 'task_error') {
      finish(task);
    }
    task.lastMessage = frameMessage(task, status, step);
    const transition: TaskTransition = { task, type: status, message: task.lastMessage };
    for (const listener of listeners) listener(transition);
    settleWaiters(task);
  }

  function startRendering(task: TaskRecord): void {
    task.rendering = options.renderOutputs(task).then(
      (outputs) => {
        task.rendered = outputs;
      },
      (error: unknown) => {
        task.debugerror = `Rendering failed: ${error instanceof Error ? error.message : String(error)}`;
      },
    );
  }

  function scheduleNext(task: TaskRecord): void {
    const step = task.plan[task.nextStep];
    if (closed || task.ended || !step) return;
    task.timer = scheduler.setTimer(() => advance(task), step.afterMs);
  }

  function advance(task: TaskRecord): void {
    task.timer = undefined;
    if (closed || task.ended) return;
    if (isHeld(task)) {
      deferred.add(task);
      return;
    }
    const step = task.plan[task.nextStep];
    if (!step) return;
    if (step.status === 'task_postprocess_end' && task.rendering) {
      const rendering = task.rendering;
      task.rendering = undefined;
      void rendering.then(() => advance(task));
      return;
    }
    task.nextStep++;
    applyStatus(task, step.status, step);
    scheduleNext(task);
  }

  function waitFor(id: string, status: TaskStatus | 'end'): Promise<TaskRecord> {
    return new Promise((resolve, reject) => {
      const task = tasks.get(id);
      if (!task) {
        reject(new Error(`Unknown task ${id}`));
        return;
      }
      waiters.push({ id, status, resolve, reject });
      settleWaiters(task);
    });
  }

  return {
    create(input) {
      const task: TaskRecord = {
        id: nextId(),
        uuid: randomUUID(),
        token: createToken(30),
        model: modelSlug(input.definition),
        definition: input.definition,
        apiKey: input.apiKey,
        projectId: input.projectId,
        received: input.received,
        parameters: input.parameters,
        inputKey: input.inputKey,
        callbackUrl: input.callbackUrl,
        status: 'task_queue',
        history: [],
        times: {},
        folderId: randomBytes(16).toString('hex'),
        lastMessage: null,
        pexit: '',
        debugoutput: '',
        debugerror: '',
        cps: account.cps,
        cost: 0,
        runMs: plannedRunMs(input.plan),
        createdAt: now(),
        startedAt: undefined,
        endedAt: undefined,
        outputs: [],
        killed: false,
        cancelled: false,
        replyDropped: false,
        fault: input.fault,
        source: input.source,
        failure: input.failure,
        billed: false,
        ended: false,
        plan: input.plan,
        nextStep: 0,
        timer: undefined,
        rendering: undefined,
        rendered: undefined,
      };
      tasks.set(task.id, task);
      byToken.set(task.token, task);
      maxActive = Math.max(maxActive, activeCount());
      applyStatus(task, 'task_queue');
      scheduleNext(task);
      return task;
    },
    get: (id) => tasks.get(id),
    findByToken: (token) => byToken.get(token),
    all: () => [...tasks.values()],
    activeCount,
    maxActive: () => maxActive,
    stop(task, reason) {
      if (reason === 'kill') task.killed = true;
      else task.cancelled = true;
      applyStatus(task, 'task_cancel');
    },
    hold(holdOptions) {
      if (!holdOptions?.at) {
        holdAll = true;
        return;
      }
      const statuses: readonly TaskStatus[] =
        typeof holdOptions.at === 'string' ? [holdOptions.at] : holdOptions.at;
      for (const status of statuses) holdAt.add(status);
    },
    release() {
      holdAll = false;
      holdAt.clear();
      const frozen = [...deferred];
      deferred.clear();
      for (const task of frozen) advance(task);
    },
    waitForStatus: (id, status) => waitFor(id, status),
    waitForEnd: (id) => waitFor(id, 'end'),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      for (const task of tasks.values()) if (task.timer) scheduler.clearTimer(task.timer);
      deferred.clear();
      for (const waiter of waiters) waiter.reject(new Error('The emulator was closed'));
      waiters = [];
    },
  };
}

import { describeError, sleep } from './_utils.js';
import type { ResolvedConfig } from './config.js';
import {
  WiroAbortError,
  WiroApiError,
  WiroConnectionError,
  WiroTaskFailedError,
  WiroTimeoutError,
} from './errors.js';
import { parseProgress } from './parse.js';
import { defaultPollDelay, socketQuietDelay } from './poll-schedule.js';
import { isTerminalStatus } from './protocol.js';
import { watchTaskSocket } from './socket.js';
import type { Task, TaskProgress, TaskRef } from './types.js';

/** Options of `waitForTask`. */
export interface WaitOptions {
  /** Stops waiting (and the task, see `stopOnAbort`) and rejects with a {@link WiroAbortError}. */
  signal?: AbortSignal | undefined;
  /**
   * Overall deadline. When it passes the task is stopped on the server (see `stopOnAbort`) and
   * the wait rejects with a {@link WiroTimeoutError} carrying the last snapshot.
   */
  timeoutMs?: number | undefined;
  /**
   * Whether to kill (or cancel, while queued) the task on the server on timeout or abort.
   * @default true
   */
  stopOnAbort?: boolean | undefined;
  /** Called once per status change. */
  onStatus?: ((status: string, taskid: string) => void) | undefined;
  /** Called with progress reported on the socket. */
  onProgress?: ((progress: TaskProgress) => void) | undefined;
  /**
   * Use the realtime socket when one is configured; `false` polls only.
   * @default true
   */
  socket?: boolean | undefined;
  /**
   * Delay before the next poll, given the time waited so far and the poll count.
   * @default defaultPollDelay
   */
  pollDelay?: ((elapsedMs: number, poll: number) => number) | undefined;
  /**
   * Poll failures in a row tolerated (each already retried by the retry policy).
   * @default 3
   */
  maxPollErrors?: number | undefined;
}

/** What waiting needs from the client. */
export interface WaitContext {
  config: ResolvedConfig;
  getTask: (ref: TaskRef, signal?: AbortSignal) => Promise<Task>;
  stopTask: (ref: TaskRef) => Promise<Task | undefined>;
}

const TIMED_OUT = Symbol('timed out');

const idOf = (ref: TaskRef) => ('id' in ref ? ref.id : (ref.taskid ?? ''));
const tokenOf = (ref: TaskRef) =>
  'socketAccessToken' in ref
    ? ref.socketAccessToken
    : 'tasktoken' in ref
      ? ref.tasktoken
      : ref.socketaccesstoken;

/** Resolves with a task that ended in success, or throws why it did not. */
function settle(task: Task): Task {
  if (task.status === 'task_postprocess_end' && task.pexit === '0') return task;
  throw new WiroTaskFailedError(task);
}

const pollErrorIsTransient = (error: unknown) =>
  error instanceof WiroConnectionError ||
  (error instanceof WiroApiError && (error.status >= 500 || error.status === 429));

/**
 * Waits until a task ends and returns it when it succeeded.
 *
 * Watches the realtime socket when possible and falls back to polling when the socket fails or
 * stays quiet; the end is always confirmed with Task/Detail. Works for tasks submitted by another
 * process: pass the saved `{taskid}` or `{tasktoken}`.
 */
export async function waitForTask(
  context: WaitContext,
  ref: TaskRef,
  options: WaitOptions = {},
): Promise<Task> {
  const { config } = context;
  const started = config.now();
  const internal = new AbortController();
  const deadline =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => internal.abort(TIMED_OUT), options.timeoutMs);
  const onCallerAbort = () => internal.abort(options.signal?.reason);
  if (options.signal?.aborted) onCallerAbort();
  else options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const signal = internal.signal;

  let last: Task | undefined;
  let lastStatus: string | undefined;
  const note = (taskid: string, status: string) => {
    if (status === lastStatus) return;
    lastStatus = status;
    config.onEvent({ type: 'status', taskid, status });
    options.onStatus?.(status, taskid);
  };
  const check = async () => {
    last = await context.getTask(last ?? ref, signal);
    note(last.id, last.status);
    return isTerminalStatus(last.status);
  };

  try {
    let token = tokenOf(ref);
    if (!token) {
      if (await check()) return settle(last!);
      token = last!.socketAccessToken;
    }
    if (options.socket !== false && config.socketUrl && token) {
      if (
        await watchSocket(
          context,
          config.socketUrl,
          token,
          idOf(last ?? ref),
          options,
          signal,
          note,
          check,
        )
      ) {
        return settle(last!);
      }
    }
    let failures = 0;
    for (let poll = 0; ; poll++) {
      try {
        if (await check()) return settle(last!);
        failures = 0;
      } catch (error) {
        if (signal.aborted || !pollErrorIsTransient(error)) throw error;
        if (++failures > (options.maxPollErrors ?? 3)) throw error;
      }
      const delay = (options.pollDelay ?? defaultPollDelay)(config.now() - started, poll);
      await sleep(delay, signal);
    }
  } catch (error) {
    if (!signal.aborted) throw error;
    const timedOut = signal.reason === TIMED_OUT;
    const stopped =
      options.stopOnAbort === false ? undefined : await stopQuietly(context, last ?? ref);
    const snapshot = stopped ?? last;
    const what = `waiting for task ${idOf(last ?? ref) || '(unknown id)'}`;
    if (timedOut) {
      throw new WiroTimeoutError(
        `Timed out after ${options.timeoutMs} ms ${what}`,
        snapshot,
        error,
      );
    }
    throw new WiroAbortError(`Aborted ${what}`, snapshot, options.signal?.reason);
  } finally {
    clearTimeout(deadline);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}

/** Stops a task on the server without letting a failure there hide the reason we stopped. */
async function stopQuietly(context: WaitContext, ref: TaskRef): Promise<Task | undefined> {
  try {
    return await context.stopTask(ref);
  } catch {
    return undefined;
  }
}

/**
 * Follows the task on the socket. Returns true when `check()` confirmed a terminal status, false
 * when the socket failed and the caller should poll instead. While the socket is quiet it checks
 * Task/Detail now and then, since a subscription made after the task ended may get nothing.
 */
async function watchSocket(
  context: WaitContext,
  url: string,
  token: string,
  taskid: string,
  options: WaitOptions,
  signal: AbortSignal,
  note: (taskid: string, status: string) => void,
  check: () => Promise<boolean>,
): Promise<boolean> {
  const { config } = context;
  const socketDone = new AbortController();
  const both = AbortSignal.any([signal, socketDone.signal]);
  let quietChecks = 0;
  let quietTimer: NodeJS.Timeout | undefined;
  let confirmedBySafetyCheck = false;
  const armQuietCheck = () => {
    clearTimeout(quietTimer);
    quietTimer = setTimeout(async () => {
      try {
        if (await check()) {
          confirmedBySafetyCheck = true;
          socketDone.abort();
          return;
        }
      } catch {
        // A failed safety check is not fatal: the socket may still deliver.
      }
      if (!both.aborted) armQuietCheck();
    }, socketQuietDelay(quietChecks++));
  };

  config.onEvent({ type: 'socket', taskid, state: 'open' });
  armQuietCheck();
  try {
    await watchTaskSocket(url, token, {
      signal: both,
      record: config.record,
      onFrame: (frame) => {
        armQuietCheck();
        const id = frame.id ?? taskid;
        if (frame.type === 'task_output') {
          const progress = parseProgress(id, frame.message);
          if (progress) {
            config.onEvent({ type: 'progress', ...progress });
            options.onProgress?.(progress);
          }
        }
        note(id, frame.type);
      },
    });
  } catch (error) {
    if (signal.aborted) throw error;
    if (confirmedBySafetyCheck) return true;
    config.onEvent({ type: 'socket', taskid, state: 'fallback', reason: describeError(error) });
    return false;
  } finally {
    clearTimeout(quietTimer);
  }
  config.onEvent({ type: 'socket', taskid, state: 'closed' });
  if (await check()) return true;
  return false;
}

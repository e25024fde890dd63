import {
  WiroAuthError,
  WiroConcurrencyLimitError,
  WiroConnectionError,
  WiroInsufficientBalanceError,
} from 'wiro-core';
import type { RenderContext } from './render-state.js';
import type { TaskSpec } from './task-spec.js';

/** How sending one Run ended. */
export type SubmitOutcome =
  | { kind: 'accepted'; taskid: string; token: string }
  /** Wiro's concurrency limit (code 96): nothing was accepted; try again once a slot frees. */
  | { kind: 'busy' }
  /** Refused: nothing was accepted. */
  | { kind: 'rejected'; reason: string }
  /** The reply was lost after the request went out: a task may exist for it. */
  | { kind: 'lost'; reason: string; intentAt: number }
  /** The account cannot run anything (auth, balance): stop the whole render. */
  | { kind: 'fatal'; error: Error };

/**
 * Sends one Run, with its exact inputs journalled before it is sent (write-ahead) and its task
 * once accepted, both flushed, so a crash at any point leaves a record the next run can act on.
 * wiro-core never re-sends a Run that may have been accepted; neither does this: a lost reply is
 * reported as such, for the caller to look for the task on Wiro.
 */
export async function submitRun(context: RenderContext, spec: TaskSpec): Promise<SubmitOutcome> {
  const { options, journal, now } = context;
  const record = { key: spec.cacheKey, panel: spec.panel };
  const intentAt = now();
  journal.write({
    type: 'intent',
    ...record,
    model: spec.model,
    inputs: spec.inputs,
    at: intentAt,
  });
  await journal.flush();
  try {
    // No abort signal: an aborted Run request may still have been accepted.
    const run = await options.client.runTask(spec.model, spec.inputs);
    journal.write({
      type: 'accepted',
      ...record,
      taskid: run.taskid,
      token: run.socketaccesstoken,
      at: now(),
    });
    await journal.flush();
    return { kind: 'accepted', taskid: run.taskid, token: run.socketaccesstoken };
  } catch (error) {
    if (error instanceof WiroConcurrencyLimitError) return { kind: 'busy' };
    if (error instanceof WiroAuthError || error instanceof WiroInsufficientBalanceError) {
      return { kind: 'fatal', error };
    }
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof WiroConnectionError && error.requestSent) {
      return { kind: 'lost', reason, intentAt };
    }
    return { kind: 'rejected', reason };
  }
}

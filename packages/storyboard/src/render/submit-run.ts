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
  /** Refused, or the reply was lost (then it may have been accepted: counted as uncertain). */
  | { kind: 'rejected'; reason: string }
  /** The account cannot run anything (auth, balance): stop the whole render. */
  | { kind: 'fatal'; error: Error };

/**
 * Sends one Run, journalled before it is sent and again once accepted (flushed), so a crash at
 * any point leaves a record the next run can act on. wiro-core never re-sends a Run that may have
 * been accepted; neither does this.
 */
export async function submitRun(context: RenderContext, spec: TaskSpec): Promise<SubmitOutcome> {
  const { options, journal, state, now } = context;
  const record = { key: spec.cacheKey, panel: spec.panel };
  journal.write({ type: 'submitting', ...record, at: now() });
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
    return { kind: 'accepted', taskid: run.taskid, token: run.socketaccesstoken };
  } catch (error) {
    if (error instanceof WiroConcurrencyLimitError) return { kind: 'busy' };
    if (error instanceof WiroAuthError || error instanceof WiroInsufficientBalanceError) {
      return { kind: 'fatal', error };
    }
    const reason = error instanceof Error ? error.message : String(error);
    if (error instanceof WiroConnectionError && error.requestSent) {
      state.uncertainRuns++;
      journal.write({ type: 'uncertain', ...record, reason, at: now() });
    }
    return { kind: 'rejected', reason };
  }
}

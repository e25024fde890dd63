import { WiroErrorCode } from 'wiro-core';
import { concurrencyLimit } from '../billing.js';
import type { ParsedBody } from '../body.js';
import { RUN_FAULT_KINDS, type TaskFaultKind } from '../faults.js';
import { computeInputKey } from '../input-key.js';
import { planLifecycle } from '../lifecycle.js';
import { findModel, validateRunInputs } from '../model-catalog.js';
import { errorReply, okReply, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';

/**
 * `POST /Run/{owner}/{model}`: validates the inputs, checks balance (97) and the concurrency limit
 * (96), then creates a task and answers with its id and socket token.
 */
export function handleRun(
  state: EmulatorState,
  owner: string,
  project: string,
  body: ParsedBody,
): RouteReply {
  const model = findModel(owner, project);
  if (!model) return errorReply(WiroErrorCode.NotFound, `Model ${owner}/${project} was not found.`);
  const checked = validateRunInputs(model, body.fields);
  if (!checked.ok) return errorReply(WiroErrorCode.General, checked.message);

  const { account, tasks, faults, log } = state;
  if (account.balance <= 0) {
    return errorReply(
      WiroErrorCode.InsufficientBalance,
      'Insufficient balance: please add funds to your account to run this model.',
    );
  }
  const limit = concurrencyLimit(account.balance, account.concurrency);
  const burst = faults.pick('Run', (kind) => kind === 'concurrencyBurst');
  if (burst || tasks.activeCount() >= limit) {
    if (burst) log.countFault(burst.kind);
    return {
      ...errorReply(
        WiroErrorCode.ConcurrencyLimit,
        `Concurrency limit reached: ${limit} task(s) may run at once. Try again when a task ends.`,
      ),
      ...(burst ? { fault: burst.kind } : {}),
    };
  }

  const taskFault = faults.pick(
    'Run',
    (kind) => RUN_FAULT_KINDS.has(kind) && kind !== 'concurrencyBurst',
  );
  if (taskFault) log.countFault(taskFault.kind);
  const fault = taskFault?.kind as TaskFaultKind | undefined;
  const modelId = `${model.owner}/${model.project}`;
  const task = tasks.create({
    model: modelId,
    parameters: checked.parameters,
    inputKey: computeInputKey(modelId, checked.parameters),
    callbackUrl: checked.callbackUrl,
    plan: planLifecycle({
      queueMs: state.options.queueMs,
      taskMs: state.options.taskMs,
      steps: Number(checked.parameters.steps ?? 20),
      fault,
    }),
    fault,
  });
  return {
    ...okReply({ taskid: task.id, socketaccesstoken: task.token }, task.id),
    ...(fault ? { fault } : {}),
  };
}

import { WiroErrorCode } from 'wiro-core';
import { concurrencyLimit } from '../billing.js';
import type { ParsedBody } from '../body.js';
import { RUN_FAULT_KINDS, type TaskFaultKind } from '../faults.js';
import { toFilePath } from '../files.js';
import { computeInputKey } from '../input-key.js';
import { planLifecycle } from '../lifecycle.js';
import { findModel, modelSlug, validateRunInputs } from '../model-catalog.js';
import { errorReply, okReply, type RouteContext, type RouteReply } from '../reply.js';
import type { EmulatorState } from '../state.js';
import { planUpscale } from '../upscale-input.js';

/**
 * The inputs as Wiro keeps them in `parameters`: every field as sent (JSON values keep their
 * type, form fields are strings), a file part replaced by the URL it is stored at, and no
 * `callbackUrl` (the task's `callbackurl` holds it).
 */
async function receivedParameters(
  state: EmulatorState,
  body: ParsedBody,
): Promise<Record<string, unknown>> {
  const { callbackUrl: _callback, ...fields } = body.fields;
  const received: Record<string, unknown> = structuredClone(fields);
  for (const [field, file] of Object.entries(body.files)) {
    const folder = `input-${state.nextFileId()}`;
    const name = file.name || field;
    const bytes = Buffer.from(await file.arrayBuffer());
    state.files.put(folder, name, {
      bytes,
      contentType: file.type || 'application/octet-stream',
      expiresAt: undefined,
    });
    received[field] = state.origin + toFilePath(folder, name);
  }
  return received;
}

/**
 * `POST /Run/{owner}/{model}`: validates the inputs, checks balance (97) and the concurrency limit
 * (96), then creates a task and answers `{ errors: [], taskid, socketaccesstoken, result: true }`.
 * Messages are Wiro's documented ones.
 */
export async function handleRun(
  state: EmulatorState,
  owner: string,
  project: string,
  body: ParsedBody,
  context: RouteContext,
): Promise<RouteReply> {
  const model = findModel(owner, project);
  if (!model) return errorReply(WiroErrorCode.NotFound, 'slug-owner-project-not-exist');
  const checked = validateRunInputs(model, body.fields);
  if (!checked.ok) return errorReply(WiroErrorCode.General, checked.message);
  const upscale =
    model.kind === 'upscale' ? await planUpscale(state, checked.parameters) : undefined;
  // Read before the checks below, which must not be split by an await (the limit would leak).
  const received = await receivedParameters(state, body);

  const { account, tasks, faults, log } = state;
  if (account.balance <= 0) {
    return errorReply(WiroErrorCode.InsufficientBalance, 'Insufficient balance');
  }
  const limit = concurrencyLimit(account.balance, account.concurrency);
  const burst = faults.pick('Run', (kind) => kind === 'concurrencyBurst');
  if (burst || tasks.activeCount() >= limit) {
    if (burst) log.countFault(burst.kind);
    return {
      ...errorReply(
        WiroErrorCode.ConcurrencyLimit,
        `You have reached your concurrent task limit. With your current balance of $${account.balance.toFixed(2)}, you can run up to ${limit} tasks at the same time. Add funds to increase your limit.`,
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
  const task = tasks.create({
    definition: model,
    apiKey: context.apiKey,
    projectId: state.projectIdOf(context.apiKey),
    received,
    parameters: checked.parameters,
    inputKey: computeInputKey(modelSlug(model), upscale?.keyInputs ?? checked.parameters),
    callbackUrl: checked.callbackUrl,
    plan: planLifecycle({
      queueMs: state.options.queueMs,
      taskMs: upscale?.taskMs ?? state.options.taskMs,
      steps: Number(checked.parameters.steps ?? 20),
      // An unreadable input ends the task in task_error, like the fault of that name.
      fault: fault ?? (upscale?.failure ? 'taskError' : undefined),
    }),
    fault,
    source: upscale?.source,
    failure: upscale?.failure,
  });
  return {
    ...okReply({ taskid: task.id, socketaccesstoken: task.token }, task.id),
    ...(fault ? { fault } : {}),
  };
}

import { join } from 'node:path';
import { sleep } from './_utils.js';
import { type ResolvedConfig, resolveConfig, type WiroClientOptions } from './config.js';
import { type DownloadOptions, type DownloadResult, downloadOutput } from './download.js';
import { WiroApiError, WiroConnectionError, WiroError, WiroOutputExpiredError } from './errors.js';
import { createApiCaller } from './http.js';
import { appendFile, encodeInputs } from './inputs.js';
import { parseModelInfo, parseTask } from './parse.js';
import { CANCEL_BODY_FIELD, ENDPOINTS, isTerminalStatus, QUEUED_STATUSES } from './protocol.js';
import {
  buildTaskListRequest,
  type FindTasksOptions,
  findTasks,
  type ListTasksOptions,
} from './task-list.js';
import type {
  FileInput,
  ModelInfo,
  RunInputs,
  RunResult,
  Task,
  TaskList,
  TaskOutput,
  TaskRef,
} from './types.js';
import { type WaitOptions, waitForTask } from './wait.js';
import type {
  WireRunResponse,
  WireTaskDetailResponse,
  WireTaskListResponse,
  WireToolDetailResponse,
  WireUploadResponse,
} from './wire.js';

/** Options of {@link WiroClient.runTask}. */
export interface RunOptions {
  /** Wiro POSTs here when the task completes. Treat it as a hint; confirm with getTask. */
  callbackUrl?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** Options of {@link WiroClient.generate}. */
export interface GenerateOptions extends RunOptions, Omit<WaitOptions, 'signal'> {
  /** Folder the outputs are written to, each under its own name. */
  outputDir: string;
  /** Download limits and checks. */
  download?: Omit<DownloadOptions, 'signal' | 'sha256'> | undefined;
  /**
   * How long to wait after a lost Run reply before looking for its task in Task/List.
   * @default 1000
   */
  lostReplyGraceMs?: number | undefined;
}

/** Options of {@link WiroClient.downloadTaskOutput}. */
export interface DownloadTaskOutputOptions extends DownloadOptions {
  /** Called each time an expired URL is replaced by a fresh one. */
  onUrlRefresh?: (() => void) | undefined;
}

/** What {@link WiroClient.generate} returns. */
export interface GenerateResult {
  run: RunResult;
  task: Task;
  files: DownloadResult[];
}

/** A Wiro API client. Create one with {@link createWiroClient}. */
export interface WiroClient {
  /** The base URL requests go to. */
  readonly baseUrl: string;
  /**
   * Submits a Run of `model` ("owner/name"). A Run is billable and never sent twice unless the
   * server provably rejected it. Inputs with a Blob/Uint8Array value are sent as multipart.
   */
  runTask(model: string, inputs: RunInputs, options?: RunOptions): Promise<RunResult>;
  /**
   * Reads a task with Task/Detail. Call it again for fresh output URLs when a download fails with
   * a {@link WiroOutputExpiredError}.
   */
  getTask(ref: TaskRef, signal?: AbortSignal): Promise<Task>;
  /** Kills a running task (Task/Kill); returns the task as the reply shows it, when it does. */
  killTask(ref: TaskRef, signal?: AbortSignal): Promise<Task | undefined>;
  /**
   * Cancels a task that is still queued (Task/Cancel); returns the task as the reply shows it,
   * when it does.
   */
  cancelTask(ref: TaskRef, signal?: AbortSignal): Promise<Task | undefined>;
  /** Reads one page of the project's tasks (Task/List), newest first unless told. */
  listTasks(options?: ListTasksOptions): Promise<TaskList>;
  /**
   * Finds the tasks of `model` run with exactly `inputs` and created at or after
   * `options.since`, newest first, paging Task/List back to that time. This is how a Run whose
   * reply was lost is found instead of being paid for twice. Throws (never answers "none") when
   * the list cannot be read back far enough.
   */
  findTasks(model: string, inputs: RunInputs, options: FindTasksOptions): Promise<Task[]>;
  /**
   * Stops a task however it stands: Cancel while queued, Kill otherwise, nothing once it ended.
   * Returns the task as it is afterwards.
   */
  stopTask(ref: TaskRef): Promise<Task>;
  /** Waits until a task ends; see {@link WaitOptions}. */
  waitForTask(ref: TaskRef, options?: WaitOptions): Promise<Task>;
  /** Downloads one output atomically, with checks; see {@link DownloadOptions}. */
  downloadOutput(
    output: TaskOutput,
    path: string,
    options?: DownloadOptions,
  ): Promise<DownloadResult>;
  /**
   * Downloads output `index` of a finished task like `downloadOutput`, and when its URL has
   * expired asks Task/Detail for a fresh one (twice at most) instead of giving the picture up:
   * it is paid for.
   */
  downloadTaskOutput(
    task: Task,
    index: number,
    path: string,
    options?: DownloadTaskOutputOptions,
  ): Promise<DownloadResult>;
  /** Uploads a file (File/Upload) and returns its URL, for `{id}Url` inputs. */
  uploadFile(file: FileInput, signal?: AbortSignal): Promise<string>;
  /** Reads a model's description and parameter ranges (Tool/Detail). */
  getModel(model: string, signal?: AbortSignal): Promise<ModelInfo>;
  /**
   * Run, wait, and download every output: the whole job in one call. When the Run's reply is
   * lost, the task is looked for in Task/List first; the Run is sent again only when the list
   * shows it was not accepted. Expired output URLs are fetched again from Task/Detail.
   */
  generate(model: string, inputs: RunInputs, options: GenerateOptions): Promise<GenerateResult>;
}

/** Output URLs re-read at most, per picture, before a download counts as failed. */
const MAX_URL_REFRESHES = 2;

/** Splits "owner/name"; throws a clear error for anything else. */
export function parseModelId(model: string): { owner: string; name: string } {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(model);
  if (!match) throw new WiroError(`Model must be "owner/name", got "${model}"`);
  return { owner: match[1]!, name: match[2]! };
}

function taskBody(ref: TaskRef): Record<string, string> {
  if ('id' in ref && ref.id) return { taskid: ref.id };
  if ('taskid' in ref && ref.taskid) return { taskid: ref.taskid };
  if ('tasktoken' in ref && ref.tasktoken) return { tasktoken: ref.tasktoken };
  throw new WiroError('A task reference needs a taskid or a tasktoken');
}

/** Creates a client. Options beat `WIRO_API_KEY`, `WIRO_API_SECRET`, `WIRO_BASE_URL`. */
export function createWiroClient(options: WiroClientOptions = {}): WiroClient {
  const config: ResolvedConfig = resolveConfig(options);
  const callApi = createApiCaller(config);

  async function getTask(ref: TaskRef, signal?: AbortSignal): Promise<Task> {
    const reply = await callApi<WireTaskDetailResponse>({
      path: ENDPOINTS.taskDetail,
      body: taskBody(ref),
      idempotent: true,
      signal,
    });
    const task = reply.tasklist?.[0];
    if (!task) {
      throw new WiroApiError({
        operation: `POST ${ENDPOINTS.taskDetail}`,
        status: 200,
        wiroMessage: 'no task in reply',
      });
    }
    return parseTask(task);
  }

  /** Kill and Cancel need an id; a token-only reference is resolved first. */
  async function idOf(ref: TaskRef, signal?: AbortSignal): Promise<string> {
    if ('id' in ref && ref.id) return ref.id;
    if ('taskid' in ref && ref.taskid) return ref.taskid;
    return (await getTask(ref, signal)).id;
  }

  /** Kill and Cancel answer in the Detail shape: `{ errors, tasklist: [task], result }`. */
  async function stopOnce(path: string, body: Record<string, string>, signal?: AbortSignal) {
    const reply = await callApi<WireTaskDetailResponse>({ path, body, idempotent: true, signal });
    const task = reply.tasklist?.[0];
    return task ? parseTask(task) : undefined;
  }

  async function killTask(ref: TaskRef, signal?: AbortSignal): Promise<Task | undefined> {
    return stopOnce(ENDPOINTS.taskKill, { taskid: await idOf(ref, signal) }, signal);
  }

  async function cancelTask(ref: TaskRef, signal?: AbortSignal): Promise<Task | undefined> {
    const taskid = await idOf(ref, signal);
    return stopOnce(ENDPOINTS.taskCancel, { [CANCEL_BODY_FIELD]: taskid }, signal);
  }

  /** The task after a stop, read again unless the reply already shows it ended. */
  const settled = async (task: Task, reply: Task | undefined) =>
    reply && isTerminalStatus(reply.status) ? reply : getTask(task);

  async function stopTask(ref: TaskRef): Promise<Task> {
    const task = await getTask(ref);
    if (isTerminalStatus(task.status)) return task;
    if (QUEUED_STATUSES.has(task.status)) {
      try {
        return await settled(task, await cancelTask(task));
      } catch (error) {
        // It may have left the queue meanwhile; Kill covers that case.
        if (!(error instanceof WiroApiError)) throw error;
      }
    }
    try {
      return await settled(task, await killTask(task));
    } catch (error) {
      // It may have ended meanwhile, and an ended task cannot be killed.
      if (!(error instanceof WiroApiError)) throw error;
      const after = await getTask(task);
      if (isTerminalStatus(after.status)) return after;
      throw error;
    }
  }

  async function listTasks(options: ListTasksOptions = {}): Promise<TaskList> {
    const reply = await callApi<WireTaskListResponse>({
      path: ENDPOINTS.taskList,
      body: buildTaskListRequest(options),
      idempotent: true,
      signal: options.signal,
    });
    const tasks = (reply.tasklist ?? []).map(parseTask);
    const total = Number(reply.total);
    return { total: Number.isFinite(total) ? total : tasks.length, tasks };
  }

  async function runTask(
    model: string,
    inputs: RunInputs,
    options: RunOptions = {},
  ): Promise<RunResult> {
    const { owner, name } = parseModelId(model);
    const path = ENDPOINTS.run(owner, name);
    const reply = await callApi<WireRunResponse>({
      path,
      body: encodeInputs(inputs, options.callbackUrl),
      idempotent: false,
      signal: options.signal,
    });
    if (!reply.taskid || !reply.socketaccesstoken) {
      throw new WiroConnectionError(`POST ${path}`, true, 'the reply has no taskid');
    }
    return { taskid: String(reply.taskid), socketaccesstoken: String(reply.socketaccesstoken) };
  }

  const waitContext = { config, getTask, stopTask };

  async function downloadTaskOutput(
    task: Task,
    index: number,
    path: string,
    options: DownloadTaskOutputOptions = {},
  ): Promise<DownloadResult> {
    let output = task.outputs[index];
    for (let refreshes = 0; output !== undefined; refreshes++) {
      try {
        return await downloadOutput(config, output, path, options);
      } catch (error) {
        if (!(error instanceof WiroOutputExpiredError) || refreshes >= MAX_URL_REFRESHES)
          throw error;
        output = (await getTask(task, options.signal)).outputs[index];
        options.onUrlRefresh?.();
      }
    }
    throw new WiroError(`Task ${task.id} has no output ${index}`);
  }

  /**
   * Sends a Run; when its reply is lost, looks for the task in Task/List before anything else,
   * and sends it again only when the list shows it was not accepted.
   */
  async function runOrFind(
    model: string,
    inputs: RunInputs,
    options: GenerateOptions,
  ): Promise<RunResult> {
    const sentAt = Date.now();
    try {
      return await runTask(model, inputs, options);
    } catch (error) {
      if (!(error instanceof WiroConnectionError && error.requestSent)) throw error;
      await sleep(options.lostReplyGraceMs ?? 1000, options.signal);
      const found = await findTasks(listTasks, model, inputs, {
        since: sentAt,
        signal: options.signal,
      }).catch(() => {
        // Task/List cannot tell: the caller must know the Run may have been accepted.
        throw error;
      });
      const task = found[0];
      if (task) return { taskid: task.id, socketaccesstoken: task.socketAccessToken };
      return runTask(model, inputs, options);
    }
  }

  return {
    baseUrl: config.baseUrl,
    runTask,
    getTask,
    killTask,
    cancelTask,
    stopTask,
    listTasks,
    findTasks: (model, inputs, findOptions) => {
      parseModelId(model);
      return findTasks(listTasks, model, inputs, findOptions);
    },
    waitForTask: (ref, waitOptions) => waitForTask(waitContext, ref, waitOptions),
    downloadOutput: (output, path, downloadOptions) =>
      downloadOutput(config, output, path, downloadOptions),

    async uploadFile(file, signal) {
      const form = new FormData();
      appendFile(form, 'file', file);
      const reply = await callApi<WireUploadResponse>({
        path: ENDPOINTS.fileUpload,
        body: form,
        idempotent: true,
        signal,
      });
      const url = reply.list?.[0]?.url;
      if (!url)
        throw new WiroConnectionError(`POST ${ENDPOINTS.fileUpload}`, true, 'the reply has no url');
      return url;
    },

    async getModel(model, signal) {
      const { owner, name } = parseModelId(model);
      const reply = await callApi<WireToolDetailResponse>({
        path: ENDPOINTS.toolDetail,
        body: { slugowner: owner, slugproject: name },
        idempotent: true,
        signal,
      });
      const info = parseModelInfo(reply);
      if (!info) {
        throw new WiroApiError({
          operation: `POST ${ENDPOINTS.toolDetail}`,
          status: 200,
          wiroMessage: `no model ${model}`,
        });
      }
      return info;
    },

    downloadTaskOutput,

    async generate(model, inputs, options) {
      const run = await runOrFind(model, inputs, options);
      const task = await waitForTask(waitContext, run, options);
      const files: DownloadResult[] = [];
      for (const [index, output] of task.outputs.entries()) {
        files.push(
          await downloadTaskOutput(task, index, join(options.outputDir, output.name), {
            ...options.download,
            signal: options.signal,
          }),
        );
      }
      return { run, task, files };
    },
  };
}

import type { WireTask } from './wire.js';

/** One output file of a finished task. */
export interface TaskOutput {
  id: string;
  name: string;
  contentType: string;
  /** Declared size in bytes, when the API gave one. */
  size: number | undefined;
  url: string;
  /** When the URL stops working (ms since epoch), when known. */
  expiresAt: number | undefined;
}

/** A task with its numbers parsed. `raw` keeps the wire object for anything not mapped. */
export interface Task {
  id: string;
  uuid: string;
  socketAccessToken: string;
  status: string;
  /** Process exit code as sent ("0" on success); empty until the task ends. */
  pexit: string;
  debugerror: string;
  debugoutput: string;
  /** USD per second. */
  cps: number;
  /** USD charged; 0 for failed or cancelled tasks. */
  totalCost: number;
  elapsedSeconds: number;
  /** When Wiro created the task (ms since epoch; Wiro counts whole seconds). */
  createdAt: number | undefined;
  startedAt: number | undefined;
  endedAt: number | undefined;
  /** The inputs the task was run with, as Wiro reports them. */
  parameters: Record<string, unknown>;
  /** `owner/project`, when the reply names the model (Task/List does). */
  model: string | undefined;
  outputs: TaskOutput[];
  raw: WireTask;
}

/** One page of Task/List. */
export interface TaskList {
  /** Every task matching the query, across all pages. */
  total: number;
  /** This page, in the order asked for (newest first by default). */
  tasks: Task[];
}

/** What an accepted Run returns. Save it to wait for the task from another process. */
export interface RunResult {
  taskid: string;
  socketaccesstoken: string;
}

/** Anything that identifies a task: a Run result, a task, or a saved id or token. */
export type TaskRef =
  | { taskid: string; socketaccesstoken?: string | undefined }
  | { tasktoken: string; taskid?: string | undefined }
  | Task;

/** A file-like input value: sent as a multipart file part. */
export type FileInput = Blob | Uint8Array | { data: Blob | Uint8Array; filename: string };

/** Model inputs: plain values go as JSON; any file input switches the body to multipart. */
export type RunInputs = Record<string, string | number | boolean | FileInput | null | undefined>;

/** A model parameter, as read from Tool/Detail, with bounds parsed. */
export interface ModelParameter {
  id: string;
  type: string;
  label: string;
  default: string | undefined;
  min: number | undefined;
  max: number | undefined;
  step: number | undefined;
  options: string[] | undefined;
  required: boolean;
}

/** A model's description from Tool/Detail. */
export interface ModelInfo {
  owner: string;
  name: string;
  title: string;
  description: string | undefined;
  parameters: ModelParameter[];
}

/** Progress reported on the socket while a task generates. */
export interface TaskProgress {
  taskid: string;
  percentage: number;
  stepCurrent: number | undefined;
  stepTotal: number | undefined;
  /** Speed as Wiro words it (e.g. `"1.2"`), with its unit in `speedType` (e.g. `"it/s"`). */
  speed: string | undefined;
  speedType: string | undefined;
  /** Time spent so far as Wiro words it, e.g. `"5s"`. */
  elapsedTime: string | undefined;
  /** Estimated time left as Wiro words it, e.g. `"3s"`. */
  remainingTime: string | undefined;
}

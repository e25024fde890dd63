/**
 * Wire shapes of the Wiro v1 API, exactly as they travel (every number in a task is a string).
 * The client parses these into the friendlier types in `types.ts` at the edge.
 */

/** One error entry; `code` may be a number or a string. */
export interface WireError {
  code: number | string;
  message: string;
}

/** Every response carries `result` and `errors`. */
export interface WireEnvelope {
  result: boolean;
  errors: WireError[];
}

/** Reply to `POST /Run/{owner}/{model}`. */
export interface WireRunResponse extends WireEnvelope {
  taskid?: string;
  socketaccesstoken?: string;
}

/** One output file of a task, in the order of Wiro's published Kill/Cancel example. */
export interface WireOutput {
  /** 32 hex digits. */
  id: string;
  name: string;
  contenttype: string;
  /** The output folder's id (32 hex digits). */
  parentid?: string;
  uuid?: string;
  size: string;
  addedtime?: string;
  modifiedtime?: string;
  accesskey?: string;
  foldercount?: string;
  filecount?: string;
  /** A number on the wire (`0`), unlike the other numeric fields. */
  ispublic?: number;
  /** `null` in Wiro's published examples: the URL's lifetime is not announced. */
  expiretime?: string | null;
  url: string;
}

/**
 * A task as Task/Detail, Task/Kill, Task/Cancel and Task/List return it. Every number is a string;
 * unset times are `"0"`. The optional fields are those Wiro's published Kill/Cancel example has
 * and its Detail example leaves out; `modelslugowner`/`modelslugproject` appear in lists.
 */
export interface WireTask {
  id: string;
  uuid: string;
  name?: string;
  socketaccesstoken: string;
  /** The inputs the task was run with, as the Run sent them. */
  parameters: Record<string, unknown>;
  debugoutput: string;
  debugerror: string;
  starttime: string;
  endtime: string;
  /** Seconds with four decimals, e.g. `"6.0000"`. */
  elapsedseconds: string;
  status: string;
  /** USD per second with twelve decimals, e.g. `"0.000585000000"`. */
  cps: string;
  /** USD charged with twelve decimals, or `"0"` when nothing was charged. */
  totalcost: string;
  guestid?: string | null;
  projectid?: string;
  modelid?: string;
  description?: string;
  basemodelid?: string;
  runtype?: string;
  modelfolderid?: string;
  modelfileid?: string;
  callbackurl?: string;
  marketplaceid?: string | null;
  createtime: string;
  canceltime?: string;
  assigntime?: string;
  accepttime?: string;
  preprocessstarttime?: string;
  preprocessendtime?: string;
  postprocessstarttime?: string;
  postprocessendtime?: string;
  pexit: string;
  /** A JSON array written as a string, e.g. `'["tool","text-to-image"]'`. */
  categories?: string;
  outputs: WireOutput[];
  /** Total size of the outputs in bytes. */
  size?: string;
  modelslugowner?: string;
  modelslugproject?: string;
  [extra: string]: unknown;
}

/** Reply to `POST /Task/Detail` (and, without `total`, to Task/Kill and Task/Cancel). */
export interface WireTaskDetailResponse extends WireEnvelope {
  total?: string;
  tasklist?: WireTask[];
}

/** Body of `POST /Task/List`, as Wiro's official Node client sends it. */
export interface WireTaskListRequest {
  type: 'model';
  sort: 'id';
  order: 'DESC' | 'ASC';
  /** Offset, a decimal string. */
  start: string;
  /** Page size, a decimal string, at most 100. */
  limit: string;
  /** `owner/project`; omitted for every model. */
  modelName?: string;
}

/** Reply to `POST /Task/List`: the Detail shape, `total` counting every matching task. */
export type WireTaskListResponse = WireTaskDetailResponse;

/** Reply to `POST /File/Upload`. */
export interface WireUploadResponse extends WireEnvelope {
  list?: Array<{ id?: string; name?: string; url: string; size?: string; contenttype?: string }>;
}

/**
 * One input parameter of a model as returned by Tool/Detail (shape chosen; the public docs do not
 * fix it). Bounds and defaults are strings, like every number on the wire.
 */
export interface WireToolParameter {
  id: string;
  type: 'text' | 'textarea' | 'number' | 'float' | 'select' | 'checkbox' | 'file' | string;
  label: string;
  default?: string;
  min?: string;
  max?: string;
  step?: string;
  options?: string[];
  required?: boolean;
}

/** Reply to `POST /Tool/Detail` with body `{slugowner, slugproject}`. */
export interface WireToolDetailResponse extends WireEnvelope {
  tool?: Array<{
    slugowner: string;
    slugproject: string;
    title: string;
    description?: string;
    parameters: WireToolParameter[];
    [extra: string]: unknown;
  }>;
}

/** A frame on the realtime socket. `type` is a status name (or an error). */
export interface WireSocketFrame {
  type: string;
  id?: string;
  tasktoken?: string;
  message?: unknown;
  result?: boolean;
}

/** Progress object that `task_output` frames may carry in `message`. */
export interface WireProgress {
  type: 'progressGenerate';
  /** What is being done, e.g. `"Generate"`. */
  task?: string;
  percentage: string | number;
  stepCurrent?: string | number;
  stepTotal?: string | number;
  /** e.g. `"1.2"`, in `speedType` units such as `"it/s"`. */
  speed?: string;
  speedType?: string;
  /** e.g. `"5s"`. */
  elapsedTime?: string;
  /** e.g. `"3s"`. */
  remainingTime?: string;
  [extra: string]: unknown;
}

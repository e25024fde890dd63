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

/** One output file of a task. */
export interface WireOutput {
  id: string;
  name: string;
  contenttype: string;
  parentid?: string;
  uuid?: string;
  size: string;
  addedtime?: string;
  modifiedtime?: string;
  accesskey?: string;
  url: string;
  expiretime?: string;
}

/** A task as returned by Task/Detail. */
export interface WireTask {
  id: string;
  uuid: string;
  socketaccesstoken: string;
  parameters: Record<string, unknown>;
  debugoutput: string;
  debugerror: string;
  status: string;
  pexit: string;
  cps: string;
  totalcost: string;
  elapsedseconds: string;
  createtime: string;
  starttime: string;
  endtime: string;
  outputs: WireOutput[];
  [extra: string]: unknown;
}

/** Reply to `POST /Task/Detail`. */
export interface WireTaskDetailResponse extends WireEnvelope {
  total?: string;
  tasklist?: WireTask[];
}

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
  percentage: string | number;
  stepCurrent?: string | number;
  stepTotal?: string | number;
  [extra: string]: unknown;
}

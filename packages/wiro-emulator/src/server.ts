import type { IncomingMessage, ServerResponse } from 'node:http';
import { WiroErrorCode } from 'wiro-core';
import { type ParsedBody, parseBody, readBody } from './body.js';
import { delay } from './delay.js';
import { type FaultEndpoint, type InjectedFault, RUN_FAULT_KINDS } from './faults.js';
import {
  dropConnection,
  proxyErrorPage,
  resetConnection,
  sendBytes,
  sendJson,
} from './http-send.js';
import type { LedgerEndpoint, LedgerSnapshot } from './ledger.js';
import { errorReply, type RouteContext, type RouteReply, wiroErrorCodeOf } from './reply.js';
import { serveDownload } from './routes/download.js';
import { handleFileUpload, uploadTooLargeReply } from './routes/file-upload.js';
import { handleRun } from './routes/run.js';
import { handleTaskDetail } from './routes/task-detail.js';
import { handleTaskList } from './routes/task-list.js';
import { handleTaskCancel, handleTaskKill } from './routes/task-stop.js';
import { handleToolDetail } from './routes/tool-detail.js';
import type { EmulatorState } from './state.js';

/** The base path of every API endpoint (and of the socket). */
export const API_BASE_PATH = '/v1';

/** The ops endpoint that serves the ledger as JSON. */
export const LEDGER_PATH = '/__emulator/ledger';

/** Largest body accepted by endpoints other than File/Upload (chosen). */
const MAX_JSON_BYTES = 10 * 1024 * 1024;
/** Room for multipart headers around an upload at the size limit. */
const MULTIPART_SLACK = 64 * 1024;

type ApiRoute = {
  endpoint: Exclude<FaultEndpoint, 'download' | 'socket' | 'connection'>;
  handle: (
    state: EmulatorState,
    body: ParsedBody,
    context: RouteContext,
  ) => RouteReply | Promise<RouteReply>;
};

const FIXED_ROUTES: Record<string, ApiRoute> = {
  '/Task/Detail': { endpoint: 'Task/Detail', handle: handleTaskDetail },
  '/Task/List': { endpoint: 'Task/List', handle: handleTaskList },
  '/Task/Kill': { endpoint: 'Task/Kill', handle: handleTaskKill },
  '/Task/Cancel': { endpoint: 'Task/Cancel', handle: handleTaskCancel },
  '/File/Upload': { endpoint: 'File/Upload', handle: handleFileUpload },
  '/Tool/Detail': { endpoint: 'Tool/Detail', handle: (_state, body) => handleToolDetail(body) },
};

/** Finds the API route for a path below `/v1`. */
function matchApiRoute(pathname: string): ApiRoute | undefined {
  if (!pathname.startsWith(`${API_BASE_PATH}/`)) return undefined;
  const rest = pathname.slice(API_BASE_PATH.length);
  const fixed = FIXED_ROUTES[rest];
  if (fixed) return fixed;
  const run = /^\/Run\/([^/]+)\/([^/]+)$/.exec(rest);
  if (!run) return undefined;
  let owner: string;
  let project: string;
  try {
    owner = decodeURIComponent(run[1] ?? '');
    project = decodeURIComponent(run[2] ?? '');
  } catch {
    return undefined;
  }
  return {
    endpoint: 'Run',
    handle: (state, body, context) => handleRun(state, owner, project, body, context),
  };
}

/** Extra facts for a request's ledger line. */
interface LineExtra extends Partial<RouteReply> {
  code?: number | undefined;
  injected?: InjectedFault | undefined;
  nonceReused?: boolean | undefined;
}

type RecordLine = (endpoint: LedgerEndpoint, status: number | null, extra?: LineExtra) => void;

/** Options of {@link createRequestHandler}. */
export interface RequestHandlerOptions {
  /** Builds the ledger served at {@link LEDGER_PATH}. */
  readLedger: () => LedgerSnapshot;
}

/**
 * The HTTP request handler: routing, injected faults, auth, body parsing, and the ledger line of
 * every request (ledger reads themselves are not logged).
 */
export function createRequestHandler(
  state: EmulatorState,
  options: RequestHandlerOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handleRequest(state, options, req, res).catch(() => {
      if (res.headersSent) dropConnection(res);
      else sendJson(res, 500, errorReply(WiroErrorCode.General, 'Internal server error').body);
    });
  };
}

async function handleRequest(
  state: EmulatorState,
  options: RequestHandlerOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://emulator.local').pathname;
  const record: RecordLine = (endpoint, status, extra = {}) => {
    const fault = extra.injected?.kind ?? extra.fault;
    state.log.record({
      endpoint,
      method,
      path,
      status,
      ...(extra.code === undefined ? {} : { wiroErrorCode: extra.code }),
      ...(fault ? { fault } : {}),
      ...(extra.taskid ? { taskid: extra.taskid } : {}),
      ...(extra.nonceReused ? { nonceReused: true } : {}),
    });
  };

  if ((method === 'GET' || method === 'HEAD') && path.startsWith('/files/')) {
    const fault = state.faults.pick('download', () => true);
    if (fault) state.log.countFault(fault.kind);
    const status = await serveDownload(state, res, path, fault);
    const folder = path.split('/')[2] ?? '';
    record('download', status, {
      injected: fault,
      ...(/^\d+$/.test(folder) ? { taskid: folder } : {}),
    });
    return;
  }
  if (method === 'GET' && path === LEDGER_PATH) {
    sendJson(res, 200, options.readLedger());
    return;
  }
  const route = matchApiRoute(path);
  if (!route || method !== 'POST') {
    // Wiro's documented reply to an unknown endpoint.
    const reply = errorReply(WiroErrorCode.General, 'Error parsing url.', 404);
    sendJson(res, reply.status, reply.body);
    record('unknown', reply.status, { code: WiroErrorCode.General });
    return;
  }
  await handleApi(state, route, req, res, record);
}

async function handleApi(
  state: EmulatorState,
  route: ApiRoute,
  req: IncomingMessage,
  res: ServerResponse,
  record: RecordLine,
): Promise<void> {
  const { endpoint } = route;
  const fault = state.faults.pick(endpoint, (kind) => !RUN_FAULT_KINDS.has(kind));
  if (fault) state.log.countFault(fault.kind);
  const injected = fault;
  if (fault?.kind === 'dropBeforeAccept') {
    // Reset before a byte of the body is read: nothing can have been accepted.
    resetConnection(res);
    record(endpoint, null, { injected });
    return;
  }
  const limit =
    endpoint === 'File/Upload' ? state.options.maxUploadBytes + MULTIPART_SLACK : MAX_JSON_BYTES;
  const raw = await readBody(req, limit);

  switch (fault?.kind) {
    case 'http5xx':
      sendBytes(res, fault.status, proxyErrorPage(fault.status), { 'content-type': 'text/html' });
      record(endpoint, fault.status, { injected });
      return;
    case 'http429': {
      const reply = errorReply(WiroErrorCode.General, 'Too many requests. Slow down.', 429);
      sendJson(res, 429, reply.body, { 'retry-after': String(fault.retryAfterSeconds) });
      record(endpoint, 429, { injected, code: WiroErrorCode.General });
      return;
    }
    case 'code0': {
      const reply = errorReply(WiroErrorCode.General, 'Internal server error', 500);
      sendJson(res, 500, reply.body);
      record(endpoint, 500, { injected, code: WiroErrorCode.General });
      return;
    }
    default:
      break;
  }

  const { reply, nonceReused } = await computeReply(state, route, req, raw);
  const code = wiroErrorCodeOf(reply.body);
  if (fault?.kind === 'slow') await delay(state.scheduler, fault.delayMs);
  if (fault?.kind === 'dropAfterAccept') {
    const task = reply.taskid && endpoint === 'Run' ? state.tasks.get(reply.taskid) : undefined;
    if (task && code === undefined) task.replyDropped = true;
    dropConnection(res);
    record(endpoint, null, { ...reply, injected, code, nonceReused });
    return;
  }
  sendJson(res, reply.status, reply.body, reply.headers, fault?.kind === 'malformedJson');
  record(endpoint, reply.status, { ...reply, injected, code, nonceReused });
}

async function computeReply(
  state: EmulatorState,
  route: ApiRoute,
  req: IncomingMessage,
  raw: Awaited<ReturnType<typeof readBody>>,
): Promise<{ reply: RouteReply; nonceReused?: boolean }> {
  const auth = state.authenticate(req.headers);
  if (!auth.ok) return { reply: errorReply(WiroErrorCode.General, auth.message, 401) };
  const answer = (reply: RouteReply) => ({ reply, nonceReused: auth.nonceReused });
  if (raw.tooLarge) {
    return answer(
      route.endpoint === 'File/Upload'
        ? uploadTooLargeReply(state.options.maxUploadBytes)
        : errorReply(WiroErrorCode.General, 'Request body is too large.', 413),
    );
  }
  const parsed = await parseBody(req.headers['content-type'] ?? '', raw.bytes);
  if (!parsed.ok) return answer(errorReply(WiroErrorCode.General, parsed.message, 400));
  return answer(await route.handle(state, parsed.body, { apiKey: auth.apiKey }));
}

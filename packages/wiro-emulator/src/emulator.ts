import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { isTerminalStatus, type TaskStatus, type WireTask } from 'wiro-core';
import { createAuthenticator } from './auth.js';
import { sendCallback } from './callback.js';
import { createFaultInjector, type FaultRule, parseFaultRules } from './faults.js';
import { createFileStore } from './files.js';
import { createIdSource } from './ids.js';
import { buildLedgerSnapshot, createRequestLog, type LedgerSnapshot } from './ledger.js';
import { type EmulatorOptions, resolveOptions } from './options.js';
import { publishOutputs, renderOutputs } from './outputs.js';
import { createRandom } from './prng.js';
import { trackTimers } from './scheduler.js';
import { API_BASE_PATH, createRequestHandler } from './server.js';
import { createSocketHub } from './socket.js';
import type { EmulatorState } from './state.js';
import { toWireTask } from './task-record.js';
import { createTaskStore, type HoldOptions } from './tasks.js';

/** A running emulator. */
export interface Emulator {
  /** API base URL, e.g. `http://127.0.0.1:8787/v1`: use it as `WIRO_BASE_URL`. */
  readonly url: string;
  /** Realtime socket URL, e.g. `ws://127.0.0.1:8787/v1`. */
  readonly socketUrl: string;
  /** `http://127.0.0.1:PORT`: output URLs and the ledger live under it. */
  readonly origin: string;
  readonly port: number;
  /** API key of the first project. */
  readonly apiKey: string;
  /** API secret of the first project (undefined in api-key-only mode). */
  readonly apiSecret: string | undefined;
  /** A JSON-serialisable snapshot of every request and task so far (also `GET /__emulator/ledger`). */
  ledger(): LedgerSnapshot;
  /** Adds a fault rule (object or compact string, e.g. `'Run:dropAfterAccept:times=1'`). */
  injectFault(rule: FaultRule | string): void;
  /** Removes every fault rule. */
  clearFaults(): void;
  /**
   * Freezes task lifecycles: `hold()` stops every task where it is; `hold({ at: 'task_start' })`
   * lets tasks move until they reach `task_start`, then stops them there.
   */
  hold(options?: HoldOptions): void;
  /** Lifts every hold. */
  release(): void;
  /** Resolves with the task once it has reached `status`; rejects if it ends without. */
  waitForStatus(taskid: string, status: TaskStatus): Promise<WireTask>;
  /** Resolves with the task once it has ended (`task_postprocess_end`, `task_cancel`, `task_error`). */
  waitForEnd(taskid: string): Promise<WireTask>;
  /** The task as Task/Detail would show it now, or undefined. */
  getTask(taskid: string): WireTask | undefined;
  /** Sets the account balance in USD (e.g. to provoke code 97). */
  setBalance(usd: number): void;
  /** Stops the server: terminates sockets and connections, cancels timers. */
  close(): Promise<void>;
}

/** Project ids (`projectid` on tasks) count from here, in the order projects are configured. */
const FIRST_PROJECT_ID = 701;

/**
 * The `connection:dropBeforeAccept` fault: resets a new TCP connection as it is accepted, before
 * any request on it is read, so the client sees `connect ECONNRESET`: provably nothing sent.
 */
function refuseConnection(state: EmulatorState, socket: Socket): boolean {
  const fault = state.faults.pick('connection', () => true);
  if (!fault) return false;
  state.log.countFault(fault.kind);
  state.log.record({
    endpoint: 'connection',
    method: 'TCP',
    path: '',
    status: null,
    fault: fault.kind,
  });
  socket.resetAndDestroy();
  return true;
}

/**
 * Starts a Wiro emulator on 127.0.0.1 (an ephemeral port unless told).
 *
 * @example
 * const wiro = await startEmulator({ taskMs: 50 });
 * // point a client at wiro.url with wiro.apiKey / wiro.apiSecret
 * await wiro.close();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const resolved = resolveOptions(options);
  const scheduler = trackTimers(resolved.scheduler);
  const account = {
    balance: resolved.balance,
    cps: resolved.cps,
    concurrency: resolved.concurrency,
  };
  const callbacks = new AbortController();
  // The store's hooks run only later, once `state` exists.
  const tasks = createTaskStore({
    scheduler,
    now: resolved.now,
    account,
    renderOutputs: (task) => renderOutputs(state, task),
    publishOutputs: (task, outputs) => publishOutputs(state, task, outputs),
  });
  const state: EmulatorState = {
    options: resolved,
    scheduler,
    account,
    tasks,
    files: createFileStore(),
    faults: createFaultInjector(createRandom(resolved.seed), resolved.faults),
    log: createRequestLog(),
    authenticate: createAuthenticator(resolved.projects, {
      strictNonces: resolved.strictNonces,
    }),
    origin: '',
    nextFileId: createIdSource(5001),
    projectIdOf: (apiKey) =>
      String(FIRST_PROJECT_ID + resolved.projects.findIndex((p) => p.apiKey === apiKey)),
  };
  state.tasks.subscribe(({ task, type }) => {
    if (!isTerminalStatus(type) || !task.callbackUrl) return;
    const detail = {
      total: '1',
      errors: [],
      tasklist: [toWireTask(task, resolved.now())],
      result: true,
    };
    void sendCallback(task.callbackUrl, detail, resolved.callbackTimeoutMs, callbacks.signal);
  });

  const readLedger = () =>
    buildLedgerSnapshot({
      log: state.log,
      tasks: state.tasks.all(),
      inFlight: state.tasks.activeCount(),
      maxInFlight: state.tasks.maxActive(),
      balance: account.balance,
    });
  const server = createServer(createRequestHandler(state, { readLedger }));
  const hub = createSocketHub(state, API_BASE_PATH);
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    if (refuseConnection(state, socket)) return;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req, socket, head) => hub.handleUpgrade(req, socket, head));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = resolved.host.includes(':') ? `[${resolved.host}]` : resolved.host;
  state.origin = `http://${host}:${port}`;
  const project = resolved.projects[0];

  let closing: Promise<void> | undefined;
  return {
    url: state.origin + API_BASE_PATH,
    socketUrl: `ws://${host}:${port}${API_BASE_PATH}`,
    origin: state.origin,
    port,
    apiKey: project?.apiKey ?? '',
    apiSecret: project?.apiSecret || undefined,
    ledger: readLedger,
    injectFault(rule) {
      for (const one of typeof rule === 'string' ? parseFaultRules(rule) : [rule])
        state.faults.add(one);
    },
    clearFaults: () => state.faults.clear(),
    hold: (holdOptions) => state.tasks.hold(holdOptions),
    release: () => state.tasks.release(),
    waitForStatus: async (taskid, status) =>
      toWireTask(await state.tasks.waitForStatus(taskid, status), resolved.now()),
    waitForEnd: async (taskid) => toWireTask(await state.tasks.waitForEnd(taskid), resolved.now()),
    getTask(taskid) {
      const task = state.tasks.get(taskid);
      return task && toWireTask(task, resolved.now());
    },
    setBalance(usd) {
      account.balance = usd;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        state.tasks.close();
        scheduler.clearAll();
        callbacks.abort();
        hub.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

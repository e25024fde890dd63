import type { AuthResult, HeaderBag } from './auth.js';
import type { Account } from './billing.js';
import type { FaultInjector } from './faults.js';
import type { FileStore } from './files.js';
import type { RequestLog } from './ledger.js';
import type { ResolvedOptions } from './options.js';
import type { Scheduler } from './scheduler.js';
import type { TaskStore } from './tasks.js';

/** Everything the routes, the socket and the emulator share. One per emulator; no globals. */
export interface EmulatorState {
  options: ResolvedOptions;
  /** The options' scheduler, wrapped so closing the emulator cancels every timer. */
  scheduler: Scheduler;
  account: Account;
  tasks: TaskStore;
  files: FileStore;
  faults: FaultInjector;
  log: RequestLog;
  authenticate: (headers: HeaderBag) => AuthResult;
  /** `http://127.0.0.1:PORT`, known once the server listens. */
  origin: string;
  /** Ids for uploaded and input files. */
  nextFileId: () => string;
  /** The project id (`projectid` on tasks) of a project's API key. */
  projectIdOf: (apiKey: string) => string;
}

import type { TaskProgress } from './types.js';

/**
 * Everything the client reports as it works. Events never carry a key, secret, nonce or signature.
 */
export type WiroEvent =
  | {
      type: 'request';
      operation: string;
      attempt: number;
      /** HTTP status, when a reply arrived. */
      status?: number | undefined;
      durationMs: number;
      /** Why the attempt failed, when it did. */
      error?: string | undefined;
    }
  | { type: 'retry'; operation: string; attempt: number; delayMs: number; reason: string }
  | { type: 'status'; taskid: string; status: string }
  | ({ type: 'progress' } & TaskProgress)
  | { type: 'socket'; taskid: string; state: 'open' | 'closed' | 'fallback'; reason?: string }
  | { type: 'download'; name: string; bytes: number; path: string; skipped: boolean };

/** Receives client events (for logs, progress bars, metrics). */
export type WiroEventHandler = (event: WiroEvent) => void;

import type WebSocket from 'ws';
import { isTerminalStatus, TASK_STATUSES } from './protocol.js';
import { describeShape, type Recorder } from './record.js';
import type { WireSocketFrame } from './wire.js';

const STATUS_NAMES: ReadonlySet<string> = new Set(TASK_STATUSES);

let webSocketModule: Promise<typeof WebSocket> | undefined;

/**
 * `ws`, loaded on the first socket: a client that only polls, or a command that never waits on a
 * task (validate, plan), does not pay for loading it.
 */
function loadWebSocket(): Promise<typeof WebSocket> {
  webSocketModule ??= import('ws').then((module) => module.default);
  return webSocketModule;
}

/** Options of {@link watchTaskSocket}. */
export interface WatchTaskSocketOptions {
  /** Called for every frame that belongs to the task. */
  onFrame: (frame: WireSocketFrame) => void;
  /** Closes the socket and rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Receives the shape of every frame (see `WIRO_RECORD`). */
  record?: Recorder | undefined;
}

/**
 * Subscribes to a task on the realtime socket and resolves with the first terminal status seen.
 * Frames whose `type` is not a task status (such as the greeting sent on connect) are skipped.
 * Rejects when the socket fails or closes first: callers then fall back to polling. The socket is
 * only a hint; the final state must always be confirmed with Task/Detail.
 */
export async function watchTaskSocket(
  url: string,
  tasktoken: string,
  options: WatchTaskSocketOptions,
): Promise<string> {
  const WebSocketClass = await loadWebSocket();
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const socket = new WebSocketClass(url, { handshakeTimeout: 10_000 });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();
      fn();
    };
    const onAbort = () => settle(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });

    socket.on('open', () => socket.send(JSON.stringify({ type: 'task_info', tasktoken })));
    socket.on('message', (data) => {
      let frame: WireSocketFrame;
      try {
        frame = JSON.parse(String(data));
      } catch {
        return;
      }
      if (!frame || typeof frame.type !== 'string') return;
      options.record?.({
        endpoint: 'socket',
        status: null,
        frameType: frame.type,
        shape: describeShape(frame),
      });
      if (frame.tasktoken !== undefined && frame.tasktoken !== tasktoken) return;
      if (frame.result === false) {
        settle(() => reject(new Error(`socket refused the subscription (${frame.type})`)));
        return;
      }
      // A greeting or any other frame that is not a task status is not about the task.
      if (!STATUS_NAMES.has(frame.type)) return;
      options.onFrame(frame);
      if (isTerminalStatus(frame.type)) settle(() => resolve(frame.type));
    });
    socket.on('error', (error) => settle(() => reject(error)));
    socket.on('close', () =>
      settle(() => reject(new Error('socket closed before the task ended'))),
    );
  });
}

import { type IncomingMessage, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { isTerminalStatus, type WireSocketFrame } from 'wiro-core';
import { type WebSocket, WebSocketServer } from 'ws';
import { delay } from './delay.js';
import type { FaultKind } from './faults.js';
import { proxyErrorPage } from './http-send.js';
import type { EmulatorState } from './state.js';
import type { TaskRecord } from './task-record.js';
import type { TaskTransition } from './tasks.js';

/** The realtime socket: WebSocket upgrades on the API base path of the same HTTP server. */
export interface SocketHub {
  /** Handles an HTTP `upgrade` event. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Terminates every connection. */
  close(): void;
}

interface Client {
  ws: WebSocket;
  /** Send the next frame truncated (malformedJson fault). */
  corruptNext: boolean;
  /** Terminate after the next frame (dropAfterAccept fault). */
  dropAfterNext: boolean;
}

/**
 * The frame sent as soon as a connection opens, before any subscription (chosen: no public source
 * shows the task socket's greeting; this one follows the documented base structure
 * `{type, message, result}`, and a client must skip any frame whose type is not a task status).
 */
export const SOCKET_GREETING: Readonly<WireSocketFrame> = Object.freeze({
  type: 'connected',
  message: 'Connected. Send {"type":"task_info","tasktoken":"…"} to follow a task.',
  result: true,
});

const toFrame = (task: TaskRecord, type: string, message: unknown): WireSocketFrame => ({
  type,
  id: task.id,
  tasktoken: task.token,
  message,
  result: true,
});

/**
 * Creates the socket hub. A new connection first gets {@link SOCKET_GREETING}. A client sends
 * `{"type":"task_info","tasktoken":…}`; it then gets the task's current status and every change
 * after it (faults apply to these task frames, not to the greeting). A subscription to a task that already ended
 * gets nothing (chosen, like the real socket may); an unknown token gets one error frame with
 * `result: false`.
 */
export function createSocketHub(state: EmulatorState, basePath: string): SocketHub {
  const wss = new WebSocketServer({ noServer: true });
  const subscribers = new Map<string, Set<Client>>();

  const send = (client: Client, frame: WireSocketFrame) => {
    const text = JSON.stringify(frame);
    client.ws.send(client.corruptNext ? text.slice(0, Math.floor(text.length / 2)) : text);
    client.corruptNext = false;
    if (client.dropAfterNext) client.ws.terminate();
  };

  const onTransition = ({ task, type, message }: TaskTransition) => {
    const clients = subscribers.get(task.token);
    if (!clients) return;
    for (const client of clients) send(client, toFrame(task, type, message));
    if (isTerminalStatus(type)) subscribers.delete(task.token);
  };
  const unsubscribe = state.tasks.subscribe(onTransition);

  const subscribe = (client: Client, token: string) => {
    const task = state.tasks.findByToken(token);
    if (!task) {
      send(client, {
        type: 'task_info',
        tasktoken: token,
        message: 'There is no task yet.',
        result: false,
      });
      return;
    }
    if (task.ended) return;
    let clients = subscribers.get(token);
    if (!clients) {
      clients = new Set();
      subscribers.set(token, clients);
    }
    clients.add(client);
    send(client, toFrame(task, task.status, task.lastMessage));
  };

  const accept = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    client: Omit<Client, 'ws'>,
  ) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      const entry: Client = { ws, ...client };
      ws.send(JSON.stringify(SOCKET_GREETING));
      ws.on('message', (data) => {
        let message: { type?: unknown; tasktoken?: unknown };
        try {
          message = JSON.parse(String(data));
        } catch {
          return;
        }
        if (message?.type === 'task_info' && typeof message.tasktoken === 'string') {
          subscribe(entry, message.tasktoken);
        }
      });
      ws.on('close', () => {
        for (const clients of subscribers.values()) clients.delete(entry);
      });
      ws.on('error', () => ws.terminate());
    });
  };

  const refuse = (socket: Duplex, status: number, extra = '') => {
    const body = proxyErrorPage(status);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`,
    );
  };

  return {
    handleUpgrade(req, socket, head) {
      const path = new URL(req.url ?? '/', 'http://emulator.local').pathname.replace(/\/$/, '');
      const record = (status: number | null, fault?: FaultKind) =>
        state.log.record({
          endpoint: 'socket',
          method: 'GET',
          path,
          status,
          ...(fault ? { fault } : {}),
        });
      socket.on('error', () => socket.destroy());
      if (path !== basePath) {
        refuse(socket, 404);
        record(404);
        return;
      }
      const fault = state.faults.pick('socket', () => true);
      if (fault) state.log.countFault(fault.kind);
      const client = {
        corruptNext: fault?.kind === 'malformedJson',
        dropAfterNext: fault?.kind === 'dropAfterAccept',
      };
      switch (fault?.kind) {
        case 'dropBeforeAccept':
          socket.destroy();
          record(null, fault.kind);
          return;
        case 'http5xx':
          refuse(socket, fault.status);
          record(fault.status, fault.kind);
          return;
        case 'http429':
          refuse(socket, 429, `Retry-After: ${fault.retryAfterSeconds}\r\n`);
          record(429, fault.kind);
          return;
        case 'slow':
          void delay(state.scheduler, fault.delayMs).then(() => accept(req, socket, head, client));
          record(101, fault.kind);
          return;
        default:
          accept(req, socket, head, client);
          record(101, fault?.kind);
      }
    },
    close() {
      unsubscribe();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      subscribers.clear();
    },
  };
}

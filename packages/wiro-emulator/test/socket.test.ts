import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTerminalStatus, TASK_STATUSES, type WireSocketFrame } from 'wiro-core';
import WebSocket from 'ws';
import { type Emulator, SOCKET_GREETING, startEmulator } from '../src/index.js';
import { INPUTS, postJson, runTask } from './_signed-fetch.js';

/**
 * Subscribes to a task. `greeting` resolves with the frame sent on connect; `first` with the first
 * frame after it (so the subscription is known to be registered); `done` with every frame after
 * the greeting up to a terminal or refused one.
 */
function subscribe(url: string, tasktoken: string) {
  const ws = new WebSocket(url);
  const frames: WireSocketFrame[] = [];
  let onGreeting: (frame: WireSocketFrame) => void = () => {};
  const greeting = new Promise<WireSocketFrame>((resolve) => {
    onGreeting = resolve;
  });
  let onFirst: (frame: WireSocketFrame) => void = () => {};
  const first = new Promise<WireSocketFrame>((resolve) => {
    onFirst = resolve;
  });
  const done = new Promise<WireSocketFrame[]>((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ type: 'task_info', tasktoken })));
    let greeted = false;
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as WireSocketFrame;
      if (!greeted) {
        greeted = true;
        onGreeting(frame);
        return;
      }
      frames.push(frame);
      if (frames.length === 1) onFirst(frame);
      if (isTerminalStatus(frame.type) || frame.result === false) {
        ws.close();
        resolve(frames);
      }
    });
    ws.on('error', reject);
  });
  return { greeting, first, done };
}

describe('realtime socket', () => {
  let wiro: Emulator;
  beforeAll(async () => {
    wiro = await startEmulator({ taskMs: 40, queueMs: 1 });
  });
  afterEach(() => wiro.release());
  afterAll(() => wiro.close());

  it('sends the current status, then every change with progress and outputs', async () => {
    wiro.hold();
    const { taskid, socketaccesstoken } = await runTask(wiro, { ...INPUTS, samples: 2, steps: 20 });
    const socket = subscribe(wiro.socketUrl, socketaccesstoken);
    expect(await socket.greeting).toEqual(SOCKET_GREETING);
    expect(await socket.first).toEqual({
      type: 'task_queue',
      id: taskid,
      tasktoken: socketaccesstoken,
      message: null,
      result: true,
    });
    wiro.release();
    const frames = await socket.done;

    const types = frames.map((f) => f.type).filter((t, i, all) => t !== all[i - 1]);
    // Every status of a successful task, in the documented order.
    expect(types).toEqual(
      TASK_STATUSES.slice(0, TASK_STATUSES.indexOf('task_postprocess_end') + 1),
    );
    const progress = frames
      .filter((f) => f.type === 'task_output')
      .map((f) => f.message as Record<string, string>);
    expect(progress).toHaveLength(10);
    expect(progress[0]).toMatchObject({
      type: 'progressGenerate',
      task: 'Generate',
      percentage: '10',
      stepCurrent: '2',
      stepTotal: '20',
      speedType: 'it/s',
    });
    for (const frame of progress) {
      expect(frame.speed).toMatch(/^\d+\.\d$/);
      expect(frame.elapsedTime).toMatch(/^\d+(\.\d)?s$/);
      expect(frame.remainingTime).toMatch(/^\d+(\.\d)?s$/);
    }
    expect(progress.at(-1)).toMatchObject({ percentage: '100', stepCurrent: '20' });
    const lifecycle = frames.filter((f) =>
      ['task_accept', 'task_start', 'task_end'].includes(f.type),
    );
    expect(lifecycle.map((f) => f.message)).toEqual([null, null, null]);
    const full = frames.find((f) => f.type === 'task_output_full');
    expect(full?.message).toEqual({ raw: expect.stringContaining('100% 20/20') });

    const end = frames.at(-1);
    expect(end).not.toHaveProperty('pexit');
    const outputs = end?.message as Array<{ name: string; url: string }>;
    expect(outputs.map((o) => o.name)).toEqual(['0.png', '1.png']);
    expect((await fetch(outputs[0]?.url ?? '')).status).toBe(200);
    expect((await wiro.waitForEnd(taskid)).pexit).toBe('0');
  });

  it('sends task_cancel when a running task is killed', async () => {
    wiro.hold({ at: 'task_start' });
    const { taskid, socketaccesstoken } = await runTask(wiro);
    await wiro.waitForStatus(taskid, 'task_start');
    const socket = subscribe(wiro.socketUrl, socketaccesstoken);
    expect((await socket.first).type).toBe('task_start');
    await postJson(wiro, '/Task/Kill', { taskid });
    expect((await socket.done).map((f) => f.type)).toEqual(['task_start', 'task_cancel']);
  });

  it('sends nothing to a subscription made after the task ended', async () => {
    const { taskid, socketaccesstoken } = await runTask(wiro);
    await wiro.waitForEnd(taskid);
    const ws = new WebSocket(wiro.socketUrl);
    const received: string[] = [];
    const greeted = new Promise<void>((resolve) => ws.once('message', () => resolve()));
    ws.on('message', (data) => received.push(String(data)));
    await greeted;
    ws.send(JSON.stringify({ type: 'task_info', tasktoken: socketaccesstoken }));
    // A second, unknown subscription on the same connection is answered; the first one was not.
    ws.send(JSON.stringify({ type: 'task_info', tasktoken: 'unknown-token' }));
    await new Promise<void>((resolve) => ws.once('message', () => resolve()));
    expect(received.map((text) => JSON.parse(text).tasktoken)).toEqual([
      undefined,
      'unknown-token',
    ]);
    ws.close();
  });

  it('answers an unknown token with an error frame', async () => {
    const frames = await subscribe(wiro.socketUrl, 'x'.repeat(30)).done;
    expect(frames).toEqual([expect.objectContaining({ result: false, tasktoken: 'x'.repeat(30) })]);
  });

  it('refuses upgrades on other paths', async () => {
    const ws = new WebSocket(wiro.socketUrl.replace('/v1', '/v2'));
    const status = await new Promise<number>((resolve) => {
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('error', () => {});
    });
    expect(status).toBe(404);
  });
});

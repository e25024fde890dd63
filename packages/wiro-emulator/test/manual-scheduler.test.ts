import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createManualScheduler, startEmulator } from '../src/index.js';
import { runTask, signedFetch } from './_signed-fetch.js';

describe('with a manual scheduler', () => {
  it('moves a task only when time is advanced, with a deterministic cost', async () => {
    const scheduler = createManualScheduler();
    const wiro = await startEmulator({ scheduler, now: scheduler.now, taskMs: 1000, queueMs: 500 });
    try {
      const { taskid } = await runTask(wiro);
      const status = () => wiro.getTask(taskid)?.status;
      expect(status()).toBe('task_queue');
      scheduler.advance(499);
      expect(status()).toBe('task_queue');
      scheduler.advance(1);
      expect(status()).toBe('task_accept');
      scheduler.advance(100);
      expect(status()).toBe('task_start');
      scheduler.advance(80);
      expect(wiro.getTask(taskid)?.debugoutput).toContain('10% ');
      scheduler.runAll();
      const task = await wiro.waitForEnd(taskid);
      expect(task).toMatchObject({
        status: 'task_postprocess_end',
        pexit: '0',
        elapsedseconds: '0.8500',
        cps: '0.000800000000',
        totalcost: '0.000680000000',
      });
      expect(Number(task.endtime) - Number(task.createtime)).toBe(1);
      expect(Number(task.postprocessendtime) - Number(task.createtime)).toBe(1);
      expect(Number(task.accepttime) - Number(task.createtime)).toBe(0);
    } finally {
      await wiro.close();
    }
  });
});

describe('close()', () => {
  it('ends open sockets, pending replies and timers at once', async () => {
    const wiro = await startEmulator({ taskMs: 600_000 });
    const { socketaccesstoken } = await runTask(wiro);
    const ws = new WebSocket(wiro.socketUrl);
    ws.on('open', () =>
      ws.send(JSON.stringify({ type: 'task_info', tasktoken: socketaccesstoken })),
    );
    await new Promise((resolve) => ws.once('message', resolve));
    const closed = new Promise((resolve) => ws.once('close', resolve));
    wiro.injectFault({ endpoint: 'Tool/Detail', kind: 'slow', delayMs: 600_000 });
    const tool = { slugowner: 'Adel_AI', slugproject: 'Comics-Factory-v1' };
    const pending = expect(signedFetch(wiro, '/Tool/Detail', tool)).rejects.toThrow();
    const waiting = expect(wiro.waitForEnd(wiro.ledger().tasks[0]?.taskid ?? '')).rejects.toThrow(
      /closed/,
    );
    await wiro.close();
    await closed;
    await pending;
    await waiting;
  });
});

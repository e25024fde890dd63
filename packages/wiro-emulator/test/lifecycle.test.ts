import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TASK_STATUSES } from 'wiro-core';
import { type Emulator, startEmulator } from '../src/index.js';
import { INPUTS, postJson, runTask } from './_signed-fetch.js';

describe('task lifecycle', () => {
  let wiro: Emulator;
  beforeAll(async () => {
    wiro = await startEmulator({ taskMs: 30, queueMs: 1 });
  });
  afterEach(() => {
    wiro.release();
    wiro.clearFaults();
  });
  afterAll(() => wiro.close());

  const detail = async (taskid: string) =>
    (await postJson(wiro, '/Task/Detail', { taskid })).body.tasklist[0];

  it('runs to task_postprocess_end with pexit 0, a cost, and downloadable PNGs', async () => {
    const { taskid, socketaccesstoken } = await runTask(wiro, { ...INPUTS, samples: 2 });
    await wiro.waitForEnd(taskid);
    const reply = await postJson(wiro, '/Task/Detail', { tasktoken: socketaccesstoken });
    expect(reply.body).toMatchObject({ result: true, errors: [], total: '1' });
    const task = reply.body.tasklist[0];
    expect(task).toMatchObject({
      id: taskid,
      status: 'task_postprocess_end',
      pexit: '0',
      cps: '0.000800000000',
    });
    expect(task.totalcost).toMatch(/^0\.\d{12}$/);
    expect(task.elapsedseconds).toMatch(/^\d+\.\d{4}$/);
    expect(Number(task.totalcost)).toBeGreaterThan(0);
    expect(Number(task.totalcost)).toBeCloseTo(0.0008 * Number(task.elapsedseconds), 10);
    for (const key of [
      'id',
      'uuid',
      'socketaccesstoken',
      'debugoutput',
      'debugerror',
      'createtime',
      'starttime',
      'endtime',
      'elapsedseconds',
    ]) {
      expect(typeof task[key]).toBe('string');
    }
    expect(task.outputs.map((o: { name: string }) => o.name)).toEqual(['0.png', '1.png']);
    expect(task.size).toBe(
      String(task.outputs.reduce((sum: number, o: { size: string }) => sum + Number(o.size), 0)),
    );
    for (const output of task.outputs) {
      expect(output).toMatchObject({ contenttype: 'image/png', ispublic: 0, expiretime: null });
      const response = await fetch(output.url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-length')).toBe(String(bytes.length));
      expect(output.size).toBe(String(bytes.length));
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height]).toEqual([INPUTS.width, INPUTS.height]);
    }
  });

  it('walks the documented statuses in order', async () => {
    const { taskid } = await runTask(wiro, { ...INPUTS, steps: 20 });
    await wiro.waitForEnd(taskid);
    const statuses = wiro.ledger().tasks.find((t) => t.taskid === taskid)?.statuses ?? [];
    expect(statuses.filter((s) => s === 'task_output')).toHaveLength(10);
    const distinct = statuses.filter((s, i) => s !== statuses[i - 1]);
    expect(distinct).toEqual(TASK_STATUSES.slice(0, 11));
  });

  it('can hold a task in task_queue and release it', async () => {
    wiro.hold();
    const { taskid } = await runTask(wiro);
    expect((await detail(taskid)).status).toBe('task_queue');
    wiro.release();
    expect((await wiro.waitForEnd(taskid)).status).toBe('task_postprocess_end');
  });

  it('fails with pexit 1, a debugerror and no cost (taskFail)', async () => {
    wiro.injectFault({ endpoint: 'Run', kind: 'taskFail', times: 1 });
    const { taskid } = await runTask(wiro);
    await wiro.waitForEnd(taskid);
    const task = await detail(taskid);
    expect(task).toMatchObject({
      status: 'task_postprocess_end',
      pexit: '1',
      totalcost: '0',
      outputs: [],
    });
    expect(task.debugerror).toContain('out of memory');
    expect(wiro.ledger().tasks.find((t) => t.taskid === taskid)).toMatchObject({
      billed: false,
      fault: 'taskFail',
    });
  });

  it('ends in task_error for free (taskError)', async () => {
    wiro.injectFault('Run:taskError:times=1');
    const { taskid } = await runTask(wiro);
    await wiro.waitForEnd(taskid);
    const task = await detail(taskid);
    expect(task).toMatchObject({ status: 'task_error', totalcost: '0', outputs: [] });
    expect(task.debugerror).not.toBe('');
  });

  it('can be cancelled by the server (taskCancel)', async () => {
    wiro.injectFault('Run:taskCancel:times=1');
    const { taskid } = await runTask(wiro);
    await wiro.waitForEnd(taskid);
    expect(await detail(taskid)).toMatchObject({ status: 'task_cancel', totalcost: '0' });
  });

  it('kills a running task: task_cancel, cost 0, counted as a kill', async () => {
    wiro.hold({ at: 'task_start' });
    const { taskid, socketaccesstoken } = await runTask(wiro);
    await wiro.waitForStatus(taskid, 'task_start');
    expect((await detail(taskid)).status).toBe('task_start');
    const kill = await postJson(wiro, '/Task/Kill', { socketaccesstoken });
    expect(Object.keys(kill.body)).toEqual(['errors', 'tasklist', 'result']);
    expect(kill.body).toMatchObject({ result: true, errors: [] });
    expect(kill.body.tasklist[0]).toMatchObject({ id: taskid, status: 'task_cancel', pexit: '0' });
    const task = await detail(taskid);
    expect(task).toMatchObject({ status: 'task_cancel', totalcost: '0', pexit: '0' });
    expect(Number(task.canceltime)).toBeGreaterThan(0);
    const entry = wiro.ledger().tasks.find((t) => t.taskid === taskid);
    expect(entry).toMatchObject({ killed: true, billed: false, ended: true });
    const again = await postJson(wiro, '/Task/Kill', { taskid });
    expect(again.body).toEqual({
      result: false,
      errors: [{ code: 1, message: 'Task could not be killed: it already ended (task_cancel).' }],
    });
  });

  it('cancels a queued task, and refuses once it left the queue', async () => {
    wiro.hold();
    const queued = await runTask(wiro);
    const cancel = await postJson(wiro, '/Task/Cancel', { taskid: queued.taskid });
    expect(Object.keys(cancel.body)).toEqual(['errors', 'tasklist', 'result']);
    expect(cancel.body.tasklist[0]).toMatchObject({ id: queued.taskid, status: 'task_cancel' });
    expect(await detail(queued.taskid)).toMatchObject({ status: 'task_cancel', totalcost: '0' });
    wiro.release();

    wiro.hold({ at: 'task_start' });
    const running = await runTask(wiro);
    await wiro.waitForStatus(running.taskid, 'task_start');
    const refused = await postJson(wiro, '/Task/Cancel', { taskid: running.taskid });
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({
      result: false,
      errors: [{ code: 1, message: 'Task is not in a cancellable state.' }],
    });
    const ledger = wiro.ledger();
    expect(ledger.tasks.find((t) => t.taskid === queued.taskid)?.cancelled).toBe(true);
    expect(ledger.tasks.find((t) => t.taskid === running.taskid)?.cancelled).toBe(false);
  });

  it('answers Kill/Cancel/Detail for an unknown task with code 1', async () => {
    for (const path of ['/Task/Detail', '/Task/Kill', '/Task/Cancel']) {
      const reply = await postJson(wiro, path, { taskid: '999999' });
      expect(reply.body).toEqual({
        result: false,
        errors: [{ code: 1, message: 'There is no task yet.' }],
      });
    }
  });

  it('answers a body without taskid or token with code 0, as Wiro documents', async () => {
    for (const path of ['/Task/Detail', '/Task/Kill', '/Task/Cancel']) {
      const reply = await postJson(wiro, path, {});
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({
        result: false,
        errors: [{ code: 0, message: 'taskid or socketaccesstoken is required' }],
      });
    }
  });

  it('POSTs the final task detail to callbackUrl', async () => {
    const received = new Promise<{ req: IncomingMessage; body: string }>((resolve) => {
      const server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk) => {
          body += chunk;
        });
        req.on('end', () => {
          res.end('ok');
          server.close();
          resolve({ req, body });
        });
      });
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as AddressInfo;
        void runTask(wiro, { ...INPUTS, callbackUrl: `http://127.0.0.1:${port}/hook` });
      });
    });
    const { req, body } = await received;
    expect(req.method).toBe('POST');
    const parsed = JSON.parse(body);
    expect(parsed.tasklist[0]).toMatchObject({ status: 'task_postprocess_end', pexit: '0' });
    expect(parsed.tasklist[0].parameters.callbackUrl).toBeUndefined();
  });
});

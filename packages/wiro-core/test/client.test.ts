import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createWiroClient,
  TASK_STATUSES,
  WiroAbortError,
  WiroAuthError,
  WiroConcurrencyLimitError,
  WiroConnectionError,
  WiroInsufficientBalanceError,
  WiroOutputExpiredError,
  WiroTaskFailedError,
  WiroTimeoutError,
} from '../src/index.js';
import { CHEAP_INPUTS, SEED_MODEL } from './_contract.js';
import { type Harness, startHarness } from './_emulator.js';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

describe.each([
  ['signature auth', {}],
  ['api-key-only auth', { projects: [{ apiKey: 'key-only' }] }],
])('operations with %s', (_mode, emulatorOptions) => {
  it('runs, waits and reads a successful task with its cost', async () => {
    h = await startHarness(
      emulatorOptions,
      'projects' in emulatorOptions ? { apiKey: 'key-only', apiSecret: undefined } : {},
    );
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const task = await h.client.waitForTask(run);
    expect(task).toMatchObject({ id: run.taskid, status: 'task_postprocess_end', pexit: '0' });
    expect(task.totalCost).toBeGreaterThan(0);
    expect(task.outputs).toHaveLength(1);
    expect(h.emulator.ledger().billed.count).toBe(1);
  });

  it('cancels a queued task and kills a running one', async () => {
    h = await startHarness(
      emulatorOptions,
      'projects' in emulatorOptions ? { apiKey: 'key-only', apiSecret: undefined } : {},
    );
    h.emulator.hold({ at: 'task_queue' });
    const queued = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    await h.emulator.waitForStatus(queued.taskid, 'task_queue');
    await h.client.cancelTask(queued);
    expect((await h.client.getTask(queued)).status).toBe('task_cancel');

    h.emulator.release();
    h.emulator.hold({ at: 'task_start' });
    const running = await h.client.runTask(SEED_MODEL, { ...CHEAP_INPUTS, seed: '2' });
    await h.emulator.waitForStatus(running.taskid, 'task_start');
    const reply = await h.client.killTask(running);
    expect(reply).toMatchObject({ id: running.taskid, status: 'task_cancel' });
    const killed = await h.client.getTask({ tasktoken: running.socketaccesstoken });
    expect(killed).toMatchObject({ status: 'task_cancel', totalCost: 0 });
    expect(h.emulator.ledger()).toMatchObject({ cancels: 1, kills: 1, billed: { count: 0 } });
  });
});

describe('stopTask', () => {
  it('cancels while queued and kills once running', async () => {
    h = await startHarness();
    h.emulator.hold({ at: 'task_queue' });
    const a = await h.client.runTask(SEED_MODEL, CHAP(1));
    await h.emulator.waitForStatus(a.taskid, 'task_queue');
    expect((await h.client.stopTask(a)).status).toBe('task_cancel');
    expect(h.emulator.ledger()).toMatchObject({ cancels: 1, kills: 0 });

    h.emulator.release();
    h.emulator.hold({ at: 'task_start' });
    const b = await h.client.runTask(SEED_MODEL, CHAP(2));
    await h.emulator.waitForStatus(b.taskid, 'task_start');
    expect((await h.client.stopTask(b)).status).toBe('task_cancel');
    expect(h.emulator.ledger()).toMatchObject({ cancels: 1, kills: 1 });
  });
});

function CHAP(seed: number) {
  return { ...CHEAP_INPUTS, seed: String(seed) };
}

describe('task failures', () => {
  it('throws WiroTaskFailedError with pexit and debugerror when the model fails', async () => {
    h = await startHarness({ faults: 'Run:taskFail:times=1' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const error = await h.client.waitForTask(run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroTaskFailedError);
    const { task } = error as WiroTaskFailedError;
    expect(task).toMatchObject({ status: 'task_postprocess_end', pexit: '1', totalCost: 0 });
    expect(task.debugerror).not.toBe('');
    expect((error as Error).message).toContain(task.debugerror.trim().slice(0, 20));
  });

  it('throws WiroTaskFailedError for task_error', async () => {
    h = await startHarness({ faults: 'Run:taskError:times=1' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const error = await h.client.waitForTask(run).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroTaskFailedError);
    expect((error as WiroTaskFailedError).task.status).toBe('task_error');
  });

  it('throws WiroTaskFailedError when the server cancels the task', async () => {
    h = await startHarness({ faults: 'Run:taskCancel:times=1' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const error = await h.client.waitForTask(run).catch((e: unknown) => e);
    expect((error as WiroTaskFailedError).task.status).toBe('task_cancel');
  });
});

describe('deadline and abort stop the task on the server', () => {
  it('kills a running task when the deadline passes and carries the last snapshot', async () => {
    h = await startHarness();
    h.emulator.hold({ at: 'task_start' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    await h.emulator.waitForStatus(run.taskid, 'task_start');
    const error = await h.client.waitForTask(run, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroTimeoutError);
    expect((error as WiroTimeoutError).task?.status).toBe('task_cancel');
    expect(h.emulator.ledger()).toMatchObject({ kills: 1, billed: { count: 0 } });
  });

  it('cancels a queued task on abort and rejects with WiroAbortError', async () => {
    h = await startHarness();
    h.emulator.hold({ at: 'task_queue' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const controller = new AbortController();
    const statuses: string[] = [];
    const waiting = h.client.waitForTask(run, {
      signal: controller.signal,
      onStatus: (status) => {
        statuses.push(status);
        if (status === 'task_queue') controller.abort();
      },
    });
    await expect(waiting).rejects.toBeInstanceOf(WiroAbortError);
    expect(statuses).toEqual(['task_queue']);
    expect(h.emulator.ledger()).toMatchObject({ cancels: 1, kills: 0 });
    expect(h.emulator.getTask(run.taskid)?.status).toBe('task_cancel');
  });

  it('leaves the task running when stopOnAbort is false', async () => {
    h = await startHarness();
    h.emulator.hold({ at: 'task_start' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    await h.emulator.waitForStatus(run.taskid, 'task_start');
    await expect(
      h.client.waitForTask(run, { timeoutMs: 20, stopOnAbort: false }),
    ).rejects.toBeInstanceOf(WiroTimeoutError);
    expect(h.emulator.ledger().kills).toBe(0);
  });
});

describe('waiting', () => {
  it('follows the socket with progress and spends at most 4 requests on a panel', async () => {
    h = await startHarness({ taskMs: 200 });
    const progress: number[] = [];
    const { files } = await h.client.generate(SEED_MODEL, CHEAP_INPUTS, {
      outputDir: '/tmp/wiro-core-socket-test',
      onProgress: (p) => progress.push(p.percentage),
    });
    expect(files).toHaveLength(1);
    expect(progress.length).toBeGreaterThan(0);
    // The greeting the socket sends on connect is not a status.
    const statuses = h.events.flatMap((e) => (e.type === 'status' ? [e.status] : []));
    expect(statuses.length).toBeGreaterThan(3);
    for (const status of statuses) expect(TASK_STATUSES).toContain(status);
    const last = h.events.findLast((e) => e.type === 'progress');
    expect(last).toMatchObject({ speedType: 'it/s', elapsedTime: expect.stringMatching(/s$/) });
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(h.events.some((e) => e.type === 'socket' && e.state === 'open')).toBe(true);
    const requests = h.emulator.ledger().requests.length;
    expect(requests).toBeLessThanOrEqual(4);
  });

  it('falls back to polling when the socket cannot connect', async () => {
    h = await startHarness({}, { socketUrl: 'ws://127.0.0.1:1/v1' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const task = await h.client.waitForTask(run);
    expect(task.pexit).toBe('0');
    expect(h.events.some((e) => e.type === 'socket' && e.state === 'fallback')).toBe(true);
  });

  it('falls back to polling when the socket drops mid-task', async () => {
    h = await startHarness({ faults: 'socket:dropAfterAccept:times=1', taskMs: 150 });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    expect((await h.client.waitForTask(run)).pexit).toBe('0');
    expect(h.events.some((e) => e.type === 'socket' && e.state === 'fallback')).toBe(true);
  });

  it('polls only when asked to, and tolerates a few failed polls', async () => {
    h = await startHarness(
      { faults: 'Task/Detail:http5xx:times=3' },
      { retry: { maxAttempts: 1 } },
    );
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const task = await h.client.waitForTask(run, { socket: false, pollDelay: () => 5 });
    expect(task.pexit).toBe('0');
    expect(h.events.some((e) => e.type === 'socket')).toBe(false);
  });

  it('waits on a task submitted by another process from its saved id', async () => {
    h = await startHarness();
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const other = createWiroClient({ ...h.options, onEvent: undefined });
    const task = await other.waitForTask({ taskid: run.taskid });
    expect(task).toMatchObject({ id: run.taskid, pexit: '0' });
  });
});

describe('money safety against the emulator', () => {
  it.each([
    // The reply was lost after the Run was accepted: a task exists.
    ['its reply was lost after acceptance', 'Run:dropAfterAccept:times=1', 1],
    // The connection dropped before the body was read: no task, but the client cannot know that.
    ['its connection dropped before the body was read', 'Run:dropBeforeAccept:times=1', 0],
  ])('never re-sends a Run when %s', async (_name, faults, accepted) => {
    h = await startHarness({ faults });
    const error = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroConnectionError);
    expect((error as WiroConnectionError).requestSent).toBe(true);
    const ledger = h.emulator.ledger();
    expect(ledger.acceptedRuns).toBe(accepted);
    expect(ledger.requests.filter((r) => r.endpoint === 'Run')).toHaveLength(1);
    expect(ledger.tasks.filter((t) => t.replyDropped)).toHaveLength(accepted);
  });

  it('re-sends a Run whose connection was reset while opening: provably not sent', async () => {
    h = await startHarness({ faults: 'connection:dropBeforeAccept:times=1' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const ledger = h.emulator.ledger();
    expect(ledger.requests.map((r) => r.endpoint)).toEqual(['connection', 'Run']);
    expect(ledger.acceptedRuns).toBe(1);
    expect(ledger.tasks[0]?.taskid).toBe(run.taskid);
    expect(h.events.filter((e) => e.type === 'retry')).toHaveLength(1);
  });

  it('sends 20 requests at once without ever repeating a nonce', async () => {
    h = await startHarness({ concurrency: 25 });
    const runs = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.client.runTask(SEED_MODEL, { ...CHEAP_INPUTS, seed: String(i) }),
      ),
    );
    await Promise.all(runs.map((run) => h.client.getTask(run)));
    const ledger = h.emulator.ledger();
    expect(ledger.requests.filter((r) => r.status === 200)).toHaveLength(40);
    expect(ledger.nonceReuses).toBe(0);
  });

  it('surfaces an expired output URL as WiroOutputExpiredError; Task/Detail gives it again', async () => {
    h = await startHarness({ faults: 'download:expired:times=1' });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const task = await h.client.waitForTask(run);
    const path = join(await mkdtemp(join(tmpdir(), 'wiro-expired-')), '0.png');
    const error = await h.client.downloadOutput(task.outputs[0]!, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroOutputExpiredError);
    expect((error as WiroOutputExpiredError).status).toBe(404);
    const fresh = await h.client.getTask(run);
    expect((await h.client.downloadOutput(fresh.outputs[0]!, path)).bytes).toBeGreaterThan(0);
  });

  it('surfaces code 96 as WiroConcurrencyLimitError with no task created', async () => {
    h = await startHarness({ faults: 'Run:concurrencyBurst:times=1' });
    await expect(h.client.runTask(SEED_MODEL, CHEAP_INPUTS)).rejects.toBeInstanceOf(
      WiroConcurrencyLimitError,
    );
    expect(h.emulator.ledger().acceptedRuns).toBe(0);
  });

  it('hits the real concurrency limit with code 96', async () => {
    h = await startHarness({ concurrency: 1 });
    h.emulator.hold({ at: 'task_start' });
    await h.client.runTask(SEED_MODEL, CHAP(1));
    await expect(h.client.runTask(SEED_MODEL, CHAP(2))).rejects.toBeInstanceOf(
      WiroConcurrencyLimitError,
    );
  });

  it('surfaces an empty balance as WiroInsufficientBalanceError', async () => {
    h = await startHarness();
    h.emulator.setBalance(0);
    await expect(h.client.runTask(SEED_MODEL, CHEAP_INPUTS)).rejects.toBeInstanceOf(
      WiroInsufficientBalanceError,
    );
  });

  it('retries Task/Detail through 5xx, 429 and malformed replies', async () => {
    h = await startHarness({
      faults:
        'Task/Detail:http5xx:times=1,Task/Detail:http429:times=1:retryAfter=0,Task/Detail:malformedJson:times=1',
    });
    const run = await h.client.runTask(SEED_MODEL, CHEAP_INPUTS);
    const task = await h.client.getTask(run);
    expect(task.id).toBe(run.taskid);
    expect(h.events.filter((e) => e.type === 'retry')).toHaveLength(3);
  });
});

describe('auth', () => {
  it('refuses an unknown key with WiroAuthError', async () => {
    h = await startHarness({}, { apiKey: 'nobody' });
    const error = await h.client.getTask({ taskid: '1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroAuthError);
    expect((error as WiroAuthError).status).toBe(401);
  });

  it('refuses a signature-mode project called without a secret', async () => {
    h = await startHarness({}, { apiSecret: undefined, env: {} });
    await expect(h.client.getTask({ taskid: '1' })).rejects.toBeInstanceOf(WiroAuthError);
  });
});

describe('uploads and multipart', () => {
  it('uploads a file and serves it back', async () => {
    h = await startHarness();
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    const url = await h.client.uploadFile({ data: bytes, filename: 'ref.bin' });
    const served = new Uint8Array(await (await fetch(url)).arrayBuffer());
    expect(served).toEqual(bytes);
  });

  it('sends a Run with a file input as multipart', async () => {
    h = await startHarness();
    const run = await h.client.runTask(SEED_MODEL, {
      ...CHEAP_INPUTS,
      referenceImage: new Uint8Array([9, 9, 9]),
    });
    expect((await h.client.waitForTask(run)).pexit).toBe('0');
  });
});

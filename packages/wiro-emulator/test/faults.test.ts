import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type Emulator, SOCKET_GREETING, startEmulator } from '../src/index.js';
import { authHeaders, INPUTS, postJson, RUN_PATH, runTask, signedFetch } from './_signed-fetch.js';

const TOOL = { slugowner: 'Adel_AI', slugproject: 'Comics-Factory-v1' };

describe('fault injection', () => {
  let wiro: Emulator;
  beforeAll(async () => {
    wiro = await startEmulator({ taskMs: 20, queueMs: 0 });
  });
  afterEach(() => {
    wiro.clearFaults();
    wiro.release();
  });
  afterAll(() => wiro.close());

  const lastRequest = () => wiro.ledger().requests.at(-1);

  it('http5xx: an HTML error page with the chosen status, no task', async () => {
    wiro.injectFault({ endpoint: 'Run', kind: 'http5xx', status: 502, times: 1 });
    const before = wiro.ledger().acceptedRuns;
    const response = await signedFetch(wiro, RUN_PATH, INPUTS);
    expect(response.status).toBe(502);
    expect(await response.text()).toContain('502 Bad Gateway');
    expect(wiro.ledger().acceptedRuns).toBe(before);
    expect(lastRequest()).toMatchObject({ endpoint: 'Run', status: 502, fault: 'http5xx' });
    expect((await postJson(wiro, RUN_PATH, INPUTS)).body.result).toBe(true);
  });

  it('http429: Retry-After in seconds', async () => {
    wiro.injectFault('Task/Detail:http429:retryAfter=3:times=1');
    const reply = await postJson(wiro, '/Task/Detail', { taskid: '1' });
    expect(reply.status).toBe(429);
    expect(reply.headers.get('retry-after')).toBe('3');
    expect(reply.body.result).toBe(false);
  });

  it('code0: HTTP 500 with a code 0 Wiro error', async () => {
    wiro.injectFault({ endpoint: 'Tool/Detail', kind: 'code0', times: 1 });
    const reply = await postJson(wiro, '/Tool/Detail', TOOL);
    expect(reply.status).toBe(500);
    expect(reply.body).toEqual({
      result: false,
      errors: [{ code: 0, message: 'Internal server error' }],
    });
  });

  it('malformedJson: HTTP 200 with a truncated body', async () => {
    wiro.injectFault({ endpoint: 'Tool/Detail', kind: 'malformedJson', times: 1 });
    const response = await signedFetch(wiro, '/Tool/Detail', TOOL);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
    expect(text.startsWith('{"errors":[],')).toBe(true);
  });

  it('slow: the reply still comes, after the delay', async () => {
    wiro.injectFault({ endpoint: 'Tool/Detail', kind: 'slow', delayMs: 5, times: 1 });
    const reply = await postJson(wiro, '/Tool/Detail', TOOL);
    expect(reply.body.result).toBe(true);
    expect(lastRequest()).toMatchObject({ status: 200, fault: 'slow' });
  });

  it('dropBeforeAccept: the connection drops and no task is created', async () => {
    wiro.injectFault({ endpoint: 'Run', kind: 'dropBeforeAccept', times: 1 });
    const before = wiro.ledger().acceptedRuns;
    await expect(signedFetch(wiro, RUN_PATH, INPUTS)).rejects.toThrow();
    expect(wiro.ledger().acceptedRuns).toBe(before);
    expect(lastRequest()).toMatchObject({
      endpoint: 'Run',
      status: null,
      fault: 'dropBeforeAccept',
    });
  });

  it('dropBeforeAccept resets the connection before reading the body', async () => {
    wiro.injectFault({ endpoint: 'Run', kind: 'dropBeforeAccept', times: 1 });
    const body = JSON.stringify(INPUTS);
    const req = request(`${wiro.url}${RUN_PATH}`, {
      method: 'POST',
      headers: { ...authHeaders(wiro), 'content-type': 'application/json' },
    });
    req.setHeader('content-length', String(body.length + 1));
    // Only part of the body is ever sent: a server that waited for all of it would hang here.
    req.write(body.slice(0, 10));
    const error = await new Promise<NodeJS.ErrnoException>((resolve) => req.once('error', resolve));
    expect(error.code).toBe('ECONNRESET');
    expect(lastRequest()).toMatchObject({ endpoint: 'Run', status: null });
  });

  it('dropAfterAccept: the client sees a failure, but the task runs and bills', async () => {
    wiro.injectFault('Run:dropAfterAccept:times=1');
    const before = wiro.ledger();
    await expect(signedFetch(wiro, RUN_PATH, { ...INPUTS, seed: '777' })).rejects.toThrow();
    const after = wiro.ledger();
    expect(after.acceptedRuns).toBe(before.acceptedRuns + 1);
    const task = after.tasks.at(-1);
    expect(task).toMatchObject({ replyDropped: true });
    expect(lastRequest()).toMatchObject({
      status: null,
      fault: 'dropAfterAccept',
      taskid: task?.taskid,
    });
    const ended = await wiro.waitForEnd(task?.taskid ?? '');
    expect(ended.pexit).toBe('0');
    const billed = wiro.ledger();
    expect(billed.billedByInput[task?.inputKey ?? '']).toBe(1);
    expect(billed.billedTwice).toEqual([]);
  });

  it('concurrencyBurst: the next N Runs get code 96 and create nothing', async () => {
    wiro.injectFault({ endpoint: 'Run', kind: 'concurrencyBurst', times: 2 });
    const before = wiro.ledger().acceptedRuns;
    for (let i = 0; i < 2; i++) {
      const reply = await postJson(wiro, RUN_PATH, INPUTS);
      expect(reply.body.errors[0].code).toBe(96);
    }
    expect(wiro.ledger().acceptedRuns).toBe(before);
    expect((await postJson(wiro, RUN_PATH, INPUTS)).body.result).toBe(true);
  });

  it('applies to other endpoints too (File/Upload, Task/Kill, Task/Cancel)', async () => {
    wiro.injectFault(
      'File/Upload:http5xx:status=503:times=1,Task/Kill:code0:times=1,Task/Cancel:http429:times=1',
    );
    const form = new FormData();
    form.set('file', new Blob([Buffer.from('hello')]), 'a.txt');
    expect((await signedFetch(wiro, '/File/Upload', form)).status).toBe(503);
    expect((await postJson(wiro, '/Task/Kill', { taskid: '1' })).status).toBe(500);
    expect((await postJson(wiro, '/Task/Cancel', { taskid: '1' })).status).toBe(429);
  });

  describe('downloads', () => {
    let url: string;
    beforeAll(async () => {
      const { taskid } = await runTask(wiro);
      url = (await wiro.waitForEnd(taskid)).outputs[0]?.url ?? '';
    });

    it('expired: 404 even before the real expiry', async () => {
      wiro.injectFault({ endpoint: 'download', kind: 'expired', times: 1 });
      const response = await fetch(url);
      expect(response.status).toBe(404);
      expect(await response.text()).toContain('expired');
      expect((await fetch(url)).status).toBe(200);
    });

    it('truncated: full Content-Length, part of the body, then the connection drops', async () => {
      wiro.injectFault({ endpoint: 'download', kind: 'truncated', times: 1 });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
      await expect(response.arrayBuffer()).rejects.toThrow();
    });

    it('http5xx, http429 and dropBeforeAccept', async () => {
      wiro.injectFault(
        'download:http5xx:status=500:times=1,download:http429:times=1,download:dropBeforeAccept:times=1',
      );
      expect((await fetch(url)).status).toBe(500);
      const limited = await fetch(url);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      await expect(fetch(url)).rejects.toThrow();
      expect((await fetch(url)).status).toBe(200);
    });
  });

  describe('socket', () => {
    const connect = () => new WebSocket(wiro.socketUrl);

    it('dropBeforeAccept and http5xx refuse the upgrade', async () => {
      wiro.injectFault('socket:dropBeforeAccept:times=1,socket:http5xx:status=503:times=1');
      const dropped = connect();
      await new Promise<void>((resolve) => dropped.once('error', () => resolve()));
      const refused = connect();
      const status = await new Promise<number>((resolve) => {
        refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        refused.once('error', () => {});
      });
      expect(status).toBe(503);
      refused.terminate();
    });

    it('malformedJson corrupts the first frame; dropAfterAccept closes after it', async () => {
      wiro.hold();
      const { socketaccesstoken } = await runTask(wiro);
      for (const kind of ['malformedJson', 'dropAfterAccept'] as const) {
        wiro.injectFault({ endpoint: 'socket', kind, times: 1 });
        const ws = connect();
        ws.on('open', () =>
          ws.send(JSON.stringify({ type: 'task_info', tasktoken: socketaccesstoken })),
        );
        const frames: string[] = [];
        const first = await new Promise<string>((resolve) =>
          ws.on('message', (data) => {
            frames.push(String(data));
            if (frames.length === 2) resolve(String(data));
          }),
        );
        expect(JSON.parse(frames[0] ?? '')).toEqual(SOCKET_GREETING);
        if (kind === 'malformedJson') {
          expect(() => JSON.parse(first)).toThrow();
          ws.terminate();
        } else {
          expect(JSON.parse(first)).toMatchObject({ type: 'task_queue' });
          await new Promise<void>((resolve) => ws.once('close', () => resolve()));
        }
      }
    });
  });

  it('counts every injected fault by kind', () => {
    const { faults } = wiro.ledger();
    expect(faults.byKind.dropAfterAccept).toBe(2);
    expect(faults.byKind.concurrencyBurst).toBe(2);
    expect(faults.byKind.http5xx).toBe(4);
    expect(faults.total).toBe(22);
  });
});

describe('connection faults', () => {
  it('reset a new connection as it is accepted, before any request is read', async () => {
    const wiro = await startEmulator({ faults: 'connection:dropBeforeAccept:times=1' });
    try {
      const error = await signedFetch(wiro, RUN_PATH, INPUTS).catch((e: unknown) => e);
      const cause = (error as { cause?: NodeJS.ErrnoException }).cause;
      expect(cause?.code).toBe('ECONNRESET');
      expect(cause?.syscall).toBe('connect');
      expect(wiro.ledger().requests).toEqual([
        {
          seq: 1,
          endpoint: 'connection',
          method: 'TCP',
          path: '',
          status: null,
          fault: 'dropBeforeAccept',
        },
      ]);
      expect((await postJson(wiro, RUN_PATH, INPUTS)).body.result).toBe(true);
      expect(wiro.ledger()).toMatchObject({ acceptedRuns: 1, faults: { total: 1 } });
    } finally {
      await wiro.close();
    }
  });
});

describe('probabilistic faults', () => {
  const statuses = async (seed: number) => {
    const wiro = await startEmulator({ seed, faults: 'Tool/Detail:http5xx:0.5' });
    const seen: number[] = [];
    for (let i = 0; i < 24; i++) seen.push((await signedFetch(wiro, '/Tool/Detail', TOOL)).status);
    await wiro.close();
    return seen;
  };

  it('are reproducible for a seed and differ between seeds', async () => {
    const a = await statuses(7);
    expect(await statuses(7)).toEqual(a);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(3);
    expect(a.filter((s) => s >= 500).length).toBeGreaterThan(3);
    expect(await statuses(8)).not.toEqual(a);
  });
});

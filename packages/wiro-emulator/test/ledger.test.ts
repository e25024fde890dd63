import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeInputKey,
  type Emulator,
  type LedgerSnapshot,
  startEmulator,
} from '../src/index.js';
import { INPUTS, postJson, runTask } from './_signed-fetch.js';

describe('ledger', () => {
  let wiro: Emulator;
  beforeAll(async () => {
    wiro = await startEmulator({ taskMs: 10, queueMs: 0 });
  });
  afterAll(() => wiro.close());

  it('serves the same JSON snapshot over HTTP, without logging ledger reads', async () => {
    const a = await runTask(wiro, { ...INPUTS, seed: '1' });
    const b = await runTask(wiro, { ...INPUTS, seed: '1', callbackUrl: 'http://127.0.0.1:9/none' });
    const c = await runTask(wiro, { ...INPUTS, seed: '2' });
    await Promise.all([a, b, c].map((t) => wiro.waitForEnd(t.taskid)));
    await postJson(wiro, '/Task/Detail', { taskid: a.taskid });

    const response = await fetch(`${wiro.origin}/__emulator/ledger`);
    expect(response.headers.get('content-type')).toContain('application/json');
    const overHttp = (await response.json()) as LedgerSnapshot;
    expect(overHttp).toEqual(JSON.parse(JSON.stringify(wiro.ledger())));

    const keyOf = (seed: string) =>
      computeInputKey('Adel_AI/Comics-Factory-v1', {
        prompt: INPUTS.prompt,
        samples: '1',
        steps: String(INPUTS.steps),
        scale: '3.5',
        seed,
        width: String(INPUTS.width),
        height: String(INPUTS.height),
      });
    expect(overHttp.runsByInput).toEqual({ [keyOf('1')]: 2, [keyOf('2')]: 1 });
    expect(overHttp.billedByInput).toEqual({ [keyOf('1')]: 2, [keyOf('2')]: 1 });
    expect(overHttp.billedTwice).toEqual([keyOf('1')]);
    expect(overHttp.billed.count).toBe(3);
    expect(Number(overHttp.billed.totalCost)).toBeCloseTo(100 - Number(overHttp.balance), 10);
    expect(overHttp.acceptedRuns).toBe(3);
    expect(overHttp.inFlight).toBe(0);
    expect(overHttp.requests.map((r) => r.endpoint)).toEqual(['Run', 'Run', 'Run', 'Task/Detail']);
    expect(overHttp.requests[0]).toEqual({
      seq: 1,
      endpoint: 'Run',
      method: 'POST',
      path: '/v1/Run/Adel_AI/Comics-Factory-v1',
      status: 200,
      taskid: a.taskid,
    });
    expect(overHttp.tasks[0]).toMatchObject({
      taskid: a.taskid,
      status: 'task_postprocess_end',
      pexit: '0',
      billed: true,
      killed: false,
      cancelled: false,
      replyDropped: false,
    });
  });

  it('records Wiro error codes and never headers', async () => {
    await postJson({ url: wiro.url, apiKey: 'nobody' }, '/Task/Detail', { taskid: '1' });
    const line = wiro.ledger().requests.at(-1);
    expect(line).toMatchObject({ status: 401, wiroErrorCode: 0 });
    expect(JSON.stringify(wiro.ledger())).not.toContain('nobody');
  });
});

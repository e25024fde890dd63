import { afterEach, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { INPUTS, postJson, RUN_PATH, runTask } from './_signed-fetch.js';

describe('account limits', () => {
  let wiro: Emulator | undefined;
  afterEach(async () => {
    await wiro?.close();
    wiro = undefined;
  });

  it('answers code 96 over the concurrency limit, without creating a task', async () => {
    wiro = await startEmulator({ taskMs: 10, queueMs: 0, concurrency: 2 });
    wiro.hold();
    await runTask(wiro);
    await runTask(wiro);
    const over = await postJson(wiro, RUN_PATH, INPUTS);
    expect(over.status).toBe(200);
    expect(over.body.result).toBe(false);
    expect(over.body.errors[0].code).toBe(96);
    expect(over.body.errors[0].message).toBe(
      'You have reached your concurrent task limit. With your current balance of $100.00, you can run up to 2 tasks at the same time. Add funds to increase your limit.',
    );
    let ledger = wiro.ledger();
    expect(ledger.acceptedRuns).toBe(2);
    expect(ledger.inFlight).toBe(2);
    expect(ledger.requests.at(-1)).toMatchObject({ endpoint: 'Run', wiroErrorCode: 96 });

    wiro.release();
    const [first] = ledger.tasks;
    await wiro.waitForEnd(first?.taskid ?? '');
    const next = await runTask(wiro);
    await wiro.waitForEnd(next.taskid);
    ledger = wiro.ledger();
    expect(ledger.maxInFlight).toBe(2);
  });

  it('derives the default limit from the balance: max(1, floor(balance × 0.10))', async () => {
    wiro = await startEmulator({ taskMs: 10, balance: 29 });
    wiro.hold();
    await runTask(wiro);
    await runTask(wiro);
    expect((await postJson(wiro, RUN_PATH, INPUTS)).body.errors[0].code).toBe(96);
  });

  it('answers code 97 once the balance is used up', async () => {
    wiro = await startEmulator({ taskMs: 20, queueMs: 0, balance: 0.01, cps: 1 });
    const { taskid } = await runTask(wiro);
    const task = await wiro.waitForEnd(taskid);
    expect(Number(task.totalcost)).toBeGreaterThan(0.01);
    const refused = await postJson(wiro, RUN_PATH, INPUTS);
    expect(refused.body.result).toBe(false);
    expect(refused.body.errors).toEqual([{ code: 97, message: 'Insufficient balance' }]);
    expect(Number(wiro.ledger().balance)).toBeLessThan(0);
    expect(wiro.ledger().acceptedRuns).toBe(1);
  });

  it('expires outputs after outputTtlMs (404 with an XML body)', async () => {
    let now = Date.UTC(2025, 5, 1);
    wiro = await startEmulator({ taskMs: 10, queueMs: 0, outputTtlMs: 60_000, now: () => now });
    const { taskid } = await runTask(wiro);
    const task = await wiro.waitForEnd(taskid);
    const url = task.outputs[0]?.url ?? '';
    // Like Wiro's examples, the reply does not announce the expiry.
    expect(task.outputs[0]?.expiretime).toBeNull();
    expect((await fetch(url)).status).toBe(200);
    now += 59_999;
    expect((await fetch(url)).status).toBe(200);
    now += 1;
    const expired = await fetch(url);
    expect(expired.status).toBe(404);
    expect(expired.headers.get('content-type')).toContain('xml');
    expect(await expired.text()).toContain('<Error>');
  });
});

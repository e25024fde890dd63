import { afterEach, describe, expect, it } from 'vitest';
import { createWiroClient, type RunInputs, WiroConnectionError, WiroError } from '../src/index.js';
import { CHEAP_INPUTS } from './_contract.js';
import { type Harness, startHarness } from './_emulator.js';

/** The seed model, named here so these tests do not depend on where its constant lives. */
const MODEL = 'Adel_AI/Comics-Factory-v1';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const withSeed = (seed: number): RunInputs => ({ ...CHEAP_INPUTS, seed: String(seed) });

describe('listTasks', () => {
  it('lists the newest first, with the parameters each task was run with', async () => {
    h = await startHarness();
    h.emulator.hold();
    const runs = [];
    for (const seed of [1, 2, 3]) runs.push(await h.client.runTask(MODEL, withSeed(seed)));

    const page = await h.client.listTasks({ model: MODEL, limit: 2 });
    expect(page.total).toBe(3);
    expect(page.tasks.map((t) => t.id)).toEqual([runs[2]!.taskid, runs[1]!.taskid]);
    expect(page.tasks[0]).toMatchObject({
      model: MODEL,
      status: 'task_queue',
      // As the Run sent them: every plain input as text.
      parameters: Object.fromEntries(
        Object.entries(withSeed(3)).map(([key, value]) => [key, String(value)]),
      ),
    });
    expect(page.tasks[0]!.createdAt).toBeGreaterThan(0);

    const rest = await h.client.listTasks({ model: MODEL, start: 2, limit: 2 });
    expect(rest.tasks.map((t) => t.id)).toEqual([runs[0]!.taskid]);
    const oldest = await h.client.listTasks({ order: 'ASC', limit: 1 });
    expect(oldest.tasks.map((t) => t.id)).toEqual([runs[0]!.taskid]);
    expect((await h.client.listTasks({ model: 'someone/else' })).tasks).toEqual([]);
  });

  it('asks exactly as the official client does', async () => {
    h = await startHarness();
    const bodies: unknown[] = [];
    const client = createWiroClient({
      ...h.options,
      fetch: (input, init) => {
        if (String(input).endsWith('/Task/List')) bodies.push(JSON.parse(String(init?.body)));
        return fetch(input, init);
      },
    });
    await client.listTasks({ model: MODEL, start: 20, limit: 100 });
    expect(bodies).toEqual([
      {
        type: 'model',
        sort: 'id',
        order: 'DESC',
        start: '20',
        limit: '100',
        modelName: MODEL,
      },
    ]);
  });

  it.each([{ limit: 0 }, { limit: 101 }, { start: -1 }, { start: 1.5 }])(
    'refuses %o before sending anything',
    async (options) => {
      h = await startHarness();
      await expect(h.client.listTasks(options)).rejects.toBeInstanceOf(WiroError);
      expect(h.emulator.ledger().requests).toEqual([]);
    },
  );
});

describe('findTasks', () => {
  it('finds the task of a Run whose reply was lost after it was accepted', async () => {
    h = await startHarness();
    h.emulator.hold();
    const since = Date.now();
    await h.client.runTask(MODEL, withSeed(1));
    h.emulator.injectFault('Run:dropAfterAccept:times=1');
    const lost = await h.client.runTask(MODEL, withSeed(2)).catch((error: unknown) => error);
    expect(lost).toBeInstanceOf(WiroConnectionError);
    await h.client.runTask(MODEL, withSeed(3));

    const found = await h.client.findTasks(MODEL, withSeed(2), { since });
    const orphan = h.emulator.ledger().tasks.find((t) => t.replyDropped);
    expect(found.map((t) => t.id)).toEqual([orphan?.taskid]);
    // Adopted, not run again: one billed task for the input.
    h.emulator.release();
    const task = await h.client.waitForTask(found[0]!);
    expect(task.pexit).toBe('0');
    expect(h.emulator.ledger().billedTwice).toEqual([]);
  });

  it('proves there is none when no task matches, paging back to `since`', async () => {
    h = await startHarness({ concurrency: 50 });
    h.emulator.hold();
    for (let seed = 1; seed <= 7; seed++) {
      await h.client.runTask(MODEL, withSeed(seed));
    }
    const pages: number[] = [];
    const client = createWiroClient({
      ...h.options,
      onEvent: (event) => {
        if (event.type === 'request' && event.operation === 'POST /Task/List') pages.push(1);
      },
    });
    const found = await client.findTasks(MODEL, withSeed(99), {
      since: 0,
      pageSize: 3,
    });
    expect(found).toEqual([]);
    expect(pages).toHaveLength(3);
  });

  it('leaves out tasks created before `since`, other inputs and excluded ids', async () => {
    h = await startHarness({ concurrency: 50 });
    h.emulator.hold();
    const old = await h.client.runTask(MODEL, withSeed(5));
    const later = Date.now() + 60_000;
    expect(await h.client.findTasks(MODEL, withSeed(5), { since: later })).toEqual([]);
    const a = await h.client.runTask(MODEL, withSeed(5));
    const matches = await h.client.findTasks(MODEL, withSeed(5), { since: 0 });
    expect(matches.map((t) => t.id)).toEqual([a.taskid, old.taskid]);
    const others = await h.client.findTasks(MODEL, withSeed(5), {
      since: 0,
      exclude: [a.taskid],
    });
    expect(others.map((t) => t.id)).toEqual([old.taskid]);
    const shorter = { ...withSeed(5), steps: undefined };
    expect(await h.client.findTasks(MODEL, shorter, { since: 0 })).toEqual([]);
  });

  it('throws rather than answer "none" when it cannot read back far enough', async () => {
    h = await startHarness({ concurrency: 50 });
    h.emulator.hold();
    for (let seed = 1; seed <= 3; seed++) {
      await h.client.runTask(MODEL, withSeed(seed));
    }
    await expect(
      h.client.findTasks(MODEL, withSeed(99), {
        since: 0,
        pageSize: 1,
        maxPages: 2,
      }),
    ).rejects.toThrow(/cannot tell whether the Run was accepted/);
  });

  it('fails, never answers "none", when Task/List itself fails', async () => {
    h = await startHarness({ faults: 'Task/List:code0' }, { retry: { maxAttempts: 2 } });
    await expect(h.client.findTasks(MODEL, withSeed(1), { since: 0 })).rejects.toThrow(
      /Task\/List/,
    );
  });
});

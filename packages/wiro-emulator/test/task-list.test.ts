import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { INPUTS, postJson, runTask, signedFetch } from './_signed-fetch.js';

const OTHER = { apiKey: 'other-key', apiSecret: 'other-secret' };
const query = (extra: Record<string, unknown> = {}) => ({
  type: 'model',
  sort: 'id',
  order: 'DESC',
  start: '0',
  limit: '20',
  ...extra,
});

describe('Task/List', () => {
  let wiro: Emulator;
  let ids: string[];
  beforeAll(async () => {
    wiro = await startEmulator({
      projects: [{ apiKey: 'emulator-key', apiSecret: 'emulator-secret' }, OTHER],
    });
    wiro.hold();
    ids = [];
    for (const seed of ['1', '2', '3']) ids.push((await runTask(wiro, { ...INPUTS, seed })).taskid);
    await runTask({ url: wiro.url, ...OTHER }, { ...INPUTS, seed: '4' });
  });
  afterAll(() => wiro.close());

  const list = async (body: Record<string, unknown>) =>
    (await postJson(wiro, '/Task/List', body)).body;

  it("lists the calling project's tasks newest first, counting them all in total", async () => {
    const reply = await list(query({ limit: '2' }));
    expect(Object.keys(reply)).toEqual(['total', 'errors', 'tasklist', 'result']);
    expect(reply.total).toBe('3');
    expect(reply.tasklist.map((t: { id: string }) => t.id)).toEqual([ids[2], ids[1]]);
    expect(reply.tasklist[0]).toMatchObject({
      parameters: { ...INPUTS, seed: '3' },
      modelslugowner: 'Adel_AI',
      modelslugproject: 'Comics-Factory-v1',
      projectid: '701',
    });
    const mine = await postJson({ url: wiro.url, ...OTHER }, '/Task/List', query());
    expect(mine.body.total).toBe('1');
    expect(mine.body.tasklist[0].projectid).toBe('702');
  });

  it('pages with start and limit, as strings or numbers, and lists oldest first on ASC', async () => {
    expect(
      (await list(query({ start: 2, limit: 5 }))).tasklist.map((t: { id: string }) => t.id),
    ).toEqual([ids[0]]);
    expect((await list(query({ start: '3' }))).tasklist).toEqual([]);
    const asc = await list(query({ order: 'asc', limit: 1 }));
    expect(asc.tasklist.map((t: { id: string }) => t.id)).toEqual([ids[0]]);
  });

  it('filters by modelName, case-insensitively', async () => {
    expect((await list(query({ modelName: 'Adel_AI/Comics-Factory-v1' }))).total).toBe('3');
    expect((await list(query({ modelName: 'adel_ai/comics-factory' }))).total).toBe('3');
    expect((await list(query({ modelName: 'someone/else' }))).total).toBe('0');
  });

  it.each([
    [{ limit: '101' }, 'Request parameter [limit] must be between 1 and 100'],
    [{ limit: 0 }, 'Request parameter [limit] must be between 1 and 100'],
    [{ limit: 'ten' }, 'Request parameter [limit] must be between 1 and 100'],
    [{ start: -1 }, 'Request parameter [start] must be 0 or more'],
    [{ order: 'NEWEST' }, 'Request parameter [order] must be DESC or ASC'],
  ])('refuses %o with code 0', async (change, message) => {
    expect(await list(query(change))).toEqual({ result: false, errors: [{ code: 0, message }] });
  });

  it('takes faults like any endpoint', async () => {
    wiro.injectFault('Task/List:http5xx:status=502:times=1');
    expect((await signedFetch(wiro, '/Task/List', query())).status).toBe(502);
    expect(wiro.ledger().requests.at(-1)).toMatchObject({ endpoint: 'Task/List', status: 502 });
  });
});

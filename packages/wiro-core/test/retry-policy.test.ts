import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createWiroClient,
  type WiroClient,
  WiroConcurrencyLimitError,
  WiroConnectionError,
  type WiroEvent,
} from '../src/index.js';
import {
  sendJson,
  startTestServer,
  TASK_DETAIL_OK,
  type TestServer,
  until,
} from './_http-server.js';

let server: TestServer;
let events: WiroEvent[];
const retries = () => events.filter((e) => e.type === 'retry');

function client(baseUrl: string, retry = {}): WiroClient {
  return createWiroClient({
    apiKey: 'k',
    apiSecret: 's',
    baseUrl,
    socketUrl: false,
    random: () => 0,
    retry: { baseDelayMs: 100, maxDelayMs: 400, maxAttempts: 6, ...retry },
    onEvent: (e) => events.push(e),
  });
}

beforeEach(() => {
  events = [];
});
afterEach(async () => {
  vi.useRealTimers();
  await server?.close();
});

describe('retry policy (fake timers)', () => {
  it('waits exactly the capped, growing backoff between attempts', async () => {
    server = await startTestServer((_req, res, index) => {
      if (index < 5) sendJson(res, 503, { result: false, errors: [{ code: 0, message: 'busy' }] });
      else sendJson(res, 200, TASK_DETAIL_OK);
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const done = client(`${server.url}/v1`).getTask({ taskid: '7' });
    for (const [k, delay] of [100, 200, 400, 400, 400].entries()) {
      await until(() => retries().length === k + 1);
      expect(retries()[k]).toMatchObject({ delayMs: delay });
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(server.requests.length).toBe(k + 1);
      await vi.advanceTimersByTimeAsync(1);
      await until(() => server.requests.length === k + 2);
    }
    await expect(done).resolves.toMatchObject({ id: '7', status: 'task_queue' });
  });

  it('honours Retry-After on 429, even for a Run', async () => {
    server = await startTestServer((_req, res, index) => {
      if (index === 0) sendJson(res, 429, { result: false, errors: [] }, { 'retry-after': '3' });
      else sendJson(res, 200, { result: true, errors: [], taskid: '9', socketaccesstoken: 't' });
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const run = client(`${server.url}/v1`).runTask('o/m', { prompt: 'x' });
    await until(() => retries().length === 1);
    expect(retries()[0]).toMatchObject({ delayMs: 3000 });
    await vi.advanceTimersByTimeAsync(2999);
    expect(server.requests.length).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(run).resolves.toEqual({ taskid: '9', socketaccesstoken: 't' });
    expect(server.requests.length).toBe(2);
  });

  it('signs every attempt afresh', async () => {
    server = await startTestServer((_req, res, index) => {
      if (index < 2) sendJson(res, 500, { result: false, errors: [{ code: 0, message: 'x' }] });
      else sendJson(res, 200, TASK_DETAIL_OK);
    });
    await client(`${server.url}/v1`, { baseDelayMs: 1 }).getTask({ taskid: '7' });
    const nonces = server.requests.map((r) => r.headers['x-nonce']);
    const signatures = server.requests.map((r) => r.headers['x-signature']);
    expect(new Set(nonces).size).toBe(3);
    expect(new Set(signatures).size).toBe(3);
  });
});

describe('Run is never re-sent after it may have been accepted', () => {
  it('does not retry a Run after a 5xx', async () => {
    server = await startTestServer((_req, res) =>
      sendJson(res, 502, { result: false, errors: [{ code: 0, message: 'bad gateway' }] }),
    );
    await expect(client(`${server.url}/v1`).runTask('o/m', { prompt: 'x' })).rejects.toMatchObject({
      status: 502,
    });
    expect(server.requests.length).toBe(1);
  });

  it('does not retry a Run whose connection dropped after it was sent', async () => {
    server = await startTestServer((req) => req.socket.destroy());
    const error = await client(`${server.url}/v1`)
      .runTask('o/m', { prompt: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroConnectionError);
    expect((error as WiroConnectionError).requestSent).toBe(true);
    expect(server.requests.length).toBe(1);
  });

  it('does not retry a Run whose reply is not JSON', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"result":true,"taskid":"1');
    });
    await expect(client(`${server.url}/v1`).runTask('o/m', { prompt: 'x' })).rejects.toBeInstanceOf(
      WiroConnectionError,
    );
    expect(server.requests.length).toBe(1);
  });

  it('surfaces code 96 as a typed error without retrying', async () => {
    server = await startTestServer((_req, res) =>
      sendJson(res, 200, { result: false, errors: [{ code: 96, message: 'limit' }] }),
    );
    await expect(client(`${server.url}/v1`).runTask('o/m', { prompt: 'x' })).rejects.toBeInstanceOf(
      WiroConcurrencyLimitError,
    );
    expect(server.requests.length).toBe(1);
  });

  it('retries a Run whose connection could not be opened (provably not sent)', async () => {
    const closed = await startTestServer(() => {});
    const url = closed.url;
    await closed.close();
    server = closed;
    const error = await client(`${url}/v1`, { baseDelayMs: 1, maxAttempts: 3 })
      .runTask('o/m', { prompt: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroConnectionError);
    expect((error as WiroConnectionError).requestSent).toBe(false);
    expect(events.filter((e) => e.type === 'request').length).toBe(3);
  });
});

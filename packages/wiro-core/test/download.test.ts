import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createWiroClient,
  type TaskOutput,
  WiroDownloadError,
  WiroOutputExpiredError,
} from '../src/index.js';
import { startTestServer, type TestServer } from './_http-server.js';

const BODY = Buffer.alloc(64 * 1024, 7);
let server: TestServer;
let dir: string;

const client = () =>
  createWiroClient({
    apiKey: 'k',
    baseUrl: 'http://127.0.0.1:1/v1',
    retry: { baseDelayMs: 1, maxAttempts: 3 },
  });
const output = (url: string, size: number | undefined = BODY.length): TaskOutput => ({
  id: '1',
  name: '0.png',
  contentType: 'image/png',
  size,
  url,
  expiresAt: undefined,
});

function serve(body: Buffer, headers: Record<string, string> = {}) {
  return (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'image/png',
      'content-length': String(body.length),
      ...headers,
    });
    res.end(body);
  };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wiro-dl-'));
});
afterEach(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('downloadOutput', () => {
  it('writes the file and reports its sha256', async () => {
    server = await startTestServer(serve(BODY));
    const target = join(dir, 'a', '0.png');
    const result = await client().downloadOutput(output(`${server.url}/f`), target);
    expect(result).toMatchObject({ bytes: BODY.length, skipped: false });
    expect(result.sha256).toBe(createHash('sha256').update(BODY).digest('hex'));
    expect(await readFile(target)).toEqual(BODY);
  });

  it('never leaves a partial file when the body is cut mid-stream', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(BODY.length) });
      res.write(BODY.subarray(0, 1000));
      setImmediate(() => res.socket?.destroy());
    });
    const target = join(dir, '0.png');
    const error = await client()
      .downloadOutput(output(`${server.url}/f`), target)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroDownloadError);
    expect(await readdir(dir)).toEqual([]);
    expect(server.requests.length).toBe(3);
  });

  it('keeps an existing good file when a new download is cut', async () => {
    await writeFile(join(dir, '0.png'), 'old');
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': String(BODY.length) });
      res.write(BODY.subarray(0, 10));
      setImmediate(() => res.socket?.destroy());
    });
    await expect(
      client().downloadOutput(output(`${server.url}/f`), join(dir, '0.png')),
    ).rejects.toThrow();
    expect(await readFile(join(dir, '0.png'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['0.png']);
  });

  it('retries a transient failure and then succeeds', async () => {
    server = await startTestServer((req, res, index) => {
      if (index === 0) {
        res.writeHead(503);
        res.end();
      } else serve(BODY)(req, res);
    });
    const result = await client().downloadOutput(output(`${server.url}/f`), join(dir, '0.png'));
    expect(result.bytes).toBe(BODY.length);
    expect(server.requests.length).toBe(2);
  });

  it.each([403, 404, 410])(
    'throws WiroOutputExpiredError for HTTP %i, without retrying',
    async (status) => {
      server = await startTestServer((_req, res) => {
        res.writeHead(status, { 'content-type': 'application/xml' });
        res.end('<Error><Code>AccessDenied</Code></Error>');
      });
      const error = await client()
        .downloadOutput(output(`${server.url}/f`), join(dir, 'x.png'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WiroOutputExpiredError);
      expect(error).toBeInstanceOf(WiroDownloadError);
      expect((error as WiroOutputExpiredError).status).toBe(status);
      expect((error as WiroOutputExpiredError).transient).toBe(false);
      expect(server.requests.length).toBe(1);
    },
  );

  it('is not an expiry for HTTP 400', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(400);
      res.end();
    });
    const error = await client()
      .downloadOutput(output(`${server.url}/f`), join(dir, 'x.png'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WiroDownloadError);
    expect(error).not.toBeInstanceOf(WiroOutputExpiredError);
  });

  it.each([
    ['an expired URL (404)', 404, {}, /HTTP 404/],
    ['another content type', 200, { 'content-type': 'text/html' }, /content type text\/html/],
  ])('refuses %s without retrying', async (_name, status, headers, message) => {
    server = await startTestServer((_req, res) => {
      res.writeHead(status, { 'content-type': 'image/png', ...headers });
      res.end('nope');
    });
    await expect(
      client().downloadOutput(output(`${server.url}/f`, undefined), join(dir, 'x.png')),
    ).rejects.toThrow(message);
    expect(server.requests.length).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a size that differs from the declared one', async () => {
    server = await startTestServer(serve(BODY));
    await expect(
      client().downloadOutput(output(`${server.url}/f`, BODY.length + 1), join(dir, 'x.png')),
    ).rejects.toThrow(/declared/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('enforces the maximum size even without a Content-Length', async () => {
    server = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(BODY);
    });
    await expect(
      client().downloadOutput(output(`${server.url}/f`, undefined), join(dir, 'x.png'), {
        maxBytes: 1000,
      }),
    ).rejects.toThrow(/1000-byte limit/);
    expect(server.requests.length).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });

  it.each([
    'file:///etc/passwd',
    'ftp://example.com/x.png',
    'data:image/png;base64,AAAA',
    'not a url',
  ])('refuses %s', async (url) => {
    await expect(client().downloadOutput(output(url), join(dir, 'x.png'))).rejects.toBeInstanceOf(
      WiroDownloadError,
    );
    expect(await readdir(dir)).toEqual([]);
  });

  it('skips the request when an identical file is already there', async () => {
    server = await startTestServer(serve(BODY));
    await writeFile(join(dir, '0.png'), BODY);
    const sha256 = createHash('sha256').update(BODY).digest('hex');
    const result = await client().downloadOutput(output(`${server.url}/f`), join(dir, '0.png'), {
      sha256,
    });
    expect(result).toMatchObject({ skipped: true, sha256 });
    expect(server.requests.length).toBe(0);
  });
});

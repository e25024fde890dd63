import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startEmulator } from 'wiro-emulator';
import { createWiroClient, type RecordEntry, type WiroEvent } from '../src/index.js';
import { CHEAP_INPUTS } from './_contract.js';

/** The seed model, named here so these tests do not depend on where its constant lives. */
const MODEL = 'Adel_AI/Comics-Factory-v1';

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
});

it('WIRO_RECORD writes endpoints and reply shapes, never a secret, nonce, prompt or URL', async () => {
  const secret = 'record-test-secret-31f8';
  const emulator = await startEmulator({
    taskMs: 60,
    queueMs: 5,
    strictNonces: true,
    projects: [{ apiKey: 'record-test-key', apiSecret: secret }],
  });
  const dir = await mkdtemp(join(tmpdir(), 'wiro-record-'));
  cleanup = async () => {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  };
  const path = join(dir, 'transcript.jsonl');
  const sent: string[] = [];
  const events: WiroEvent[] = [];
  const wiro = createWiroClient({
    apiKey: 'record-test-key',
    apiSecret: secret,
    baseUrl: emulator.url,
    env: { WIRO_RECORD: path },
    onEvent: (event) => events.push(event),
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      for (const name of ['x-nonce', 'x-signature']) sent.push(headers.get(name) ?? '');
      return fetch(input, init);
    },
  });
  const prompt = `${CHEAP_INPUTS.prompt} unmistakable-prompt-words`;
  const { task } = await wiro.generate(MODEL, { ...CHEAP_INPUTS, prompt }, { outputDir: dir });
  await wiro.listTasks({ model: MODEL });
  await wiro.getTask({ taskid: '999999' }).catch(() => undefined);

  const text = await readFile(path, 'utf8');
  const lines = text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RecordEntry);
  const endpoints = lines.map((line) => line.endpoint);
  expect(endpoints).toContain('POST /Run/Adel_AI/Comics-Factory-v1');
  expect(endpoints).toContain('POST /Task/Detail');
  expect(endpoints).toContain('POST /Task/List');
  expect(endpoints).toContain('socket');
  expect(endpoints).toContain('GET output');
  const run = lines.find((line) => line.endpoint.startsWith('POST /Run/'));
  expect(run).toMatchObject({
    status: 200,
    ok: true,
    shape: {
      errors: [],
      taskid: 'string:int',
      socketaccesstoken: 'string:token',
      result: 'boolean',
    },
  });
  const missing = lines.find((line) => line.ok === false);
  expect(missing).toMatchObject({ endpoint: 'POST /Task/Detail', errorCode: 1 });
  expect(lines.some((line) => line.frameType === 'connected')).toBe(true);
  expect(lines.find((line) => line.endpoint === 'GET output')).toMatchObject({
    status: 200,
    contentType: 'image/png',
  });

  for (const value of [secret, 'record-test-key', prompt, 'unmistakable', task.outputs[0]!.url]) {
    expect(text).not.toContain(value);
  }
  expect(text).not.toContain(emulator.origin);
  expect(text).not.toContain(task.socketAccessToken);
  for (const value of sent.filter(Boolean)) expect(text).not.toContain(value);
  expect(events.length).toBeGreaterThan(0);
});

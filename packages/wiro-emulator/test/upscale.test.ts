import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createWiroClient,
  encodeInputs,
  REAL_ESRGAN,
  type Task,
  WiroApiError,
  type WiroClient,
  type WiroEvent,
  WiroTaskFailedError,
} from 'wiro-core';
import { computeUpscaleTaskMs, type Emulator, startEmulator } from '../src/index.js';
import { INPUTS, postJson } from './_signed-fetch.js';

const COMICS = 'Adel_AI/Comics-Factory-v1';
const UPSCALE = REAL_ESRGAN.model;
const TASK_MS = 40;
const TTL_MS = 60_000;

/** Upscale inputs as the render engine sends them: every published input, tiling at defaults. */
const upscaleInputs = (inputImageUrl: string, outscale: number | string) => ({
  inputImageUrl,
  modelName: 'RealESRGAN_x4plus',
  outscale,
  faceEnhance: false,
});

/** A solid-colour PNG made with sharp. */
const solidPng = (width: number, height: number, r: number, g: number, b: number) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } })
    .png()
    .toBuffer();

describe('xinntao/Real-ESRGAN on the emulator', () => {
  let wiro: Emulator;
  let client: WiroClient;
  let clock = Date.now();
  let dir: string;
  const events: WiroEvent[] = [];

  beforeAll(async () => {
    wiro = await startEmulator({
      taskMs: TASK_MS,
      queueMs: 5,
      outputTtlMs: TTL_MS,
      strictNonces: true,
      now: () => clock,
    });
    client = createWiroClient({
      apiKey: wiro.apiKey,
      apiSecret: wiro.apiSecret,
      baseUrl: wiro.url,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      onEvent: (event) => events.push(event),
    });
    dir = await mkdtemp(join(tmpdir(), 'esrgan-'));
  });
  afterAll(async () => {
    await wiro.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Runs a model and waits for it to end (rejects when it fails). */
  const runAndWait = async (model: string, inputs: Record<string, string | number | boolean>) => {
    const run = await client.runTask(model, inputs);
    return client.waitForTask(run);
  };

  /** Runs a model and returns the task it failed with. */
  const runExpectingFailure = async (
    model: string,
    inputs: Record<string, string | number | boolean>,
  ): Promise<Task> => {
    const error = await runAndWait(model, inputs).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WiroTaskFailedError);
    return (error as WiroTaskFailedError).task;
  };

  const ledgerTask = (taskid: string) => wiro.ledger().tasks.find((t) => t.taskid === taskid);

  it('enlarges a generation output fed by its URL: same picture, input × outscale', async () => {
    const generation = await runAndWait(COMICS, INPUTS);
    const source = generation.outputs[0];
    if (!source) throw new Error('the generation has no output');
    const inputs = upscaleInputs(source.url, 2.5);
    const upscale = await runAndWait(UPSCALE, inputs);

    expect(upscale.status).toBe('task_postprocess_end');
    expect(upscale.outputs.map((output) => output.name)).toEqual(['0.png']);
    const file = join(dir, 'chain.png');
    await client.downloadTaskOutput(upscale, 0, file);
    const big = await sharp(file).metadata();
    expect([big.width, big.height, big.format]).toEqual([640, 800, 'png']);

    // Nothing drawn on it: it is the draft enlarged (compared with sharp's own bicubic
    // enlargement; a draft of another seed differs by about 20 per channel).
    const draft = Buffer.from(await (await fetch(source.url)).arrayBuffer());
    const expected = await sharp(draft)
      .resize(640, 800, { fit: 'fill', kernel: 'cubic' })
      .removeAlpha()
      .raw()
      .toBuffer();
    const actual = await sharp(file).removeAlpha().raw().toBuffer();
    let total = 0;
    for (let i = 0; i < expected.length; i++) {
      total += Math.abs((expected[i] ?? 0) - (actual[i] ?? 0));
    }
    expect(total / expected.length).toBeLessThan(2);

    // Task/Detail keeps the parameters exactly as sent; socket frames reached the client.
    expect(upscale.parameters).toEqual(encodeInputs(inputs));
    const statuses = events.filter((e) => e.type === 'status' && e.taskid === upscale.id);
    expect(statuses.length).toBeGreaterThan(0);

    // Billed like any task, for a run time that grows with the output.
    const billedSeconds = Number(
      ((computeUpscaleTaskMs(TASK_MS, { width: 640, height: 800 }) * 0.85) / 1000).toFixed(4),
    );
    expect(upscale.elapsedSeconds).toBeCloseTo(billedSeconds, 4);
    expect(upscale.totalCost).toBeCloseTo(upscale.cps * upscale.elapsedSeconds, 12);
    expect(upscale.totalCost).toBeGreaterThan(0);

    // The ledger names the model and the task whose output was read.
    expect(ledgerTask(upscale.id)).toMatchObject({
      model: UPSCALE,
      billed: true,
      sourceTaskid: generation.id,
      inputFile: `/files/${generation.id}/0.png`,
    });
    expect(wiro.ledger().runsByModel[UPSCALE]).toBeGreaterThanOrEqual(1);
  });

  it('lists the upscale task with its parameters exactly as sent', async () => {
    const generation = await runAndWait(COMICS, INPUTS);
    const inputs = {
      ...upscaleInputs(generation.outputs[0]?.url ?? '', '2'),
      tile: '0',
      faceEnhance: 'false',
    };
    const upscale = await runAndWait(UPSCALE, inputs);
    const listed = await client.listTasks({ model: UPSCALE });
    const entry = listed.tasks.find((task) => task.id === upscale.id);
    expect(entry?.parameters).toEqual(inputs);
    expect(entry?.model).toBe(UPSCALE);
  });

  it('takes JSON numbers and booleans as they are, and keeps them so', async () => {
    const url = await client.uploadFile({
      data: await solidPng(30, 20, 9, 9, 9),
      filename: 'j.png',
    });
    const inputs = { ...upscaleInputs(url, 2), faceEnhance: true, tile: 0, denoiseStrength: 0.25 };
    const reply = await postJson(wiro, `/Run/${UPSCALE}`, inputs);
    expect(reply.body).toMatchObject({ result: true, errors: [] });
    const task = await wiro.waitForEnd(reply.body.taskid);
    expect(task.parameters).toEqual(inputs);
    expect(task.outputs[0]?.size).not.toBe('0');
    const picture = await sharp(
      Buffer.from(await (await fetch(task.outputs[0]?.url ?? '')).arrayBuffer()),
    ).metadata();
    expect([picture.width, picture.height]).toEqual([60, 40]);
  });

  it('keys the ledger by the picture, not its URL: the same upscale paid twice shows', async () => {
    const generation = await runAndWait(COMICS, { ...INPUTS, seed: '77' });
    const source = generation.outputs[0];
    if (!source) throw new Error('the generation has no output');
    const first = await runAndWait(UPSCALE, upscaleInputs(source.url, 2));
    const bytes = Buffer.from(await (await fetch(source.url)).arrayBuffer());
    const url = await client.uploadFile({ data: bytes, filename: 'again.png' });
    const second = await runAndWait(UPSCALE, upscaleInputs(url, 2));
    const key = ledgerTask(first.id)?.inputKey;
    expect(ledgerTask(second.id)?.inputKey).toBe(key);
    expect(wiro.ledger().billedTwice).toContain(key);
    const other = await runAndWait(UPSCALE, upscaleInputs(url, 3));
    expect(ledgerTask(other.id)?.inputKey).not.toBe(key);
  });

  it('enlarges a File/Upload URL', async () => {
    const url = await client.uploadFile({
      data: await solidPng(100, 60, 200, 30, 40),
      filename: 'panel.png',
    });
    const upscale = await runAndWait(UPSCALE, upscaleInputs(url, 3));
    const file = join(dir, 'upload.png');
    await client.downloadTaskOutput(upscale, 0, file);
    const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([300, 180]);
    expect([...data.subarray(0, 3)]).toEqual([200, 30, 40]);
    const entry = ledgerTask(upscale.id);
    expect(entry?.inputFile).toMatch(/^\/files\/upload-\d+\/panel\.png$/);
    expect(entry?.sourceTaskid).toBeUndefined();
  });

  it('never fetches a URL outside the emulator: the task ends in task_error, free', async () => {
    let hits = 0;
    const foreign: Server = createServer((_req, res) => {
      hits++;
      res.end();
    });
    await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/panel.png`;
    try {
      const failed = await runExpectingFailure(UPSCALE, upscaleInputs(url, 2));
      expect(failed.status).toBe('task_error');
      expect(failed.pexit).toBe('1');
      expect(failed.totalCost).toBe(0);
      expect(failed.outputs).toEqual([]);
      expect(failed.debugerror).toBe(
        `Request parameter [inputImageUrl] could not be downloaded: ${url} (the emulator reads inputs only from its own output and upload URLs)`,
      );
      expect(hits).toBe(0);
      expect(ledgerTask(failed.id)).toMatchObject({
        model: UPSCALE,
        billed: false,
        status: 'task_error',
      });
      expect(ledgerTask(failed.id)?.fault).toBeUndefined();
    } finally {
      await new Promise((resolve) => foreign.close(resolve));
    }
  });

  it('fails on an expired output URL, and the upload of the same picture works instead', async () => {
    const generation = await runAndWait(COMICS, INPUTS);
    const source = generation.outputs[0];
    if (!source) throw new Error('the generation has no output');
    const bytes = Buffer.from(await (await fetch(source.url)).arrayBuffer());
    clock += TTL_MS + 1;
    expect((await fetch(source.url)).status).toBe(404);

    const failed = await runExpectingFailure(UPSCALE, upscaleInputs(source.url, 2));
    expect(failed.status).toBe('task_error');
    expect(failed.debugerror).toBe(
      `Request parameter [inputImageUrl] could not be downloaded: ${source.url} answered 404: The requested file has expired.`,
    );
    expect(failed.totalCost).toBe(0);

    const url = await client.uploadFile({ data: bytes, filename: 'cached.png' });
    const upscale = await runAndWait(UPSCALE, upscaleInputs(url, 2));
    const file = join(dir, 'fallback.png');
    await client.downloadTaskOutput(upscale, 0, file);
    const meta = await sharp(file).metadata();
    expect([meta.width, meta.height]).toEqual([INPUTS.width * 2, INPUTS.height * 2]);
  });

  it('fails on an emulator URL that names no file, and on a file that is not a picture', async () => {
    const missing = `${wiro.origin}/files/999999/0.png`;
    const none = await runExpectingFailure(UPSCALE, upscaleInputs(missing, 2));
    expect(none.debugerror).toBe(
      `Request parameter [inputImageUrl] could not be downloaded: ${missing} answered 404: The specified key does not exist.`,
    );
    const text = await client.uploadFile({
      data: Buffer.from('not a picture'),
      filename: 'notes.txt',
    });
    const unreadable = await runExpectingFailure(UPSCALE, upscaleInputs(text, 2));
    expect(unreadable.debugerror).toBe(
      `Request parameter [inputImageUrl] is not an image: ${text}`,
    );
  });

  it('fails a picture that would come out over the size limit', async () => {
    const url = await client.uploadFile({
      data: await solidPng(2000, 1000, 0, 0, 0),
      filename: 'wide.png',
    });
    const tooWide = await runExpectingFailure(UPSCALE, upscaleInputs(url, 4.5));
    expect(tooWide.debugerror).toBe(
      'Request parameter [outscale] makes a 9000×4500 picture of the 2000×1000 input: at most 8192 px per side and 33554432 px in all',
    );
    const square = await client.uploadFile({
      data: await solidPng(1500, 1500, 0, 0, 0),
      filename: 'square.png',
    });
    const tooMany = await runExpectingFailure(UPSCALE, upscaleInputs(square, 4));
    expect(tooMany.debugerror).toMatch(/makes a 6000×6000 picture of the 1500×1500 input/);
  });

  it.each([
    [{ inputImageUrl: '' }, 'Request parameter [inputImageUrl] required'],
    [{ inputImageUrl: 'panel.png' }, 'Request parameter [inputImageUrl] must be an http(s) URL'],
    [
      { inputImageUrl: 'file:///tmp/panel.png' },
      'Request parameter [inputImageUrl] must be an http(s) URL',
    ],
    [
      { modelName: 'RealESRGAN_x8plus' },
      'Request parameter [modelName] must be one of realesr-general-wdn-x4v3, RealESRGAN_x2plus, RealESRGAN_x4plus, RealESRNet_x4plus',
    ],
    [{ modelName: '' }, 'Request parameter [modelName] required'],
    [{ outscale: 0.5 }, 'Request parameter [outscale] must be between 1 and 8'],
    [{ outscale: '8.5' }, 'Request parameter [outscale] must be between 1 and 8'],
    [{ outscale: 'x2' }, 'Request parameter [outscale] must be integer or float'],
    [{ faceEnhance: 'yes' }, 'Request parameter [faceEnhance] must be true or false'],
    [{ tile: 1.5 }, 'Request parameter [tile] must be between 0 and 2048'],
    [{ tilePad: -1 }, 'Request parameter [tilePad] must be between 0 and 256'],
    [{ denoiseStrength: 2 }, 'Request parameter [denoiseStrength] must be between 0 and 1'],
  ])('refuses %o with code 0 and no task', async (change, message) => {
    const before = wiro.ledger().acceptedRuns;
    const inputs = { ...upscaleInputs(`${wiro.origin}/files/1001/0.png`, 2), ...change };
    const error = await client.runTask(UPSCALE, inputs).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(WiroApiError);
    expect(error).toMatchObject({ code: 0, wiroMessage: message });
    expect(wiro.ledger().acceptedRuns).toBe(before);
  });

  it('describes the model through Tool/Detail, in the same shape as the comics model', async () => {
    const model = await client.getModel(UPSCALE);
    expect(model).toMatchObject({ owner: 'xinntao', name: 'Real-ESRGAN', title: 'Real-ESRGAN' });
    const byId = Object.fromEntries(model.parameters.map((p) => [p.id, p]));
    expect(Object.keys(byId)).toEqual([
      'inputImageUrl',
      'modelName',
      'outscale',
      'faceEnhance',
      'tile',
      'tilePad',
      'prePad',
      'denoiseStrength',
    ]);
    expect(byId.inputImageUrl).toMatchObject({ type: 'text', required: true });
    expect(byId.modelName).toMatchObject({
      type: 'select',
      default: 'realesr-general-wdn-x4v3',
      options: [...REAL_ESRGAN.modelNames],
      required: true,
    });
    expect(byId.outscale).toMatchObject({ type: 'float', default: '4', min: 1, max: 8 });
    expect(byId.faceEnhance).toMatchObject({ type: 'checkbox', default: 'false' });
    expect(byId.denoiseStrength).toMatchObject({ type: 'float', default: '0.5', min: 0, max: 1 });

    const detail = async (slugowner: string, slugproject: string) =>
      (await postJson(wiro, '/Tool/Detail', { slugowner, slugproject })).body;
    const upscale = await detail('xinntao', 'Real-ESRGAN');
    const comics = await detail('Adel_AI', 'Comics-Factory-v1');
    expect(Object.keys(upscale)).toEqual(Object.keys(comics));
    expect(Object.keys(upscale.tool[0])).toEqual(Object.keys(comics.tool[0]));
    // Every parameter uses the comics model's vocabulary: the same keys, with string values
    // (bounds and defaults included) and a boolean `required`.
    const typesOf = (parameters: Record<string, unknown>[]) =>
      parameters.map((parameter) =>
        Object.fromEntries(Object.entries(parameter).map(([key, value]) => [key, typeof value])),
      );
    const vocabulary = Object.assign({}, ...typesOf(comics.tool[0].parameters), {
      options: 'object',
    });
    for (const types of typesOf(upscale.tool[0].parameters)) {
      expect(vocabulary).toMatchObject(types);
    }
  });

  it('takes injected faults like any Run', async () => {
    const url = await client.uploadFile({
      data: await solidPng(40, 40, 1, 2, 3),
      filename: 'f.png',
    });
    wiro.injectFault('Run:taskFail:times=1');
    const failed = await runExpectingFailure(UPSCALE, upscaleInputs(url, 2));
    expect(failed.status).toBe('task_postprocess_end');
    expect(failed.pexit).toBe('1');
    expect(failed.totalCost).toBe(0);
    expect(ledgerTask(failed.id)).toMatchObject({
      model: UPSCALE,
      fault: 'taskFail',
      billed: false,
    });
  });
});

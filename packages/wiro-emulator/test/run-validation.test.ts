import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { authHeaders, type Body, INPUTS, postJson, RUN_PATH } from './_signed-fetch.js';

describe('Run validation', () => {
  let wiro: Emulator;
  beforeAll(async () => {
    wiro = await startEmulator({ taskMs: 10, queueMs: 0 });
  });
  afterAll(() => wiro.close());

  it.each([
    [{ prompt: '' }, 'prompt is required.'],
    [{ prompt: '   ' }, 'prompt is required.'],
    [{ prompt: undefined }, 'prompt is required.'],
    [{ samples: 0 }, 'samples must be an integer between 1 and 8.'],
    [{ samples: 9 }, 'samples must be an integer between 1 and 8.'],
    [{ samples: '1.5' }, 'samples must be an integer between 1 and 8.'],
    [{ steps: 51 }, 'steps must be an integer between 1 and 50.'],
    [{ steps: 'many' }, 'steps must be an integer between 1 and 50.'],
    [{ scale: '20.5' }, 'scale must be a number between 0 and 20.'],
    [{ scale: -1 }, 'scale must be a number between 0 and 20.'],
    [{ seed: 'abc' }, 'seed must be a string of digits.'],
    [{ seed: -4 }, 'seed must be a string of digits.'],
    [{ width: 1000 }, 'width must be a multiple of 16 between 256 and 2048.'],
    [{ height: 2064 }, 'height must be a multiple of 16 between 256 and 2048.'],
    [{ height: 240 }, 'height must be a multiple of 16 between 256 and 2048.'],
    [{ callbackUrl: 'ftp://example.com/x' }, 'callbackUrl must be an http(s) URL.'],
  ])('rejects %o with code 0, HTTP 200', async (change, message) => {
    const reply = await postJson(wiro, RUN_PATH, { ...INPUTS, ...change });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ result: false, errors: [{ code: 0, message }] });
  });

  it('accepts numbers as numbers or numeric strings and fills defaults', async () => {
    const reply = await postJson(wiro, RUN_PATH, {
      prompt: 'ComicsFact1 style. x',
      samples: '2',
      scale: 7.25,
      seed: 42,
      width: '512',
    });
    expect(reply.body).toMatchObject({ result: true, errors: [] });
    expect(reply.body.taskid).toMatch(/^\d+$/);
    expect(reply.body.socketaccesstoken).toMatch(/^[A-Za-z0-9]{30}$/);
    const task = wiro.getTask(reply.body.taskid);
    expect(task?.parameters).toEqual({
      prompt: 'ComicsFact1 style. x',
      samples: '2',
      steps: '20',
      scale: '7.25',
      seed: '42',
      width: '512',
      height: '1024',
    });
  });

  it('answers an unknown model with code 1', async () => {
    const reply = await postJson(wiro, '/Run/Adel_AI/No-Such-Model', INPUTS);
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(false);
    expect(reply.body.errors[0].code).toBe(1);
    expect(reply.body.errors[0].message).toContain('not found');
  });

  it('accepts multipart/form-data', async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(INPUTS)) form.set(key, String(value));
    const reply = await postJson(wiro, RUN_PATH, form);
    expect(reply.body).toMatchObject({ result: true, errors: [] });
  });

  it('answers a body that is not JSON with HTTP 400, code 0', async () => {
    const response = await fetch(wiro.url + RUN_PATH, {
      method: 'POST',
      headers: { ...authHeaders(wiro), 'content-type': 'application/json' },
      body: '{"prompt":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Body).errors[0].code).toBe(0);
  });

  it('answers an unknown endpoint with 404', async () => {
    const reply = await postJson(wiro, '/Task/Nope', {});
    expect(reply.status).toBe(404);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeInputKey, type Emulator, startEmulator } from '../src/index.js';
import { authHeaders, type Body, INPUTS, postJson, RUN_PATH } from './_signed-fetch.js';

describe('Run validation', () => {
  let wiro: Emulator;
  beforeAll(async () => {
    wiro = await startEmulator({ taskMs: 10, queueMs: 0 });
  });
  afterAll(() => wiro.close());

  it.each([
    [{ prompt: '' }, 'Request parameter [prompt] required'],
    [{ prompt: '   ' }, 'Request parameter [prompt] required'],
    [{ prompt: undefined }, 'Request parameter [prompt] required'],
    [{ samples: 0 }, 'Request parameter [samples] must be between 1 and 8'],
    [{ samples: 9 }, 'Request parameter [samples] must be between 1 and 8'],
    [{ samples: '1.5' }, 'Request parameter [samples] must be between 1 and 8'],
    [{ steps: 51 }, 'Request parameter [steps] must be between 1 and 50'],
    [{ steps: 'many' }, 'Request parameter [steps] must be integer or float'],
    [{ scale: '20.5' }, 'Request parameter [scale] must be between 0 and 20'],
    [{ scale: -1 }, 'Request parameter [scale] must be between 0 and 20'],
    [{ seed: 'abc' }, 'Request parameter [seed] must be a string of digits'],
    [{ seed: -4 }, 'Request parameter [seed] must be a string of digits'],
    [{ width: 1000 }, 'Request parameter [width] must be a multiple of 16 between 256 and 2048'],
    [{ height: 2064 }, 'Request parameter [height] must be a multiple of 16 between 256 and 2048'],
    [{ height: 240 }, 'Request parameter [height] must be a multiple of 16 between 256 and 2048'],
    [
      { callbackUrl: 'ftp://example.com/x' },
      'Request parameter [callbackUrl] must be an http(s) URL',
    ],
  ])('rejects %o with code 0, HTTP 200', async (change, message) => {
    const reply = await postJson(wiro, RUN_PATH, { ...INPUTS, ...change });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ result: false, errors: [{ code: 0, message }] });
  });

  it('accepts numbers as numbers or numeric strings, and keeps the inputs as sent', async () => {
    const inputs = {
      prompt: 'ComicsFact1 style. x',
      samples: '2',
      scale: 7.25,
      seed: 42,
      width: '512',
      extra: { nested: [1, 'a'] },
      callbackUrl: 'http://127.0.0.1:9/hook',
    };
    const reply = await postJson(wiro, RUN_PATH, inputs);
    expect(Object.keys(reply.body)).toEqual(['errors', 'taskid', 'socketaccesstoken', 'result']);
    expect(reply.body).toMatchObject({ result: true, errors: [] });
    expect(reply.body.taskid).toMatch(/^\d+$/);
    expect(reply.body.socketaccesstoken).toMatch(/^[A-Za-z0-9]{30}$/);
    const task = wiro.getTask(reply.body.taskid);
    const { callbackUrl, ...parameters } = inputs;
    expect(task?.parameters).toEqual(parameters);
    expect(task?.callbackurl).toBe(callbackUrl);
    // The draft is drawn from the validated inputs, defaults filled.
    const ledger = wiro.ledger().tasks.find((t) => t.taskid === reply.body.taskid);
    expect(ledger?.inputKey).toBe(
      computeInputKey('Adel_AI/Comics-Factory-v1', {
        prompt: 'ComicsFact1 style. x',
        samples: '2',
        steps: '20',
        scale: '7.25',
        seed: '42',
        width: '512',
        height: '1024',
      }),
    );
  });

  it('answers an unknown model with code 1', async () => {
    const reply = await postJson(wiro, '/Run/Adel_AI/No-Such-Model', INPUTS);
    expect(reply.status).toBe(200);
    expect(reply.body.result).toBe(false);
    expect(reply.body.errors).toEqual([{ code: 1, message: 'slug-owner-project-not-exist' }]);
  });

  it('accepts multipart/form-data, keeping a file input as the URL it is stored at', async () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(INPUTS)) form.set(key, String(value));
    form.set('referenceImage', new Blob([Buffer.from('ref')]), 'ref.png');
    const reply = await postJson(wiro, RUN_PATH, form);
    expect(reply.body).toMatchObject({ result: true, errors: [] });
    const parameters = wiro.getTask(reply.body.taskid)?.parameters ?? {};
    expect(parameters.steps).toBe(String(INPUTS.steps));
    const stored = await fetch(String(parameters.referenceImage));
    expect(await stored.text()).toBe('ref');
  });

  it('answers a body that is not JSON with HTTP 400, code 0', async () => {
    const response = await fetch(wiro.url + RUN_PATH, {
      method: 'POST',
      headers: { ...authHeaders(wiro), 'content-type': 'application/json' },
      body: '{"prompt":',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as Body).errors).toEqual([
      { code: 0, message: 'Request parameters are invalid.' },
    ]);
  });

  it('answers an unknown endpoint with 404, code 0 "Error parsing url."', async () => {
    const reply = await postJson(wiro, '/Task/Nope', {});
    expect(reply.status).toBe(404);
    expect(reply.body.errors).toEqual([{ code: 0, message: 'Error parsing url.' }]);
  });
});

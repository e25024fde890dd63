import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from '../src/index.js';
import { postJson } from './_signed-fetch.js';

describe('File/Upload and Tool/Detail', () => {
  let wiro: Emulator;
  beforeAll(async () => {
    wiro = await startEmulator({ maxUploadBytes: 1024 });
  });
  afterAll(() => wiro.close());

  it('stores an upload and serves it at its url', async () => {
    const form = new FormData();
    form.set('file', new Blob(['hello wiro'], { type: 'text/plain' }), 'notes/ref image.txt');
    const reply = await postJson(wiro, '/File/Upload', form);
    expect(reply.body).toMatchObject({ result: true, errors: [] });
    const [item] = reply.body.list;
    expect(item).toMatchObject({ name: 'ref_image.txt', size: '10', contenttype: 'text/plain' });
    const download = await fetch(item.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/plain');
    expect(await download.text()).toBe('hello wiro');
  });

  it('refuses a file over the limit, and a form without a file', async () => {
    const form = new FormData();
    form.set('file', new Blob([Buffer.alloc(2048)]), 'big.bin');
    const big = await postJson(wiro, '/File/Upload', form);
    expect(big.status).toBe(413);
    expect(big.body.errors[0]).toMatchObject({ code: 0 });
    expect(big.body.errors[0].message).toMatch(/too large/);
    const empty = await postJson(wiro, '/File/Upload', new FormData());
    expect(empty.body.errors[0].message).toMatch(/file is required/);
  });

  it('describes Comics-Factory-v1 and its parameters', async () => {
    const reply = await postJson(wiro, '/Tool/Detail', {
      slugowner: 'Adel_AI',
      slugproject: 'Comics-Factory-v1',
    });
    expect(reply.body).toMatchObject({ result: true, errors: [] });
    const [tool] = reply.body.tool;
    expect(tool).toMatchObject({ slugowner: 'Adel_AI', slugproject: 'Comics-Factory-v1' });
    const byId = Object.fromEntries(tool.parameters.map((p: { id: string }) => [p.id, p]));
    expect(byId.prompt).toMatchObject({ type: 'textarea', required: true });
    expect(byId.prompt.default.startsWith('ComicsFact1 style.')).toBe(true);
    expect(byId.samples).toMatchObject({ type: 'number', default: '1', min: '1', max: '8' });
    expect(byId.steps).toMatchObject({ type: 'number', default: '20', min: '1', max: '50' });
    expect(byId.scale).toMatchObject({ type: 'float', default: '3.5', min: '0', max: '20' });
    expect(byId.seed).toMatchObject({ type: 'text', default: '93080474' });
    for (const id of ['width', 'height']) {
      expect(byId[id]).toMatchObject({
        type: 'number',
        default: '1024',
        min: '256',
        max: '2048',
        step: '16',
      });
    }
  });

  it('answers an unknown tool with code 1', async () => {
    const reply = await postJson(wiro, '/Tool/Detail', { slugowner: 'x', slugproject: 'y' });
    expect(reply.body.errors[0].code).toBe(1);
  });
});

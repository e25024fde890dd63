import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMICS_FACTORY_MODEL } from 'storyboard';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createWiroClient, REAL_ESRGAN } from 'wiro-core';
import { type Emulator, startEmulator } from 'wiro-emulator';
import { type ComposeStep, renderIssue } from '../../src/pipeline/index.js';
import { FIXTURES } from '../cli/_cli.js';

let emulator: Emulator;
let dir: string;
let composeCalls: number;

/** A compose step that writes one small file per call, so outputs exist and can be checked. */
const compose: ComposeStep = async (story, panels, { outDir }) => {
  composeCalls++;
  const path = join(outDir, `${story.slug}.txt`);
  const text = [...panels.keys()].join('\n');
  await mkdir(outDir, { recursive: true });
  await writeFile(path, text);
  return {
    outputs: [{ kind: 'test', path, bytes: Buffer.byteLength(text), sha256: 'x' }],
    warnings: [],
  };
};

beforeEach(async () => {
  emulator = await startEmulator({ taskMs: 30, queueMs: 5 });
  dir = await mkdtemp(join(tmpdir(), 'render-issue-'));
  composeCalls = 0;
});
afterEach(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

const generations = () => emulator.ledger().runsByModel[COMICS_FACTORY_MODEL] ?? 0;
const upscales = () => emulator.ledger().runsByModel[REAL_ESRGAN.model] ?? 0;

async function render(storyPath: string) {
  const client = createWiroClient({
    apiKey: emulator.apiKey,
    apiSecret: emulator.apiSecret,
    baseUrl: emulator.url,
  });
  return renderIssue({
    storyPath,
    outDir: join(dir, 'out'),
    cacheDir: join(dir, 'cache'),
    backend: { client, kind: 'wiro', close: async () => {} },
    compose,
  });
}

it('skips compose when nothing changed, and re-composes without rendering when only dialogue changed', async () => {
  const story = join(dir, 'story.yaml');
  const text = await readFile(join(FIXTURES, 'valid', 'complete.yaml'), 'utf8');
  await writeFile(story, text);

  const first = await render(story);
  expect(first.exitCode).toBe(0);
  expect(composeCalls).toBe(1);
  expect(generations()).toBe(13);
  // One upscale per panel that would print below 300 ppi, and none print below it afterwards.
  const needing = first.plan.filter((panel) => panel.job.upscale !== undefined).length;
  expect(needing).toBeGreaterThan(0);
  expect(upscales()).toBe(needing);
  expect(first.belowTarget).toEqual([]);
  expect(first.plan.every((panel) => panel.ppi.final >= 300)).toBe(true);

  expect((await render(story)).exitCode).toBe(0);
  expect(composeCalls).toBe(1);
  expect(emulator.ledger().acceptedRuns).toBe(13 + needing);

  await writeFile(
    story,
    text.replace('The harbor never sleeps. It only drowns.', 'The harbor forgets nothing.'),
  );
  const edited = await render(story);
  expect(edited.exitCode).toBe(0);
  expect(edited.render?.totals).toMatchObject({ rendered: 0, cached: 13 });
  expect(composeCalls).toBe(2);
  expect(emulator.ledger().acceptedRuns).toBe(13 + needing);

  await rm(join(dir, 'out', 'the-drowned-harbor-003.txt'));
  await render(story);
  expect(composeCalls).toBe(3);
});

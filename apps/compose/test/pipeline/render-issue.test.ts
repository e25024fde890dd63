import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
  const ids = story.pages.flatMap((page) => page.panels.map((panel) => panel.id));
  const pictures = await Promise.all(
    ids.map((id) => ('picture' in panels ? panels.picture(id) : panels.get(id))),
  );
  const text = pictures.join('\n');
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

async function render(storyPath: string, extra: Partial<Parameters<typeof renderIssue>[0]> = {}) {
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
    ...extra,
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

it('lays the lettering out before the first Run, and not at all in a rebuild with nothing to do', async () => {
  const story = join(dir, 'story.yaml');
  await writeFile(story, await readFile(join(FIXTURES, 'valid', 'complete.yaml'), 'utf8'));
  const steps = async () => {
    const log: string[] = [];
    const result = await render(story, {
      onEvent: (event) => {
        if (event.type === 'phase' || event.type === 'queued') {
          log.push(event.type === 'phase' ? event.phase : 'queued');
        }
      },
    });
    expect(result.exitCode).toBe(0);
    return log;
  };
  const first = await steps();
  expect(first.filter((step) => step === 'letter')).toHaveLength(1);
  expect(first.indexOf('letter')).toBeLessThan(first.indexOf('queued'));
  expect(first.indexOf('queued')).toBeGreaterThan(-1);
  expect(await steps()).toEqual(['validate', 'expand', 'render', 'manifest']);
  expect(composeCalls).toBe(1);
});

it('refuses text that cannot be lettered before composing, when every panel is cached (nothing spent, nothing written)', async () => {
  const story = join(dir, 'story.yaml');
  const text = await readFile(join(FIXTURES, 'valid', 'complete.yaml'), 'utf8');
  await writeFile(story, text);
  expect((await render(story)).exitCode).toBe(0);
  const runs = emulator.ledger().acceptedRuns;
  const output = join(dir, 'out', 'the-drowned-harbor-003.txt');
  const before = await readFile(output, 'utf8');

  // A caption changes no prompt, so every panel stays cached; an emoji no bundled font has.
  const caption = 'The harbor never sleeps. It only drowns.';
  await writeFile(story, text.replace(caption, 'The harbor never sleeps 😅'));
  const line = text.slice(0, text.indexOf(caption)).split('\n').length;
  const refused = await render(story);
  expect(refused.exitCode).toBe(2);
  expect(refused.message).toContain(`story.yaml:${line}:`);
  expect(refused.message).toContain('U+1F605');
  expect(composeCalls).toBe(1);
  expect(emulator.ledger().acceptedRuns).toBe(runs);
  expect(await readFile(output, 'utf8')).toBe(before);
});

it('composes each page as soon as its panels are final, while later panels still render', async () => {
  const story = join(dir, 'story.yaml');
  await writeFile(story, await readFile(join(FIXTURES, 'valid', 'complete.yaml'), 'utf8'));
  const log: string[] = [];
  const pageByPage: ComposeStep = async (issue, panels, options) => {
    for (const page of issue.pages) {
      for (const panel of page.panels)
        await ('picture' in panels ? panels.picture(panel.id) : panels.get(panel.id));
      log.push(`page ${page.number}`);
    }
    return compose(issue, panels, options);
  };
  const result = await render(story, {
    compose: pageByPage,
    concurrency: 1,
    upscale: false,
    onEvent: (event) => {
      if (event.type === 'done') log.push(`done ${event.panel}`);
    },
  });
  expect(result.exitCode).toBe(0);
  const firstPage = log.indexOf('page 1');
  const lastDone = log.findLastIndex((line) => line.startsWith('done '));
  expect(firstPage).toBeGreaterThan(-1);
  expect(firstPage).toBeLessThan(lastDone);
  expect(log.at(-1)).toBe(`page ${result.story?.pages.at(-1)?.number}`);
});

it.each(['noir', 'manga-rtl'])(
  'plans the %s example so that no panel prints below 300 ppi, and lists those that would without upscale',
  async (name) => {
    const storyPath = fileURLToPath(
      new URL(`../../../../examples/${name}/story.yaml`, import.meta.url),
    );
    const options = { storyPath, mode: 'plan' as const, cacheDir: join(dir, 'cache') };
    const planned = await renderIssue(options);
    expect(planned.exitCode).toBe(0);
    expect(planned.plan.filter((panel) => panel.ppi.final < 300)).toEqual([]);
    const plain = await renderIssue({ ...options, upscale: false });
    const low = plain.plan.filter((panel) => panel.ppi.final < 300).map((panel) => panel.job.id);
    expect(low.length).toBeGreaterThan(0);
    expect(planned.plan.filter((panel) => panel.job.upscale).map((panel) => panel.job.id)).toEqual(
      low,
    );
  },
);

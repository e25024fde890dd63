import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type BuildSettings,
  fingerprintIssue,
  listIssueAssets,
  toolVersion,
} from './fingerprint.js';

const settings: BuildSettings = {
  formats: ['pdf', 'cbz'],
  backend: 'wiro',
  upscale: true,
  tool: 't/1',
};

describe('fingerprintIssue', () => {
  let dir: string;
  let story: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fingerprint-'));
    story = join(dir, 'story.yaml');
    await writeFile(story, 'title: A\npages:\n  - panels: [a]\n');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is stable for the same inputs, whatever the order of formats', async () => {
    const first = await fingerprintIssue(story, settings);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(await fingerprintIssue(story, { ...settings, formats: ['cbz', 'pdf'] })).toBe(first);
  });

  it.each<[string, (dir: string) => Promise<void>]>([
    [
      'the script text',
      (d) => writeFile(join(d, 'story.yaml'), 'title: B\npages:\n  - panels: [a]\n'),
    ],
    ['a file beside the script', (d) => writeFile(join(d, 'notes.txt'), 'n')],
    [
      'a file in assets/',
      async (d) => {
        await mkdir(join(d, 'assets', 'ref'), { recursive: true });
        await writeFile(join(d, 'assets', 'ref', 'face.png'), 'x');
      },
    ],
  ])('changes with %s', async (_name, change) => {
    const before = await fingerprintIssue(story, settings);
    await change(dir);
    expect(await fingerprintIssue(story, settings)).not.toBe(before);
  });

  it.each<[string, BuildSettings]>([
    ['the formats', { ...settings, formats: ['pdf'] }],
    ['the backend', { ...settings, backend: 'draft' }],
    ['the tool version', { ...settings, tool: 't/2' }],
  ])('changes with %s', async (_name, changed) => {
    expect(await fingerprintIssue(story, changed)).not.toBe(
      await fingerprintIssue(story, settings),
    );
  });

  it('ignores hidden files and folders other than assets/', async () => {
    const before = await fingerprintIssue(story, settings);
    await writeFile(join(dir, '.DS_Store'), 'x');
    await mkdir(join(dir, 'out'));
    await writeFile(join(dir, 'out', 'page.jpg'), 'x');
    expect(await fingerprintIssue(story, settings)).toBe(before);
    expect(await listIssueAssets(story)).toEqual([]);
  });
});

describe('toolVersion', () => {
  it('names the packages that render and compose', async () => {
    expect(await toolVersion()).toMatch(/^nightly\/\d+ compose@\S+ storyboard@\S+ wiro-core@\S+$/);
  });
});

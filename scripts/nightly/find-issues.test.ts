import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIssues, globSegmentToRegExp } from './find-issues.js';

describe('globSegmentToRegExp', () => {
  it.each([
    ['*', 'story.yaml', true],
    ['*.yaml', 'story.yaml', true],
    ['*.yaml', 'story.yml', false],
    ['story.yaml', 'storyXyaml', false],
    ['issue-?', 'issue-1', true],
    ['issue-?', 'issue-12', false],
    ['a+b(c)', 'a+b(c)', true],
  ])('%s matches %s: %s', (pattern, name, matches) => {
    expect(globSegmentToRegExp(pattern).test(name)).toBe(matches);
  });
});

describe('findIssues', () => {
  let dir: string;
  const touch = async (path: string) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), '');
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'find-issues-'));
    for (const path of [
      'issues/b/story.yaml',
      'issues/a/story.yaml',
      'issues/a/notes.md',
      'issues/.hidden/story.yaml',
      'issues/node_modules/story.yaml',
      'issues/deep/er/story.yaml',
      'other/x/story.yaml',
    ]) {
      await touch(path);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const rel = async (pattern: string) =>
    (await findIssues(pattern, dir)).map((p) => p.slice(dir.length + 1));

  it.each([
    ['issues/*/story.yaml', ['issues/a/story.yaml', 'issues/b/story.yaml']],
    ['issues', ['issues/a/story.yaml', 'issues/b/story.yaml']],
    [
      'issues/**/story.yaml',
      ['issues/a/story.yaml', 'issues/b/story.yaml', 'issues/deep/er/story.yaml'],
    ],
    ['issues/.hidden/story.yaml', ['issues/.hidden/story.yaml']],
    ['issues/a/story.yaml', ['issues/a/story.yaml']],
    ['issues/?/*.md', ['issues/a/notes.md']],
    ['missing/*/story.yaml', []],
  ])('%s', async (pattern, expected) => {
    expect(await rel(pattern)).toEqual(expected);
  });

  it('takes absolute patterns', async () => {
    expect(await findIssues(join(dir, 'other/*/story.yaml'), '/')).toEqual([
      join(dir, 'other/x/story.yaml'),
    ]);
  });
});

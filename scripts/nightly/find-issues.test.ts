import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
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

describe('findIssues and symbolic links', () => {
  let base: string;
  let root: string;
  let outside: string;
  beforeAll(async () => {
    base = await realpath(await mkdtemp(join(tmpdir(), 'find-links-')));
    root = join(base, 'repo');
    outside = join(base, 'elsewhere');
    for (const dir of ['repo/issues/real', 'repo/drafts/linked', 'elsewhere/stranger']) {
      await mkdir(join(base, dir), { recursive: true });
    }
    await writeFile(join(root, 'issues/real/story.yaml'), '');
    await writeFile(join(root, 'drafts/linked/story.yaml'), '');
    await writeFile(join(outside, 'story.yaml'), '');
    await writeFile(join(outside, 'stranger/story.yaml'), '');
    await mkdir(join(root, 'issues/inside'));
    await symlink(join(root, 'drafts/linked/story.yaml'), join(root, 'issues/inside/story.yaml'));
    await mkdir(join(root, 'issues/escape'));
    await symlink(join(outside, 'story.yaml'), join(root, 'issues/escape/story.yaml'));
    await symlink(join(outside, 'stranger'), join(root, 'issues/stranger'));
    await symlink(join(root, 'drafts/linked'), join(root, 'issues/folder'));
    await mkdir(join(root, 'issues/broken'));
    await symlink(join(root, 'nowhere.yaml'), join(root, 'issues/broken/story.yaml'));
    await symlink(root, join(root, 'issues/loop'));
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  /** Matches and skips, relative to the repository. */
  async function search(pattern: string) {
    const skipped: string[] = [];
    const found = await findIssues(pattern, root, (path, reason) =>
      skipped.push(`${path.slice(root.length + 1)}: ${reason.split(',')[0]}`),
    );
    return { found: found.map((p) => p.slice(root.length + 1)), skipped: skipped.sort() };
  }

  it('follows links that stay inside the root and reports the others', async () => {
    // `issues/folder` and `issues/inside/story.yaml` both lead to drafts/linked/story.yaml.
    expect(await search('issues/*/story.yaml')).toEqual({
      found: ['issues/inside/story.yaml', 'issues/real/story.yaml'],
      skipped: [
        'issues/broken/story.yaml: a broken symbolic link',
        `issues/escape/story.yaml: a symbolic link to ${join(outside, 'story.yaml')}`,
        `issues/stranger: a symbolic link to ${join(outside, 'stranger')}`,
      ],
    });
  });

  it('enters each folder once under **, even through a link back up, and lists each script once', async () => {
    const { found, skipped } = await search('issues/**/story.yaml');
    expect(found).toEqual(['issues/inside/story.yaml', 'issues/real/story.yaml']);
    expect(skipped).toEqual([
      'issues/broken/story.yaml: a broken symbolic link',
      `issues/escape/story.yaml: a symbolic link to ${join(outside, 'story.yaml')}`,
      `issues/stranger: a symbolic link to ${join(outside, 'stranger')}`,
    ]);
  });
});

import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeIssue, MissingPanelError } from '../src/index.js';
import {
  exists,
  listFiles,
  makeTempDir,
  SAMPLE_SCRIPT,
  storyFrom,
  writePanels,
} from './_helpers.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const story = storyFrom(SAMPLE_SCRIPT);
let panels: Map<string, string>;

beforeAll(async () => {
  temp = await makeTempDir();
  await mkdir(join(temp.dir, 'panels'));
  ({ panels } = await writePanels(story, join(temp.dir, 'panels')));
});
afterAll(() => temp.cleanup());

/** The panel map with the image of the last page's last panel pointing at a missing file. */
function withMissingLastPanel(): Map<string, string> {
  const broken = new Map(panels);
  const last = story.pages.at(-1)?.panels.at(-1)?.id as string;
  broken.set(last, join(temp.dir, 'panels', 'does-not-exist.png'));
  return broken;
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('atomic outputs', () => {
  it('leave no PDF, CBZ, EPUB, contact sheet, screen index or temporary file when composing fails mid-way', async () => {
    const outDir = join(temp.dir, 'fails');
    const pages: number[] = [];
    const failure = composeIssue(story, withMissingLastPanel(), {
      outDir,
      pagesInFlight: 1,
      onEvent: (event) => {
        if (event.type === 'page' && typeof event.page === 'number') pages.push(event.page);
      },
    });
    await expect(failure).rejects.toBeInstanceOf(MissingPanelError);
    await expect(failure).rejects.toMatchObject({ page: 2, panel: 'p2-4' });
    // It did fail mid-way: the earlier pages were composed (and streamed into the PDF and CBZ).
    expect(pages).toEqual([1]);
    const files = await listFiles(outDir);
    expect(
      files.filter((f) => /\.(pdf|cbz|epub|json)$/.test(f) || f.includes('contact-sheet')),
    ).toEqual([]);
    expect(files.filter((f) => f.endsWith('.tmp') || f.includes('.pages-'))).toEqual([]);
    // Finished page images and their screen renditions are complete files of their own.
    expect(files.filter((f) => !f.startsWith('screen/'))).toEqual([
      'pages/page-000-cover.jpg',
      'pages/page-001.jpg',
    ]);
    expect(files.filter((f) => f.startsWith('screen/'))).toEqual([
      'screen/page-000-cover-480.jpg',
      'screen/page-000-cover-480.webp',
      'screen/page-000-cover-595.jpg',
      'screen/page-000-cover-595.webp',
      'screen/page-001-480.jpg',
      'screen/page-001-480.webp',
      'screen/page-001-595.jpg',
      'screen/page-001-595.webp',
    ]);
  });

  it('leave no PDF when the last page fails after the PDF was given every page and sealed', async () => {
    const outDir = join(temp.dir, 'fails-late');
    // A folder where the last page's smallest rendition goes: writing it fails, after the PDF
    // (which prepares nothing) has taken that page and embedded its fonts.
    await mkdir(join(outDir, 'screen', 'page-002-480.webp'), { recursive: true });
    const failure = composeIssue(story, panels, { outDir, formats: ['pdf', 'screen'] });
    await expect(failure).rejects.toThrow();
    const files = await listFiles(outDir);
    expect(files.filter((f) => f.endsWith('.pdf'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.tmp') || f.includes('.pages-'))).toEqual([]);
  });

  it('keep the previous complete outputs when a later compose fails', async () => {
    const outDir = join(temp.dir, 'rerun');
    const first = await composeIssue(story, panels, { outDir });
    const pdf = first.outputs.find((o) => o.kind === 'pdf');
    const cbz = first.outputs.find((o) => o.kind === 'cbz');
    const epub = first.outputs.find((o) => o.kind === 'epub');
    const index = first.outputs.find((o) => o.kind === 'screen-index');
    expect(pdf?.sha256).toBe(await sha256(pdf?.path as string));
    await expect(composeIssue(story, withMissingLastPanel(), { outDir })).rejects.toBeInstanceOf(
      MissingPanelError,
    );
    for (const output of [pdf, cbz, epub, index]) {
      expect(await sha256(output?.path as string)).toBe(output?.sha256);
    }
    expect((await listFiles(outDir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('fail before writing anything when a panel has no image in the map', async () => {
    const outDir = join(temp.dir, 'no-image');
    const partial = new Map(panels);
    partial.delete('p1-2');
    await expect(composeIssue(story, partial, { outDir })).rejects.toMatchObject({
      name: 'MissingPanelError',
      page: 1,
      panel: 'p1-2',
      path: undefined,
    });
    expect(await exists(outDir)).toBe(false);
  });

  it('stop at the next page when aborted, cleaning up like any failure', async () => {
    const outDir = join(temp.dir, 'aborted');
    const controller = new AbortController();
    const run = composeIssue(story, panels, {
      outDir,
      pagesInFlight: 1,
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'page' && event.page === 'cover') controller.abort(new Error('stop'));
      },
    });
    await expect(run).rejects.toThrow('stop');
    const files = await listFiles(outDir);
    expect(files.filter((f) => !f.startsWith('pages/') && !f.startsWith('screen/'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('pages/')).length).toBeLessThan(3);
  });

  it('list every file written with its size and SHA-256', async () => {
    const outDir = join(temp.dir, 'listed');
    const result = await composeIssue(story, panels, { outDir });
    expect(result.outputs.map((o) => [o.kind, o.path])).toEqual([
      ['cover', join(outDir, 'pages', 'page-000-cover.jpg')],
      ['page', join(outDir, 'pages', 'page-001.jpg')],
      ['page', join(outDir, 'pages', 'page-002.jpg')],
      ['pdf', join(outDir, `${story.slug}.pdf`)],
      ['cbz', join(outDir, `${story.slug}.cbz`)],
      ['contact-sheet', join(outDir, 'contact-sheet.jpg')],
      ...['page-000-cover', 'page-001', 'page-002'].flatMap((name) =>
        [480, 595].flatMap((width) => [
          ['screen', join(outDir, 'screen', `${name}-${width}.webp`)],
          ['screen', join(outDir, 'screen', `${name}-${width}.jpg`)],
        ]),
      ),
      ['screen-index', join(outDir, 'screen', 'pages.json')],
      ['epub', join(outDir, `${story.slug}.epub`)],
    ]);
    for (const output of result.outputs) {
      const bytes = await readFile(output.path);
      expect(output.bytes).toBe(bytes.length);
      expect(output.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect((await listFiles(outDir)).sort()).toEqual(
      result.outputs.map((output) => relative(outDir, output.path)).sort(),
    );
  });
});

describe('temporary files a killed compose left behind', () => {
  it('are swept by the next compose; other hidden files and links are left alone', async () => {
    const outDir = join(temp.dir, 'killed');
    await mkdir(join(outDir, 'pages'), { recursive: true });
    await mkdir(join(outDir, 'screen'), { recursive: true });
    const leftovers = [
      join(outDir, 'screen', '.page-001-800.webp.5e1c4390a1b2.tmp'),
      join(outDir, `.${story.slug}.cbz.0f48d1aea9f4.tmp`),
      join(outDir, `.${story.slug}.pdf.15f07d273c1a.tmp`),
      join(outDir, 'pages', '.page-001.jpg.8f6fa42ad91a.tmp'),
    ];
    for (const path of leftovers) await writeFile(path, 'half a file');
    const notes = join(outDir, '.notes.tmp');
    await writeFile(notes, 'mine');
    const elsewhere = join(temp.dir, 'elsewhere.txt');
    await writeFile(elsewhere, 'not ours');
    const link = join(outDir, '.linked.cbz.aaaaaaaaaaaa.tmp');
    await symlink(elsewhere, link);

    await composeIssue(story, panels, { outDir });
    for (const path of leftovers) expect(await exists(path), path).toBe(false);
    expect(await exists(notes)).toBe(true);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(elsewhere, 'utf8')).toBe('not ours');
  });
});

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Story } from 'storyboard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  composeIssue,
  createFontSet,
  LetteringError,
  type LetteringOptions,
  LetteringProblemsError,
  layoutLettering,
  MissingGlyphError,
  pageGeometry,
} from '../src/index.js';
import { exists, makeTempDir, storyFrom, writePanels } from './_helpers.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
const fonts = createFontSet();

beforeAll(async () => {
  temp = await makeTempDir();
  await mkdir(join(temp.dir, 'panels'));
});
afterAll(() => temp.cleanup());

/** The start of every script here: one A4 page at 72 dpi, one character, a 2 × 2 grid. */
const SCRIPT_HEAD = `
title: Errors
page: { size: a4, dpi: 72 }
characters:
  ana: { name: Ana, description: a woman }
pages:
  - layout: grid-2x2
    panels:`;

/** A script whose second panel says `panel` (YAML lines indented for a panel's fields). */
function scriptWith(panel: string): Story {
  return storyFrom(`${SCRIPT_HEAD}
      - scene: one
      - scene: two
${panel}
      - scene: three
      - scene: four
`);
}

/** Letters the script's first page. */
function letter(story: Story, options?: LetteringOptions) {
  const page = story.pages[0] as Story['pages'][number];
  return layoutLettering(story, { kind: 'page', page }, pageGeometry(story, page), fonts, options);
}

function problemsOf(run: () => void): LetteringProblemsError['problems'] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(LetteringProblemsError);
    return (error as LetteringProblemsError).problems;
  }
  throw new Error('expected an error');
}

/** The one problem a run reports. */
function errorOf(run: () => void): LetteringError {
  const problems = problemsOf(run);
  expect(problems).toHaveLength(1);
  return (problems[0] as LetteringProblemsError['problems'][number]).error;
}

describe('lettering that cannot be set', () => {
  it('is a LetteringError naming the page, the panel and the line when the text cannot fit', () => {
    const lines = Array.from({ length: 8 }, (_, n) =>
      Array.from({ length: 60 }, (_, i) => `w${n}x${i}`).join(' '),
    );
    const story = scriptWith(
      `        dialogue:\n${lines.map((line) => `          - ana: ${line}`).join('\n')}`,
    );
    const error = errorOf(() => letter(story));
    expect(error).toBeInstanceOf(LetteringError);
    expect(error).not.toBeInstanceOf(MissingGlyphError);
    expect(error).toMatchObject({ page: 1, panel: 'p1-2' });
    expect(lines).toContain((error as LetteringError).text);
    expect((error as Error).message).toContain('panel p1-2 (page 1)');
    expect((error as Error).message).toContain((error as LetteringError).text);
  });

  it('is a LetteringError when a single word is wider than the panel', () => {
    const word = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2);
    const story = scriptWith(`        caption: ${word}`);
    expect(errorOf(() => letter(story))).toMatchObject({
      name: 'LetteringError',
      panel: 'p1-2',
      text: word,
    });
  });

  it('shrinks text that fits only below the base size instead of failing', () => {
    const line = Array.from({ length: 22 }, (_, i) => `word${i}`).join(' ');
    const story = scriptWith(`        dialogue:\n          - ana: ${line}`);
    const layout = letter(story, { maxCoverage: 0.2 });
    const sizes = layout.items.flatMap((item) => item.runs.map((run) => run.sizePx));
    expect(Math.min(...sizes)).toBeLessThan(9);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
  });

  it('is a MissingGlyphError naming the character (U+XXXX), page and panel', () => {
    const story = scriptWith('        dialogue:\n          - ana: "Rain again 😅"');
    const error = errorOf(() => letter(story));
    expect(error).toBeInstanceOf(MissingGlyphError);
    expect(error).toMatchObject({ page: 1, panel: 'p1-2', codePoint: 0x1f605 });
    expect((error as Error).message).toContain('U+1F605');
    expect((error as Error).message).toContain('page 1');
  });

  it('checks sound effects too (no CJK in the bundled fonts)', () => {
    const story = scriptWith('        sfx: ドン');
    expect(errorOf(() => letter(story))).toMatchObject({
      name: 'MissingGlyphError',
      codePoint: 0x30c9,
    });
  });

  it('reports every text that cannot be set, on every panel, with the item it is about', () => {
    const story = storyFrom(`${SCRIPT_HEAD}
      - scene: one
        dialogue:
          - ana: fine
          - ana: "Rain 😅"
      - scene: two
        sfx: [BOOM, ドン]
      - scene: three
        caption: ${'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(2)}
      - scene: four
`);
    const problems = problemsOf(() => letter(story));
    expect(problems.map((p) => [p.error.panel, p.item])).toEqual([
      ['p1-1', { panelIndex: 0, field: 'dialogue', index: 1 }],
      ['p1-2', { panelIndex: 1, field: 'sfx', index: 1 }],
      ['p1-3', { panelIndex: 2, field: 'caption', index: 0 }],
    ]);
  });

  it('draws Greek, Cyrillic and Latin-extended letters from the Noto Sans fallback', () => {
    const story = scriptWith('        dialogue:\n          - ana: "Καλημέρα! Привет, Łódź."');
    const layout = letter(story);
    const keys = new Set(layout.items.flatMap((item) => item.runs.map((run) => run.fontKey)));
    expect([...keys].some((key) => key.startsWith('NotoSans-400-normal-greek'))).toBe(true);
    expect([...keys].some((key) => key.startsWith('NotoSans-400-normal-cyrillic'))).toBe(true);
    expect(keys.has('ComicNeue-Regular')).toBe(true);
    const text = layout.items.flatMap((item) => item.runs.map((run) => run.text)).join('');
    expect(text.replace(/\s/g, '')).toBe('Καλημέρα!Привет,Łódź.');
  });

  it('stops composeIssue before anything is written', async () => {
    const story = undrawable();
    const { panels } = await writePanels(story, join(temp.dir, 'panels'));
    await expectRefusedBeforeWriting(story, panels, 'never');
  });

  it('is reported before a missing picture file, with nothing written or left decoding', async () => {
    const story = undrawable();
    const { panels } = await writePanels(story, join(temp.dir, 'panels'));
    // The first page's pictures are fitted while the lettering is laid out: one of them fails.
    const missing = new Map(panels);
    missing.set(story.pages[0]?.panels[0]?.id as string, join(temp.dir, 'nowhere.png'));
    await expectRefusedBeforeWriting(story, missing, 'never-missing');
  });

  it('is reported at once while pictures are still arriving', async () => {
    const requested: string[] = [];
    // Pictures that never arrive: composeIssue must not wait for them to report the lettering.
    const arrivals = {
      picture: (id: string) => {
        requested.push(id);
        return new Promise<string>(() => undefined);
      },
    };
    await expectRefusedBeforeWriting(undrawable(), arrivals, 'never-arriving');
    expect(requested).toEqual([]);
  });
});

/** A script whose second panel has a character no bundled font can draw. */
function undrawable(): Story {
  return scriptWith('        dialogue:\n          - ana: "Rain again 😅"');
}

/** composeIssue refuses the lettering and writes nothing under `temp/<folder>`. */
async function expectRefusedBeforeWriting(
  story: Story,
  panels: Parameters<typeof composeIssue>[1],
  folder: string,
): Promise<void> {
  const outDir = join(temp.dir, folder);
  await expect(composeIssue(story, panels, { outDir })).rejects.toBeInstanceOf(
    LetteringProblemsError,
  );
  expect(await exists(outDir)).toBe(false);
}

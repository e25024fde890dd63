import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseStory } from 'storyboard';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { letterIssue } from '../letter-issue.js';
import { listFaceFonts } from './font-files.js';
import {
  fontMeasuresPath,
  MAX_SHAPED,
  readFontMeasures,
  writeFontMeasures,
} from './font-measures.js';
import { FontSet } from './font-set.js';
import { openMeasuredFontSet } from './measured-font-set.js';

const NOIR = fileURLToPath(new URL('../../../../examples/noir/story.yaml', import.meta.url));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'font-measures-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** The bundled faces with every font file moved out of reach: opening any font throws. */
function unreachableFaces() {
  const faces = listFaceFonts();
  for (const list of Object.values(faces)) {
    for (const font of list) font.path = join(dir, 'missing', `${font.key}.woff`);
  }
  return faces;
}

it('letters a script seen before exactly as the fonts do, without opening a font', async () => {
  const story = parseStory(await readFile(NOIR, 'utf8'), { file: NOIR });
  const first = openMeasuredFontSet(dir);
  const lettered = letterIssue(story, { fonts: first.fonts });
  expect(first.fonts.measured).toBeGreaterThan(100);
  await first.save();

  const path = fontMeasuresPath(dir, first.fonts.files());
  const again = new FontSet(unreachableFaces(), readFontMeasures(path));
  expect(letterIssue(story, { fonts: again })).toEqual(lettered);
  expect(again.measured).toBe(0);
  // With nothing stored, the same unreachable fonts are opened, and fail.
  expect(() => letterIssue(story, { fonts: new FontSet(unreachableFaces()) })).toThrow(/ENOENT/);
});

it('keeps any text as a key, __proto__ included, and nothing leaks into objects', async () => {
  const fonts = new FontSet();
  const key = fonts.primaryKey('dialogue');
  const shaped = fonts.shape(key, '__proto__');
  fonts.shape(key, 'constructor');
  const path = join(dir, 'measures.json');
  await writeFontMeasures(path, fonts.measures);
  const read = readFontMeasures(path);
  expect(read.shaped.get(key)?.get('__proto__')).toEqual(shaped);
  expect(read.shaped.get(key)?.size).toBe(2);
  expect(({} as Record<string, unknown>).advanceWidth).toBeUndefined();
});

it('starts empty from a file that is missing, malformed or of another format', async () => {
  const path = join(dir, 'measures.json');
  const empty = (measures: ReturnType<typeof readFontMeasures>) =>
    measures.metrics.size + measures.glyphs.size + measures.shaped.size;
  expect(empty(readFontMeasures(path))).toBe(0);
  const fonts = new FontSet();
  fonts.shape(fonts.primaryKey('display'), 'KRAK!');
  await writeFontMeasures(path, fonts.measures);
  expect(empty(readFontMeasures(path))).toBeGreaterThan(0);
  const stored = JSON.parse(await readFile(path, 'utf8'));
  for (const bad of [
    '{"format":"font-measures/1"',
    JSON.stringify({ ...stored, format: 'font-measures/0' }),
    JSON.stringify({ ...stored, shaped: [['Bangers-latin', [['KRAK!', 'wide']]]] }),
    JSON.stringify({ ...stored, glyphs: [['Bangers-latin', [-1], []]] }),
  ]) {
    await writeFile(path, bad);
    expect(empty(readFontMeasures(path)), bad.slice(0, 60)).toBe(0);
  }
});

it('keeps other fonts’ measures apart, and starts afresh past the size limit', async () => {
  const files = new FontSet().files();
  const path = fontMeasuresPath(dir, files);
  const first = files[0] as (typeof files)[number];
  expect(fontMeasuresPath(dir, [{ ...first, key: 'Other' }, ...files.slice(1)])).not.toBe(path);
  expect(fontMeasuresPath(dir, files.slice(1))).not.toBe(path);

  const fonts = new FontSet();
  fonts.shape(fonts.primaryKey('dialogue'), 'Rain again.');
  await writeFontMeasures(path, fonts.measures);
  const texts = fonts.measures.shaped.get(fonts.primaryKey('dialogue'));
  const shaped = texts?.get('Rain again.');
  if (texts === undefined || shaped === undefined) throw new Error('not shaped');
  for (let i = 0; i <= MAX_SHAPED; i += 1) texts.set(`word ${i}`, shaped);
  await writeFontMeasures(path, fonts.measures);
  expect(readFontMeasures(path).shaped.size).toBe(0);
});

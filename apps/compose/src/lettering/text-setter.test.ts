import { describe, expect, it } from 'vitest';
import { itReturnsEach } from '../../../../tooling/test-table.js';
import { MissingGlyphError } from '../errors.js';
import { createFontSet } from '../fonts/font-set.js';
import { normaliseText, TextSetter } from './text-setter.js';

const place = { page: 1, panel: 'p1-1' } as const;
const setter = new TextSetter(createFontSet());

describe('normaliseText', () => {
  itReturnsEach(normaliseText, [
    ['  Hello   there  ', 'Hello there'],
    ['Ça ne m’étonne pas…\n\tÇa n’arrive jamais.', 'Ça ne m’étonne pas…\nÇa n’arrive jamais.'],
    ['a\r\nb', 'a\nb'],
    ['rain 🌧\ufe0f', 'rain 🌧'],
    ['Cafe\u0301', 'Café'],
    ['tab\there', 'tab here'],
  ]);
});

describe('TextSetter', () => {
  it('wraps at spaces within the width and keeps forced line breaks', () => {
    const text = 'one two three four five six seven eight nine ten';
    const lines = setter.wrap('dialogue', text, 20, 120, place) as string[];
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines)
      expect(setter.measure('dialogue', line, 20, place)).toBeLessThanOrEqual(121);
    expect(setter.wrap('dialogue', 'first\nsecond', 20, 1000, place)).toEqual(['first', 'second']);
  });

  it('brings a word down rather than end a paragraph with one word alone', () => {
    const width = (text: string) => setter.measure('dialogue', text, 20, place);
    const fits = width('We never came back') + 1;
    expect(setter.wrap('dialogue', 'We never came back here', 20, fits, place)).toEqual([
      'We never came',
      'back here',
    ]);
    // Each paragraph on its own; a line of two words keeps both (no lone word above instead).
    expect(setter.wrap('dialogue', 'We never came back here\nNo way out', 20, fits, place)).toEqual(
      ['We never came', 'back here', 'No way out'],
    );
    expect(
      setter.wrap('dialogue', 'Never again here', 20, width('Never again') + 1, place),
    ).toEqual(['Never again', 'here']);
    // No better break when the two words do not fit together.
    const narrow = width('tremendously') + 1;
    expect(setter.wrap('dialogue', 'a b c tremendously', 20, narrow, place)).toEqual([
      'a b c',
      'tremendously',
    ]);
  });

  it('reports a word wider than the width', () => {
    expect(setter.wrap('dialogue', 'a enormouslylongword', 20, 40, place)).toBeUndefined();
  });

  it('balances lines: same count as greedy wrapping, narrower widest line', () => {
    const text = 'The harbor never sleeps. It only drowns, and drowns again.';
    const greedy = setter.wrap('dialogue', text, 20, 300, place) as string[];
    const balanced = setter.wrapBalanced('dialogue', text, 20, 300, place) as string[];
    const widest = (lines: string[]) =>
      Math.max(...lines.map((line) => setter.measure('dialogue', line, 20, place)));
    expect(balanced).toHaveLength(greedy.length);
    expect(widest(balanced)).toBeLessThan(widest(greedy));
  });

  it('measures in proportion to the size', () => {
    const small = setter.measure('dialogue', 'Hello', 10, place);
    expect(setter.measure('dialogue', 'Hello', 30, place)).toBeCloseTo(3 * small, 6);
  });

  it('splits text into runs by font: the comic face, then fallbacks', () => {
    const segments = setter.segment('dialogue', 'Hi Ωmega', place);
    expect(segments).toEqual([
      { fontKey: 'ComicNeue-Regular', text: 'Hi ' },
      { fontKey: 'NotoSans-400-normal-greek', text: 'Ω' },
      { fontKey: 'ComicNeue-Regular', text: 'mega' },
    ]);
  });

  it('throws a MissingGlyphError for a character no bundled font has', () => {
    expect(() => setter.segment('dialogue', 'ok ☃', place)).toThrow(MissingGlyphError);
    expect(() => setter.segment('dialogue', 'ok ☃', place)).toThrow(/U\+2603/);
  });

  it('places glyph runs on baselines one line height apart, centred lines centred', () => {
    const block = setter.block('dialogue', ['a long first line', 'short'], 20, place);
    const runs = setter.place(block, 100, 50, 'center', place);
    expect(runs).toHaveLength(2);
    const [first, second] = runs as [(typeof runs)[0], (typeof runs)[0]];
    expect(second.y - first.y).toBeCloseTo(block.lineHeightPx, 6);
    expect(first.y).toBeCloseTo(50 + block.firstBaseline, 6);
    expect(first.x + first.width / 2).toBeCloseTo(second.x + second.width / 2, 6);
    expect(first.glyphs).toHaveLength('a long first line'.length);
  });
});

import { describe, expect, it } from 'vitest';
import { wrapText } from './text-wrap.js';

describe('wrapText', () => {
  it.each([
    ['a quick brown fox', 7, 5, ['a quick', 'brown', 'fox']],
    ['a quick brown fox', 7, 2, ['a quick', 'brow...']],
    ['a quick brown fox', 20, 1, ['a quick brown fox']],
    ['abcdefghij', 4, 5, ['abcd', 'efgh', 'ij']],
    ['one two', 3, 1, ['...']],
    ['', 10, 3, []],
  ])('wraps %j at %i columns, %i lines', (text, width, lines, expected) => {
    expect(wrapText(text, width, lines)).toEqual(expected);
  });
});

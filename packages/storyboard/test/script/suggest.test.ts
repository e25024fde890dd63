import { describe, expect, it } from 'vitest';
import { measureEditDistance, suggestClosest } from '../../src/script/suggest.js';

describe('measureEditDistance', () => {
  it.each([
    ['', '', 0],
    ['a', '', 1],
    ['mra', 'mara', 1],
    ['captoin', 'caption', 1],
    ['kitten', 'sitting', 3],
    ['abc', 'cba', 2],
  ])('%j ↔ %j = %i', (a, b, distance) => {
    expect(measureEditDistance(a, b)).toBe(distance);
    expect(measureEditDistance(b, a)).toBe(distance);
  });
});

describe('suggestClosest', () => {
  it.each([
    ['mra', ['mara', 'joe'], 'mara'],
    ['Mara', ['mara', 'joe'], 'mara'],
    ['jo', ['mara', 'joe'], 'joe'],
    ['captoin', ['caption', 'captions', 'scene'], 'caption'],
    ['zzz', ['mara', 'joe'], undefined],
    ['mara', ['mara'], undefined],
    ['x'.repeat(500), ['mara'], undefined],
    ['anything', [], undefined],
  ])('%j among %j → %j', (word, candidates, expected) => {
    expect(suggestClosest(word, candidates)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { matchesInputs } from './match-inputs.js';

describe('matchesInputs', () => {
  const inputs = { prompt: 'a', steps: 20, scale: '3.5', seed: '7', callbackUrl: 'http://x/' };

  it('matches the same fields with the same values, numbers and strings alike', () => {
    expect(matchesInputs(inputs, { prompt: 'a', steps: '20', scale: 3.5, seed: '7' })).toBe(true);
    expect(matchesInputs({ ...inputs, width: undefined }, { ...inputs, callbackUrl: 'y' })).toBe(
      true,
    );
  });

  it.each([
    ['a different value', { prompt: 'a', steps: '21', scale: '3.5', seed: '7' }],
    ['a missing field', { prompt: 'a', steps: '20', scale: '3.5' }],
    ['an extra field', { prompt: 'a', steps: '20', scale: '3.5', seed: '7', width: '512' }],
    ['a value that only looks alike', { prompt: 'a ', steps: '20', scale: '3.5', seed: '7' }],
  ])('does not match %s', (_name, parameters) => {
    expect(matchesInputs(inputs, parameters)).toBe(false);
  });

  it('compares nested values exactly and a file by its presence', () => {
    expect(matchesInputs({ list: ['a', 1] } as never, { list: ['a', 1] })).toBe(true);
    expect(matchesInputs({ list: ['a', 1] } as never, { list: ['a', '1'] })).toBe(false);
    const file = new Uint8Array([1]);
    expect(matchesInputs({ image: file }, { image: 'https://cdn/x.png' })).toBe(true);
    expect(matchesInputs({ image: file }, {})).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { pageLabelRanges } from './pdf.js';

describe('pageLabelRanges', () => {
  it('labels the cover by name and numbers the pages from 1', () => {
    expect(pageLabelRanges(['Cover', '1', '2', '3'])).toEqual([
      0,
      { P: new String('Cover') },
      1,
      { S: 'D', St: 1 },
    ]);
  });

  it('starts a new range where the numbering breaks', () => {
    expect(pageLabelRanges(['1', '2', '5'])).toEqual([0, { S: 'D', St: 1 }, 2, { S: 'D', St: 5 }]);
  });
});

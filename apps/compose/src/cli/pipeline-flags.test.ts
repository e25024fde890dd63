import { describe, expect, it } from 'vitest';
import { OUTPUT_FORMATS } from '../options.js';
import { parseCliArgs, UsageError } from './args.js';

describe('--print', () => {
  it('adds the CMYK edition to the default formats, or to the ones asked for', () => {
    expect(parseCliArgs(['story.yaml', '--print', 'cmyk'], {}).formats).toEqual([
      ...OUTPUT_FORMATS,
      'pdf-cmyk',
    ]);
    expect(parseCliArgs(['story.yaml', '--format', 'pdf', '--print', 'CMYK'], {}).formats).toEqual([
      'pdf',
      'pdf-cmyk',
    ]);
    expect(parseCliArgs(['story.yaml', '--format', 'pdf-cmyk'], {}).formats).toEqual(['pdf-cmyk']);
  });

  it('falls back to COMICS_PRINT, and leaves the formats alone without either', () => {
    expect(parseCliArgs(['story.yaml'], { COMICS_PRINT: 'cmyk' }).formats).toContain('pdf-cmyk');
    expect(parseCliArgs(['story.yaml'], {}).formats).toBeUndefined();
  });

  it('refuses other editions', () => {
    expect(() => parseCliArgs(['story.yaml', '--print', 'rgb'], {})).toThrow(UsageError);
    expect(() => parseCliArgs(['story.yaml'], { COMICS_PRINT: 'spot' })).toThrow(/choose cmyk/);
  });
});

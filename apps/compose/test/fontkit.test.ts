import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

describe('fontkit', () => {
  it('is the copy pdfkit embeds fonts with, so measuring and the PDF agree', () => {
    const fromCompose = createRequire(new URL('../src/fonts/_fontkit.ts', import.meta.url));
    const fromPdfkit = createRequire(fromCompose.resolve('pdfkit'));
    expect(fromCompose.resolve('fontkit')).toBe(fromPdfkit.resolve('fontkit'));
  });
});

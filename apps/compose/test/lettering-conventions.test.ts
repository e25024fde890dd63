import { describe, expect, it } from 'vitest';
import { itReturnsEach } from '../../../tooling/test-table.js';
import { letterIssue } from '../src/index.js';
import { toGrey } from '../src/lettering/grayscale.js';
import { storyFrom } from './_helpers.js';

const script = (page: string, extra = '') => `
title: Caps
page: ${page}
language: tr
${extra}
characters:
  ana: { name: Ana, description: a woman }
pages:
  - layout: splash
    panels:
      - scene: A quay
        captions: [Istanbul, night.]
        dialogue:
          - ana: Give me the gift, İpek.
        sfx: [splash]
`;

/**
 * The lettered text of the issue with its spaces removed (a character the comic font lacks,
 * such as `İ`, is a run of its own in a fallback font).
 */
function letteredText(yaml: string): string {
  return letterIssue(storyFrom(yaml), { dpi: 72 })
    .flatMap((sheet) => sheet.lettering.items.flatMap((item) => item.runs.map((run) => run.text)))
    .join('')
    .replace(/ /g, '');
}

describe('lettering.caps', () => {
  it('letters US comic pages in capitals, by the rules of the book language', () => {
    const text = letteredText(script('us-comic'));
    expect(text).toContain('ISTANBUL');
    expect(text).toContain('NİGHT.');
    expect(text).toContain('GİVEMETHEGİFT,İPEK.');
    expect(text).toContain('SPLASH');
    expect(text).toBe(text.toLocaleUpperCase('tr'));
  });

  it('keeps the script case on other presets, or when the script turns it off', () => {
    for (const yaml of [script('a4'), script('us-comic', 'lettering: { caps: false }')]) {
      const text = letteredText(yaml);
      expect(text).toContain('Istanbul');
      expect(text).toContain('Give');
    }
    expect(letteredText(script('a4', 'lettering: { caps: true }'))).toContain('GİVEME');
  });
});

describe('toGrey', () => {
  itReturnsEach(toGrey, [
    ['#000000', '#000000'],
    ['#ffffff', '#ffffff'],
    ['#fff', '#ffffff'],
    ['#ffd42a', '#cdcdcd'],
    ['#FF0000', '#4c4c4c'],
  ]);

  it('refuses a colour it cannot read rather than pass it through', () => {
    expect(() => toGrey('yellow')).toThrow(RangeError);
  });
});

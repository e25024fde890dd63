/**
 * A grid valid in every number can still leave a panel no room once margins, gutters and
 * borders are taken off; validation lays every page out as compose does and says where.
 */
import { describe, expect, it } from 'vitest';
import { LAYOUT_TEMPLATES, parseStory, safeParseStory } from '../../src/script/index.js';

/** The issues of a script, as `[line, column, path, message]`. */
function issuesOf(text: string): Array<[number, number, string, string]> {
  const result = safeParseStory(text, { file: 'fit.yaml' });
  if (result.ok) return [];
  return result.issues.map((i) => [i.line, i.column, i.path.join('.'), i.message]);
}

const THIN_ROW = `title: Thin
pages:
  - layout:
      rows:
        - { height: 100, columns: 1 }
        - { height: 0.05, columns: 2 }
        - { height: 100, columns: 1 }
    panels: [a, b, c, d]
`;

describe('page fit', () => {
  it('refuses a row too thin for a picture, at its height', () => {
    expect(issuesOf(THIN_ROW)).toEqual([
      [
        6,
        21,
        'pages.0.layout.rows.1.height',
        'too small for the page (us-comic at 300 dpi): panel at column 0 would be 881 × -37 px, leaving no image inside a 6 px border; give this row a larger `height` or the others smaller ones',
      ],
    ]);
  });

  it('refuses a column too narrow for a picture, at the row’s columns', () => {
    const text =
      'title: T\npages:\n  - layout: { rows: [{ columns: [100, 0.05, 100] }] }\n    panels: [a, b, c]\n';
    expect(issuesOf(text)).toEqual([
      [
        3,
        33,
        'pages.0.layout.rows.0.columns',
        expect.stringContaining('give this row fewer or wider columns'),
      ],
    ]);
  });

  it('lays out with the script’s own page size and resolution', () => {
    const page = (size: string) =>
      `title: T\npage: ${size}\npages:\n  - layout: { rows: [{ height: 10, columns: 1 }, { height: 0.3, columns: 1 }] }\n    panels: [a, b]\n`;
    expect(issuesOf(page('us-comic'))).toEqual([]);
    expect(issuesOf(page('{ width: 60mm, height: 60mm, dpi: 72 }'))).toEqual([
      [4, 60, 'pages.0.layout.rows.1.height', expect.stringContaining('(60 × 60 mm at 72 dpi)')],
    ]);
  });

  it('is reported along with schema problems elsewhere in the script', () => {
    const text = THIN_ROW.replace('title: Thin', 'title: 5').concat(
      '  - panels: [{ scene: a, shto: wide }]\n',
    );
    expect(issuesOf(text).map(([line, , path]) => [line, path])).toEqual([
      [1, 'title'],
      [6, 'pages.0.layout.rows.1.height'],
      [9, 'pages.1.panels.0.shto'],
    ]);
  });

  it('accepts every template and every default layout on the smallest page', () => {
    const small = 'page: { width: 50mm, height: 50mm, dpi: 72 }';
    for (const template of LAYOUT_TEMPLATES) {
      const text = `title: T\n${small}\npages:\n  - layout: ${template}\n    panels: [a]\n`;
      expect(issuesOf(text).filter(([, , , message]) => message.includes('too small'))).toEqual([]);
    }
    for (let count = 1; count <= 20; count++) {
      const panels = Array.from({ length: count }, (_, i) => `p${i}`).join(', ');
      expect(() =>
        parseStory(`title: T\n${small}\npages:\n  - panels: [${panels}]\n`, { file: 'f.yaml' }),
      ).not.toThrow();
    }
  });
});

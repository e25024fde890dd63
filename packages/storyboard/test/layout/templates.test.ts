import { describe, expect, it } from 'vitest';
import {
  LAYOUT_TEMPLATE_NAMES,
  layoutPage,
  listTemplates,
  PAGE_PRESET_NAMES,
  type PageSpec,
} from '../../src/layout/index.js';
import { expectMirrored, expectValidGeometry } from './_checks.js';

const pages: PageSpec[] = [...PAGE_PRESET_NAMES, { width: 180, height: 260, unit: 'mm' }];
const settings = [
  { name: 'defaults', options: {} },
  { name: 'print bleed, 150 dpi', options: { print: true, dpi: 150 } },
  {
    name: 'odd px sizes',
    options: {
      unit: 'px',
      margins: { top: 41, right: 17, bottom: 29, left: 53 },
      gutters: { x: 13, y: 31 },
      border: { width: 3 },
    },
  },
  { name: 'mm, no border', options: { margins: 9.5, gutters: '3.3mm', border: { width: 0 } } },
] as const;

describe('listTemplates', () => {
  it('lists every template once with a description and its panel count', () => {
    const templates = listTemplates();
    expect(templates.map((t) => t.name)).toEqual([...LAYOUT_TEMPLATE_NAMES]);
    expect(Object.fromEntries(templates.map((t) => [t.name, t.panelCount]))).toEqual({
      splash: 1,
      'two-tiers': 2,
      'three-tiers': 3,
      widescreen: 4,
      'grid-2x2': 4,
      'grid-2x3': 6,
      'grid-3x3': 9,
      'big-plus-two': 3,
      'l-shape': 4,
    });
    for (const template of templates) expect(template.description.length).toBeGreaterThan(10);
  });

  it('hands out copies, so a caller cannot change a template', () => {
    const first = listTemplates()[0];
    expect(first?.name).toBe('splash');
    if (first !== undefined) (first.grid.rows as object[]).push({});
    expect(listTemplates()[0]?.grid.rows).toHaveLength(1);
  });
});

describe.each(LAYOUT_TEMPLATE_NAMES)('template %s', (template) => {
  const panelCount = listTemplates().find((t) => t.name === template)?.panelCount;
  describe.each(pages)('on %o', (page) => {
    it.each(settings)('fills the live area exactly ($name), and rtl mirrors it', ({ options }) => {
      const ltr = layoutPage({ ...options, page, template });
      const rtl = layoutPage({ ...options, page, template, direction: 'rtl' });
      expect(ltr.slots).toHaveLength(panelCount ?? -1);
      expectValidGeometry(ltr);
      expectValidGeometry(rtl);
      expectMirrored(ltr, rtl);
    });
  });
});

describe('template shapes', () => {
  it('grid-2x3 keeps columns aligned across rows', () => {
    const { slots } = layoutPage({ template: 'grid-2x3', page: 'a4' });
    const lefts = new Set(slots.map((s) => s.cell.x));
    expect(lefts.size).toBe(2);
    expect(new Set(slots.map((s) => s.cell.w)).size).toBe(1);
  });

  it('big-plus-two gives the top panel two thirds of the height', () => {
    const layout = layoutPage({ template: 'big-plus-two', unit: 'px', margins: 0, gutters: 30 });
    const [top, left, right] = layout.slots;
    // (3075 + 30) × 2/3 − 30 = 2040; the bottom row gets the rest.
    expect(top?.cell).toEqual({ x: 0, y: 0, w: 1988, h: 2040 });
    expect(left?.cell).toEqual({ x: 0, y: 2070, w: 979, h: 1005 });
    expect(right?.cell).toEqual({ x: 1009, y: 2070, w: 979, h: 1005 });
  });

  it('l-shape: tall panel over two rows, two stacked beside it, full-width bottom', () => {
    const { slots } = layoutPage({ template: 'l-shape' });
    const [tall, upper, lower, bottom] = slots;
    expect(slots.map((s) => [s.row, s.col, s.rowSpan, s.colSpan])).toEqual([
      [0, 0, 2, 1],
      [0, 1, 1, 1],
      [1, 1, 1, 1],
      [2, 0, 1, 2],
    ]);
    // The 6 × 9.5 in live area of a US comic page: 94 px and 113 px margins, 38 px gutters.
    expect(tall?.cell).toEqual({ x: 94, y: 113, w: 881, h: 924 + 38 + 925 });
    expect(upper?.cell).toEqual({ x: 1013, y: 113, w: 881, h: 924 });
    expect(lower?.cell).toEqual({ x: 1013, y: 1075, w: 881, h: 925 });
    expect(bottom?.cell).toEqual({ x: 94, y: 2038, w: 1800, h: 924 });
  });

  it('rtl reads each row right to left', () => {
    const { slots } = layoutPage({ template: 'grid-3x3', direction: 'rtl' });
    for (const row of [0, 1, 2]) {
      const xs = slots.filter((s) => s.row === row).map((s) => s.cell.x);
      expect(xs).toEqual([...xs].sort((a, b) => b - a));
    }
    expect(slots.map((s) => s.row)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });
});

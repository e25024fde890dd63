import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutPage, type PageLayout } from '../../src/layout/index.js';

/** The compose benchmark's page, written out cell by cell (the benchmark reads the same file). */
const benchFile = new URL('../../../../apps/compose/bench/workload/layout.json', import.meta.url);

interface BenchCell {
  slot: number;
  row: number;
  col: number;
  x: number;
  y: number;
  w: number;
  h: number;
  image: { x: number; y: number; w: number; h: number };
}

function toBenchCells(layout: PageLayout): BenchCell[] {
  return layout.slots.map(({ slot, row, col, cell, image }) => ({
    slot,
    row,
    col,
    ...cell,
    image,
  }));
}

describe('benchmark layout (apps/compose/bench/workload/layout.json)', () => {
  const bench = JSON.parse(readFileSync(benchFile, 'utf8'));

  it('is reproduced by the defaults before print geometry (0.12 in margins, 0.08 in gutters)', () => {
    const layout = layoutPage({ margins: '0.12in', gutters: '0.08in' });
    expect(toBenchCells(layout)).toEqual(bench.cells);
    expect(layout.canvas).toEqual({ widthPx: bench.page.widthPx, heightPx: bench.page.heightPx });
    expect(layout.border).toEqual({ widthPx: bench.border.widthPx, color: bench.border.color });
    expect(layout.background).toBe(bench.page.background);
  });

  it('is reproduced from its own numbers in pixels', () => {
    const layout = layoutPage({
      page: { width: bench.page.widthIn, height: bench.page.heightIn, unit: 'in' },
      dpi: bench.page.dpi,
      unit: 'px',
      margins: bench.grid.marginPx,
      gutters: `${bench.grid.gutterPx}px`,
      border: { width: bench.border.widthPx, color: bench.border.color },
      template: 'grid-2x3',
    });
    expect(toBenchCells(layout)).toEqual(bench.cells);
    expect(layout.slots).toHaveLength(bench.panelsPerPage);
    for (const { cell } of layout.slots) {
      expect([cell.w, cell.h]).toEqual([bench.grid.cellWidthPx, bench.grid.cellHeightPx]);
    }
    expect(layout.page.widthPt).toBe(bench.page.widthPt);
    expect(layout.page.heightPt).toBe(bench.page.heightPt);
    expect(layout.bleedBoxPt).toEqual({
      x: 0,
      y: 0,
      w: bench.page.widthPt,
      h: bench.page.heightPt,
    });
  });
});

import { LayoutError, type LayoutIssue } from './errors.js';

/** Most rows a grid may have. */
export const MAX_GRID_ROWS = 6;

/** Most columns one row may have. */
export const MAX_GRID_COLUMNS = 6;

/** One tier of panels. */
export interface GridRow {
  /**
   * Height relative to the other rows.
   * @default 1
   */
  height?: number;
  /**
   * How many equal columns, or their relative widths in reading order.
   * @default 1
   * @example 2
   * @example [2, 1]
   */
  columns?: number | readonly number[];
}

/**
 * Merges cells into one panel. The anchor is the top cell `col` of row `row` (0-based, reading
 * order); `colSpan` merges it with the next cells of that row, `rowSpan` carries it down into the
 * next rows. A row the span enters must have column edges exactly at the span's left and right
 * edges; every cell between them is covered.
 */
export interface GridSpan {
  row: number;
  col: number;
  /** @default 1 */
  rowSpan?: number;
  /** @default 1 */
  colSpan?: number;
}

/**
 * A writer-made layout: rows of relative height, each with its own relative column widths, plus
 * optional spans. Relative sizes share the live area plus one gutter, so a `2` column is exactly
 * as wide as two `1` columns and the gutter between them, and edges line up across rows whenever
 * their fractions are equal.
 * @example { rows: [{ height: 2, columns: 1 }, { columns: [1, 1] }] }
 * @example { rows: [{ columns: 2 }, { columns: 2 }, { columns: 1 }], spans: [{ row: 0, col: 0, rowSpan: 2 }] }
 */
export interface CustomGrid {
  rows: readonly GridRow[];
  spans?: readonly GridSpan[];
}

/** One panel of a grid, in grid cells: the anchor cell and how many rows and cells it covers. */
export interface GridArea {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A checked grid: weights filled in and panels listed in reading order. */
export interface NormalizedGrid {
  rowHeights: number[];
  columnWidths: number[][];
  areas: GridArea[];
}

const EDGE_EPSILON = 1e-9;

/**
 * Lists every problem in a custom grid (an empty list means it is valid): positive sizes, at most
 * `MAX_GRID_ROWS` rows of `MAX_GRID_COLUMNS` columns, spans in range, aligned and not overlapping.
 */
export function validateGrid(grid: CustomGrid, path = 'grid'): LayoutIssue[] {
  const issues: LayoutIssue[] = [];
  checkGrid(grid, path, issues);
  return issues;
}

/** Checks a grid and returns its normalized form; throws a `LayoutError` listing every issue. */
export function normalizeGrid(grid: CustomGrid, path = 'grid'): NormalizedGrid {
  const issues: LayoutIssue[] = [];
  const normalized = checkGrid(grid, path, issues);
  if (normalized === undefined || issues.length > 0) throw new LayoutError(issues);
  return normalized;
}

function checkGrid(
  grid: CustomGrid,
  path: string,
  issues: LayoutIssue[],
): NormalizedGrid | undefined {
  if (typeof grid !== 'object' || grid === null || !Array.isArray(grid.rows)) {
    issues.push({ path, message: 'must be an object with a rows array' });
    return undefined;
  }
  if (grid.rows.length < 1 || grid.rows.length > MAX_GRID_ROWS) {
    issues.push({
      path: `${path}.rows`,
      message: `must have 1 to ${MAX_GRID_ROWS} rows (got ${grid.rows.length})`,
    });
    return undefined;
  }
  const rowHeights: number[] = [];
  const columnWidths: number[][] = [];
  grid.rows.forEach((row, r) => {
    const rowPath = `${path}.rows[${r}]`;
    if (typeof row !== 'object' || row === null) {
      issues.push({ path: rowPath, message: 'must be an object { height?, columns? }' });
      return;
    }
    rowHeights.push(checkWeight(row.height ?? 1, `${rowPath}.height`, issues));
    columnWidths.push(checkColumns(row.columns ?? 1, `${rowPath}.columns`, issues));
  });
  if (issues.length > 0) return undefined;
  const owner = columnWidths.map((widths) => widths.map(() => -1));
  const anchors = checkSpans(grid.spans ?? [], columnWidths, owner, `${path}.spans`, issues);
  if (issues.length > 0) return undefined;
  const areas: GridArea[] = [];
  owner.forEach((cells, row) => {
    cells.forEach((spanIndex, col) => {
      const anchor = anchors.get(spanIndex);
      if (spanIndex === -1) areas.push({ row, col, rowSpan: 1, colSpan: 1 });
      else if (anchor !== undefined && anchor.row === row && anchor.col === col) areas.push(anchor);
    });
  });
  return { rowHeights, columnWidths, areas };
}

function checkWeight(value: unknown, path: string, issues: LayoutIssue[]): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    issues.push({ path, message: `must be a positive number (got ${JSON.stringify(value)})` });
    return 1;
  }
  return value;
}

function checkColumns(value: unknown, path: string, issues: LayoutIssue[]): number[] {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > MAX_GRID_COLUMNS) {
      issues.push({
        path,
        message: `must be a whole number of columns from 1 to ${MAX_GRID_COLUMNS} (got ${value})`,
      });
      return [1];
    }
    return Array.from({ length: value }, () => 1);
  }
  if (!Array.isArray(value) || value.length < 1 || value.length > MAX_GRID_COLUMNS) {
    issues.push({
      path,
      message: `must be a column count or a list of 1 to ${MAX_GRID_COLUMNS} relative widths`,
    });
    return [1];
  }
  return value.map((width, c) => checkWeight(width, `${path}[${c}]`, issues));
}

/** Marks the cells each span covers in `owner` and returns the spans' areas by span index. */
function checkSpans(
  spans: readonly GridSpan[],
  columnWidths: number[][],
  owner: number[][],
  path: string,
  issues: LayoutIssue[],
): Map<number, GridArea> {
  const anchors = new Map<number, GridArea>();
  if (!Array.isArray(spans)) {
    issues.push({ path, message: 'must be a list of { row, col, rowSpan?, colSpan? }' });
    return anchors;
  }
  spans.forEach((span, index) => {
    const area = checkSpanRange(span, columnWidths, `${path}[${index}]`, issues);
    if (area === undefined) return;
    const cells = coveredCells(area, columnWidths, `${path}[${index}]`, issues);
    for (const [row, col] of cells) {
      const previous = owner[row]?.[col] ?? -1;
      if (previous !== -1) {
        issues.push({
          path: `${path}[${index}]`,
          message: `overlaps ${path}[${previous}] at row ${row}, column ${col}`,
        });
        return;
      }
    }
    for (const [row, col] of cells) (owner[row] as number[])[col] = index;
    anchors.set(index, area);
  });
  return anchors;
}

function checkSpanRange(
  span: GridSpan,
  columnWidths: number[][],
  path: string,
  issues: LayoutIssue[],
): GridArea | undefined {
  if (typeof span !== 'object' || span === null) {
    issues.push({ path, message: 'must be an object { row, col, rowSpan?, colSpan? }' });
    return undefined;
  }
  const { row, col, rowSpan = 1, colSpan = 1 } = span;
  const rowCount = columnWidths.length;
  if (!isIndex(row, rowCount)) {
    issues.push({
      path: `${path}.row`,
      message: `must be a row index from 0 to ${rowCount - 1} (got ${JSON.stringify(row)})`,
    });
    return undefined;
  }
  const colCount = columnWidths[row]?.length ?? 0;
  if (!isIndex(col, colCount)) {
    issues.push({
      path: `${path}.col`,
      message: `must be a column index of row ${row}, from 0 to ${colCount - 1} (got ${JSON.stringify(col)})`,
    });
    return undefined;
  }
  if (!Number.isInteger(rowSpan) || rowSpan < 1 || row + rowSpan > rowCount) {
    issues.push({
      path: `${path}.rowSpan`,
      message: `must be a whole number from 1 to ${rowCount - row} (got ${JSON.stringify(rowSpan)})`,
    });
    return undefined;
  }
  if (!Number.isInteger(colSpan) || colSpan < 1 || col + colSpan > colCount) {
    issues.push({
      path: `${path}.colSpan`,
      message: `must be a whole number from 1 to ${colCount - col} (got ${JSON.stringify(colSpan)})`,
    });
    return undefined;
  }
  return { row, col, rowSpan, colSpan };
}

function isIndex(value: unknown, count: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;
}

/** The `[row, col]` cells an area covers; reports a row whose column edges do not line up. */
function coveredCells(
  area: GridArea,
  columnWidths: number[][],
  path: string,
  issues: LayoutIssue[],
): Array<[number, number]> {
  const top = edgeFractions(columnWidths[area.row] as number[]);
  const left = top[area.col] as number;
  const right = top[area.col + area.colSpan] as number;
  const cells: Array<[number, number]> = [];
  for (let row = area.row; row < area.row + area.rowSpan; row++) {
    const edges = edgeFractions(columnWidths[row] as number[]);
    const first = edges.findIndex((edge) => Math.abs(edge - left) < EDGE_EPSILON);
    const end = edges.findIndex((edge) => Math.abs(edge - right) < EDGE_EPSILON);
    if (first === -1 || end === -1) {
      issues.push({
        path,
        message: `cannot continue into row ${row}: its columns have no edges at the span's left and right edges`,
      });
      return [];
    }
    for (let col = first; col < end; col++) cells.push([row, col]);
  }
  return cells;
}

/** Cumulative edge positions of a row's columns as fractions of the row, from 0 to 1. */
function edgeFractions(widths: readonly number[]): number[] {
  const total = widths.reduce((sum, width) => sum + width, 0);
  const edges = [0];
  let sum = 0;
  for (const width of widths) {
    sum += width;
    edges.push(sum / total);
  }
  return edges;
}

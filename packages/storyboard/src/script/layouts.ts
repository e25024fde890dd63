/**
 * What the script parser knows about page layouts. Nothing here is its own table: template
 * names, slot counts and custom-grid rules all come from the page geometry module, so a script
 * is accepted exactly when the geometry can lay it out.
 */
import {
  type CustomGrid as GeometryGrid,
  getTemplate,
  LAYOUT_TEMPLATE_NAMES,
  type LayoutIssue,
  type LayoutTemplateName,
  listTemplates,
  MAX_GRID_ROWS,
  normalizeGrid,
  validateGrid,
} from '../layout/index.js';
import type { CustomGrid, GridRow, Layout } from './types.js';

export type { LayoutTemplateName } from '../layout/index.js';

/** Every template name, in the geometry module's order. */
export const LAYOUT_TEMPLATES: readonly [LayoutTemplateName, ...LayoutTemplateName[]] =
  LAYOUT_TEMPLATE_NAMES;

/** How many panels each template holds, read from the geometry module. */
export const LAYOUT_SLOTS: Readonly<Record<LayoutTemplateName, number>> = Object.freeze(
  Object.fromEntries(listTemplates().map((t) => [t.name, t.panelCount])) as Record<
    LayoutTemplateName,
    number
  >,
);

/**
 * The default template per panel count: the regular stacks and grids (not `widescreen`, whose
 * strips are too thin for ordinary panels, nor the shaped `big-plus-two` and `l-shape`).
 */
const DEFAULT_TEMPLATES: ReadonlyMap<number, LayoutTemplateName> = new Map(
  (['splash', 'two-tiers', 'three-tiers', 'grid-2x2', 'grid-2x3', 'grid-3x3'] as const).map(
    (name) => [getTemplate(name).panelCount, name],
  ),
);

/** Most equal columns a default grid puts in one row before it needs more. */
const DEFAULT_COLUMNS = 3;

/** Whether `name` is a known template. */
export function isLayoutTemplate(name: string): name is LayoutTemplateName {
  return (LAYOUT_TEMPLATE_NAMES as readonly string[]).includes(name);
}

/**
 * The script's normalised grid as the geometry module's input. The shapes already match (the
 * script's is the fully-defaulted form); this is where a difference would be adapted.
 */
function toGeometryGrid(grid: CustomGrid): GeometryGrid {
  return grid;
}

/**
 * How many panels a layout holds: the template's panel count, or the number of panel areas of a
 * custom grid. Throws a `LayoutError` for a grid `findGridProblems` would reject.
 * @example slotCountOf('grid-2x3') // 6
 */
export function slotCountOf(layout: Layout): number {
  if (typeof layout === 'string') return getTemplate(layout).panelCount;
  return normalizeGrid(toGeometryGrid(layout)).areas.length;
}

/**
 * The layout for a page that names none: a plain stack or grid template when one holds exactly
 * that many panels, otherwise a grid of equal rows with at most three equal columns (four when
 * six rows are not enough; the geometry allows six), fuller rows at the bottom.
 * @example chooseDefaultLayout(5) // { rows: [{height:1, columns:[1,1]}, {height:1, columns:[1,1,1]}], spans: [] }
 */
export function chooseDefaultLayout(panelCount: number): Layout {
  const template = DEFAULT_TEMPLATES.get(panelCount);
  if (template !== undefined) return template;
  const perRow = Math.max(DEFAULT_COLUMNS, Math.ceil(panelCount / MAX_GRID_ROWS));
  const rowCount = Math.max(1, Math.ceil(panelCount / perRow));
  const rows: GridRow[] = [];
  for (let i = 0; i < rowCount; i++) {
    const columns =
      Math.floor(panelCount / rowCount) + (i >= rowCount - (panelCount % rowCount) ? 1 : 0);
    rows.push({ height: 1, columns: new Array<number>(Math.max(1, columns)).fill(1) });
  }
  return { rows, spans: [] } satisfies CustomGrid;
}

/** A problem in a custom grid, at a path relative to the grid. */
export interface GridProblem {
  path: Array<string | number>;
  message: string;
}

/** The path prefix handed to `validateGrid`, stripped again from its issues. */
const GRID_ROOT = 'grid';

/**
 * Lists what stops the page geometry from laying out a grid (an empty list means it is valid):
 * spans that leave the grid, cross rows whose column edges do not line up with the span's
 * sides, or overlap another span. Rows and columns are counted from 0; paths are relative to
 * the grid (`['spans', 0, 'rowSpan']`).
 */
export function findGridProblems(grid: CustomGrid): GridProblem[] {
  return validateGrid(toGeometryGrid(grid), GRID_ROOT).map((issue) => toGridProblem(issue, grid));
}

/** Converts one geometry issue into a parser problem with a message a writer can act on. */
function toGridProblem(issue: LayoutIssue, grid: CustomGrid): GridProblem {
  const path = parseIssuePath(issue.path);
  return { path, message: describeIssue(path, issue.message, grid) };
}

/**
 * `grid.spans[0].rowSpan` → `['spans', 0, 'rowSpan']`. A path the pattern does not fully read
 * keeps the part it did, so the problem lands on the nearest enclosing node.
 */
export function parseIssuePath(path: string): Array<string | number> {
  if (path !== GRID_ROOT && !path.startsWith(`${GRID_ROOT}.`)) return [];
  const segments: Array<string | number> = [];
  const pattern = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]/y;
  pattern.lastIndex = GRID_ROOT.length;
  for (let match = pattern.exec(path); match !== null; match = pattern.exec(path)) {
    segments.push(match[1] ?? Number(match[2]));
  }
  return segments;
}

/** The message for an issue at `path`: reworded for spans, the geometry's own otherwise. */
function describeIssue(path: Array<string | number>, message: string, grid: CustomGrid): string {
  const plain = message.replaceAll(`${GRID_ROOT}.`, '');
  const [head, index, field] = path;
  const span = head === 'spans' && typeof index === 'number' ? grid.spans[index] : undefined;
  if (span === undefined) return plain;
  const rowCount = grid.rows.length;
  const columnsOf = (row: number) => grid.rows[row]?.columns.length ?? 0;
  const lastRow = span.row + span.rowSpan - 1;
  const lastCol = span.col + span.colSpan - 1;
  switch (field) {
    case 'row':
      return `span starts at row ${span.row} but the grid has ${range('row', rowCount)}`;
    case 'col':
      return `span starts at column ${span.col} but row ${span.row} has ${range('column', columnsOf(span.row))}`;
    case 'rowSpan':
      if (!Number.isInteger(span.rowSpan) || span.rowSpan < 1) break;
      return `span covers rows ${span.row}–${lastRow} but the grid has ${range('row', rowCount)}`;
    case 'colSpan':
      if (!Number.isInteger(span.colSpan) || span.colSpan < 1) break;
      return `span covers columns ${span.col}–${lastCol} but row ${span.row} has ${range('column', columnsOf(span.row))}`;
    case undefined: {
      const into = /cannot continue into row (\d+)/.exec(plain)?.[1];
      if (into !== undefined) {
        return (
          `span across rows ${span.row}–${lastRow} cannot continue into row ${into}: ` +
          `no column edges of row ${into} line up with the span's left and right sides`
        );
      }
      return `span ${plain}`;
    }
  }
  return `\`${field}\` ${plain}`;
}

/** `rows 0–2`, or `only row 0`. */
function range(noun: string, count: number): string {
  return count === 1 ? `only ${noun} 0` : `${noun}s 0–${count - 1}`;
}

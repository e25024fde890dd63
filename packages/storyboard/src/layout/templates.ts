import { failLayout } from './errors.js';
import { type CustomGrid, normalizeGrid } from './grid.js';

/** Names of the built-in layouts, e.g. for a schema enum. */
export const LAYOUT_TEMPLATE_NAMES = [
  'splash',
  'two-tiers',
  'three-tiers',
  'widescreen',
  'grid-2x2',
  'grid-2x3',
  'grid-3x3',
  'big-plus-two',
  'l-shape',
] as const;

/** A built-in layout. */
export type LayoutTemplateName = (typeof LAYOUT_TEMPLATE_NAMES)[number];

/** A built-in layout: its grid, what it looks like, and how many panels it holds. */
export interface LayoutTemplate {
  name: LayoutTemplateName;
  description: string;
  panelCount: number;
  grid: CustomGrid;
}

const TEMPLATE_GRIDS: Readonly<
  Record<LayoutTemplateName, { description: string; grid: CustomGrid }>
> = {
  splash: { description: 'One panel filling the live area.', grid: { rows: [{}] } },
  'two-tiers': {
    description: 'Two full-width panels stacked.',
    grid: { rows: [{}, {}] },
  },
  'three-tiers': {
    description: 'Three full-width panels stacked.',
    grid: { rows: [{}, {}, {}] },
  },
  widescreen: {
    description: 'Four thin full-width strips stacked.',
    grid: { rows: [{}, {}, {}, {}] },
  },
  'grid-2x2': {
    description: 'Two columns by two rows of equal panels.',
    grid: { rows: [{ columns: 2 }, { columns: 2 }] },
  },
  'grid-2x3': {
    description: 'Two columns by three rows of equal panels (the classic six-panel page).',
    grid: { rows: [{ columns: 2 }, { columns: 2 }, { columns: 2 }] },
  },
  'grid-3x3': {
    description: 'Three columns by three rows of equal panels (the nine-panel grid).',
    grid: { rows: [{ columns: 3 }, { columns: 3 }, { columns: 3 }] },
  },
  'big-plus-two': {
    description: 'One big full-width panel on the top two thirds, two side by side below.',
    grid: { rows: [{ height: 2 }, { columns: 2 }] },
  },
  'l-shape': {
    description:
      'A tall panel on the reading-start side spanning the top two rows, two panels stacked ' +
      'beside it, and one full-width panel at the bottom: the tall and bottom panels form an L.',
    grid: {
      rows: [{ columns: 2 }, { columns: 2 }, { columns: 2 }],
      spans: [
        { row: 0, col: 0, rowSpan: 2 },
        { row: 2, col: 0, colSpan: 2 },
      ],
    },
  },
};

/**
 * Lists the built-in layouts in a stable order, with descriptions and panel counts.
 * @example listTemplates().find((t) => t.name === 'grid-2x3')?.panelCount // 6
 */
export function listTemplates(): LayoutTemplate[] {
  return LAYOUT_TEMPLATE_NAMES.map((name) => getTemplate(name));
}

/** One built-in layout by name; throws a `LayoutError` naming the known ones otherwise. */
export function getTemplate(name: LayoutTemplateName): LayoutTemplate {
  if (!Object.hasOwn(TEMPLATE_GRIDS, name)) {
    failLayout(
      'template',
      `is not a known layout (got ${JSON.stringify(name)}; expected one of ${LAYOUT_TEMPLATE_NAMES.join(', ')})`,
    );
  }
  const { description, grid } = TEMPLATE_GRIDS[name];
  return {
    name,
    description,
    panelCount: normalizeGrid(grid).areas.length,
    grid: structuredClone(grid),
  };
}

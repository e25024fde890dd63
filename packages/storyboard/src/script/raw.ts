/**
 * Defensive readers for the script as parsed from YAML, before (or despite) schema
 * validation, so cross-reference checks can run and report alongside schema problems.
 */
import { ID_PATTERN } from './schema-parts.js';

/** A path into the raw script. */
export type RawPath = Array<string | number>;

/** A YAML map as a plain object. */
export type RawMap = Record<string, unknown>;

/** The value as a map, when it is one. */
export function asMap(value: unknown): RawMap | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (value instanceof Uint8Array || value instanceof Date) return undefined;
  return value as RawMap;
}

/** The value as a list, when it is one. */
export function asList(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Whether a map has its own key (never an inherited one such as `constructor`). */
export function hasKey(map: RawMap | undefined, key: string): boolean {
  return map !== undefined && Object.hasOwn(map, key);
}

/** A map's own value for a key. */
export function read(map: RawMap | undefined, key: string): unknown {
  return hasKey(map, key) ? map?.[key] : undefined;
}

/** The value when it is a valid id (invalid ids are reported by the schema). */
export function asId(value: unknown): string | undefined {
  return typeof value === 'string' && ID_PATTERN.test(value) ? value : undefined;
}

/** A raw panel (or cover) with where it sits. */
export interface RawPanel {
  /** The panel as a map; a panel written as plain text has none. */
  panel: RawMap | undefined;
  path: RawPath;
  /** 0-based page index; -1 for the cover. */
  pageIndex: number;
  /** 0-based panel index on its page; -1 for the cover. */
  panelIndex: number;
  /** The page the panel is on (undefined for the cover). */
  page: RawMap | undefined;
}

/** The pages that are maps, with their index. */
export function listRawPages(data: RawMap): Array<{ page: RawMap; index: number }> {
  const pages = asList(read(data, 'pages')) ?? [];
  return pages.flatMap((page, index) => {
    const map = asMap(page);
    return map === undefined ? [] : [{ page: map, index }];
  });
}

/** Every panel of every page, in reading order; the cover first when `withCover`. */
export function listRawPanels(data: RawMap, withCover = false): RawPanel[] {
  const out: RawPanel[] = [];
  if (withCover && hasKey(data, 'cover')) {
    out.push({
      panel: asMap(data.cover),
      path: ['cover'],
      pageIndex: -1,
      panelIndex: -1,
      page: undefined,
    });
  }
  for (const { page, index } of listRawPages(data)) {
    const panels = asList(read(page, 'panels')) ?? [];
    panels.forEach((panel, panelIndex) => {
      out.push({
        panel: asMap(panel),
        path: ['pages', index, 'panels', panelIndex],
        pageIndex: index,
        panelIndex,
        page,
      });
    });
  }
  return out;
}

/** A panel's dialogue lines that are maps (a single line may be written without a list). */
export function listRawDialogue(
  panel: RawMap,
  path: RawPath,
): Array<{ line: RawMap; path: RawPath }> {
  const value = read(panel, 'dialogue');
  const list = asList(value);
  const lines = list ?? (value === undefined ? [] : [value]);
  return lines.flatMap((line, i) => {
    const map = asMap(line);
    if (map === undefined) return [];
    return [
      { line: map, path: list === undefined ? [...path, 'dialogue'] : [...path, 'dialogue', i] },
    ];
  });
}

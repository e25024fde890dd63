/**
 * Count limits, checked before the schema. A script over a limit is reported with its real
 * count, and the rest of validation runs on a bounded view that keeps only the items within the
 * limits: per-panel problems still show, and a hostile script with a hundred thousand entries
 * costs no more to validate than the largest valid one.
 */
import { STORY_LIMITS as L } from './limits.js';
import { type Problem, problemAt } from './problems.js';
import { asList, asMap, listRawPages, type RawMap, read } from './raw.js';

/** The outcome of {@link checkCounts}. */
export interface CountResult {
  /** One problem per count over its limit. */
  problems: Problem[];
  /** The script with every counted list and map cut to its limit (the script itself when none is over). */
  data: RawMap;
  /** Pages whose panel list was cut: their slot counts and layouts are not checked. */
  cutPages: ReadonlySet<number>;
}

/** Per-panel lists and their limits; `caption` and `captions` may also be a single item. */
const PANEL_LISTS = [
  ['characters', L.maxCharactersPerPanel, 'characters in this panel'],
  ['dialogue', L.maxDialoguePerPanel, 'dialogue lines in this panel'],
  ['caption', L.maxCaptionsPerPanel, 'captions in this panel'],
  ['captions', L.maxCaptionsPerPanel, 'captions in this panel'],
  ['sfx', L.maxSfxPerPanel, 'sound effects in this panel'],
] as const;

/** A copy of `map` with `key` set to `value` (null prototype, like every parsed map). */
function withKey(map: RawMap, key: string, value: unknown): RawMap {
  const copy: RawMap = Object.assign(Object.create(null), map);
  copy[key] = value;
  return copy;
}

/** A map with only its first `limit` entries. */
function firstEntries(map: RawMap, limit: number): RawMap {
  const copy: RawMap = Object.create(null);
  for (const key of Object.keys(map).slice(0, limit)) copy[key] = map[key];
  return copy;
}

/** Counts and cuts one panel's lists; `path` is the panel's. */
function boundPanel(panel: unknown, path: Array<string | number>, problems: Problem[]): unknown {
  let map = asMap(panel);
  if (map === undefined) return panel;
  for (const [key, limit, what] of PANEL_LISTS) {
    const list = asList(read(map, key));
    if (list === undefined || list.length <= limit) continue;
    problems.push(problemAt([...path, key], `too many ${what}: ${list.length} (limit ${limit})`));
    map = withKey(map, key, list.slice(0, limit));
  }
  return map;
}

/** Checks the size of a map section (`characters`, `locations`) and cuts it. */
function boundSection(
  data: RawMap,
  key: 'characters' | 'locations',
  limit: number,
  problems: Problem[],
): RawMap {
  const section = asMap(read(data, key));
  const count = section === undefined ? 0 : Object.keys(section).length;
  if (section === undefined || count <= limit) return data;
  problems.push(problemAt([key], `too many ${key}: ${count} (limit ${limit})`));
  return withKey(data, key, firstEntries(section, limit));
}

/**
 * Checks pages, panels (per page and in the issue), characters, locations and each panel's
 * characters, dialogue, captions and sound effects against `STORY_LIMITS`.
 */
export function checkCounts(script: RawMap): CountResult {
  const problems: Problem[] = [];
  const cutPages = new Set<number>();
  let data = boundSection(script, 'characters', L.maxCharacters, problems);
  data = boundSection(data, 'locations', L.maxLocations, problems);
  const cover = boundPanel(read(data, 'cover'), ['cover'], problems);
  if (cover !== read(data, 'cover')) data = withKey(data, 'cover', cover);

  const pages = asList(read(data, 'pages'));
  if (pages === undefined) return { problems, data, cutPages };
  if (pages.length > L.maxPages) {
    problems.push(problemAt(['pages'], `too many pages: ${pages.length} (limit ${L.maxPages})`));
  }
  const total = listRawPages(data).reduce(
    (sum, { page }) => sum + (asList(read(page, 'panels'))?.length ?? 0),
    0,
  );
  if (total > L.maxPanels) {
    problems.push(
      problemAt(['pages'], `too many panels in the issue: ${total} (limit ${L.maxPanels})`),
    );
  }
  const kept: unknown[] = [];
  let changed = pages.length > L.maxPages;
  let room = L.maxPanels;
  for (const [index, page] of pages.slice(0, L.maxPages).entries()) {
    const map = asMap(page);
    const panels = asList(read(map, 'panels'));
    if (map === undefined || panels === undefined) {
      kept.push(page);
      continue;
    }
    if (room <= 0) {
      changed = true;
      break;
    }
    const path = ['pages', index, 'panels'];
    if (panels.length > L.maxPanelsPerPage) {
      problems.push(
        problemAt(
          path,
          `too many panels on this page: ${panels.length} (limit ${L.maxPanelsPerPage})`,
        ),
      );
    }
    const limit = Math.min(L.maxPanelsPerPage, room);
    if (panels.length > limit) cutPages.add(index);
    const bounded = panels
      .slice(0, limit)
      .map((panel, i) => boundPanel(panel, [...path, i], problems));
    room -= bounded.length;
    const same = bounded.length === panels.length && bounded.every((p, i) => p === panels[i]);
    kept.push(same ? page : withKey(map, 'panels', bounded));
    changed ||= !same;
  }
  if (!changed) return { problems, data, cutPages };
  return { problems, data: withKey(data, 'pages', kept), cutPages };
}

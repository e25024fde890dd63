/**
 * Size limits checked before schema validation, so an oversized script fails fast without
 * validating thousands of entries.
 */
import { STORY_LIMITS } from './limits.js';
import { type Problem, problemAt } from './problems.js';
import { asList, asMap, listRawPages, type RawMap, read } from './raw.js';

/** `too many <what>: n (limit m)` when a count exceeds its limit. */
function checkCount(
  count: number,
  limit: number,
  what: string,
  path: Array<string | number>,
): Problem[] {
  return count > limit ? [problemAt(path, `too many ${what}: ${count} (limit ${limit})`)] : [];
}

/** Checks pages, panels, characters and locations against `STORY_LIMITS`. */
export function checkCounts(data: RawMap): Problem[] {
  const pages = asList(read(data, 'pages')) ?? [];
  const problems = [
    ...checkCount(pages.length, STORY_LIMITS.maxPages, 'pages', ['pages']),
    ...checkCount(
      Object.keys(asMap(read(data, 'characters')) ?? {}).length,
      STORY_LIMITS.maxCharacters,
      'characters',
      ['characters'],
    ),
    ...checkCount(
      Object.keys(asMap(read(data, 'locations')) ?? {}).length,
      STORY_LIMITS.maxLocations,
      'locations',
      ['locations'],
    ),
  ];
  let total = 0;
  for (const { page, index } of listRawPages(data)) {
    const panels = asList(read(page, 'panels')) ?? [];
    total += panels.length;
    problems.push(
      ...checkCount(panels.length, STORY_LIMITS.maxPanelsPerPage, 'panels on this page', [
        'pages',
        index,
        'panels',
      ]),
    );
  }
  problems.push(...checkCount(total, STORY_LIMITS.maxPanels, 'panels in the issue', ['pages']));
  return problems;
}

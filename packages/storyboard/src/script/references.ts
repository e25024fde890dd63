/**
 * Cross-reference checks: every character, speaker and location a panel names must be defined.
 * Misspellings get a suggestion: `unknown character \`mra\`; did you mean \`mara\`?`.
 */
import { type Problem, problemAt, problemAtKey } from './problems.js';
import {
  asId,
  asList,
  asMap,
  hasKey,
  listRawPages,
  listRawPanels,
  type RawMap,
  type RawPath,
  read,
} from './raw.js';
import { DIALOGUE_KEYS } from './schema.js';
import { describeSuggestion } from './suggest.js';

/** What can be referenced: ids defined in `characters` or `locations`. */
interface Catalogue {
  kind: 'character' | 'location';
  section: 'characters' | 'locations';
  ids: ReadonlySet<string>;
}

/** The problem for one reference, or none when it resolves (or is not a valid id at all). */
function checkReference(
  value: unknown,
  catalogue: Catalogue,
  path: RawPath,
  target: 'key' | 'value',
): Problem[] {
  const ref = asId(value);
  if (ref === undefined || catalogue.ids.has(ref)) return [];
  const message =
    catalogue.ids.size === 0
      ? `unknown ${catalogue.kind} \`${ref}\`: the script defines no \`${catalogue.section}\``
      : `unknown ${catalogue.kind} \`${ref}\`${describeSuggestion(ref, catalogue.ids)}`;
  return [target === 'key' ? problemAtKey(path, message) : problemAt(path, message)];
}

/** References in a panel's `characters` (an id or a list of ids). */
function checkPanelCharacters(panel: RawMap, path: RawPath, characters: Catalogue): Problem[] {
  const value = read(panel, 'characters');
  const list = asList(value);
  if (list === undefined)
    return checkReference(value, characters, [...path, 'characters'], 'value');
  return list.flatMap((item, i) =>
    checkReference(item, characters, [...path, 'characters', i], 'value'),
  );
}

/** Speakers of a panel's dialogue, in full or `speaker: text` form. */
function checkSpeakers(panel: RawMap, path: RawPath, characters: Catalogue): Problem[] {
  const value = read(panel, 'dialogue');
  const lines = asList(value) ?? (value === undefined ? [] : [value]);
  const base = asList(value) === undefined ? [...path, 'dialogue'] : undefined;
  return lines.flatMap((line, i) => {
    const map = asMap(line);
    if (map === undefined) return [];
    const linePath = base ?? [...path, 'dialogue', i];
    if (hasKey(map, 'speaker')) {
      return checkReference(map.speaker, characters, [...linePath, 'speaker'], 'value');
    }
    const keys = Object.keys(map).filter(
      (key) => !(DIALOGUE_KEYS as readonly string[]).includes(key),
    );
    if (keys.length !== 1 || keys[0] === undefined) return [];
    return checkReference(keys[0], characters, [...linePath, keys[0]], 'key');
  });
}

/** Reads the ids a section defines. */
function catalogueOf(data: RawMap, section: Catalogue['section']): Catalogue {
  const ids = new Set(Object.keys(asMap(read(data, section)) ?? {}));
  return { kind: section === 'characters' ? 'character' : 'location', section, ids };
}

/** Checks every character, speaker and location reference in pages, panels and the cover. */
export function checkReferences(data: RawMap): Problem[] {
  const characters = catalogueOf(data, 'characters');
  const locations = catalogueOf(data, 'locations');
  const problems: Problem[] = [];
  for (const { page, index } of listRawPages(data)) {
    if (hasKey(page, 'location')) {
      problems.push(
        ...checkReference(page.location, locations, ['pages', index, 'location'], 'value'),
      );
    }
  }
  for (const { panel, path } of listRawPanels(data, true)) {
    if (panel === undefined) continue;
    problems.push(...checkPanelCharacters(panel, path, characters));
    problems.push(...checkSpeakers(panel, path, characters));
    if (hasKey(panel, 'location')) {
      problems.push(...checkReference(panel.location, locations, [...path, 'location'], 'value'));
    }
  }
  return problems;
}

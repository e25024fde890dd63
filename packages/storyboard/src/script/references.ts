/**
 * Cross-reference checks: every character, speaker and location a panel names must be defined.
 * Misspellings get a suggestion: `unknown character \`mra\`; did you mean \`mara\`?`.
 */

import { STORY_LIMITS } from './limits.js';
import { type Problem, problemAt, problemAtKey } from './problems.js';
import {
  asId,
  asList,
  asMap,
  hasKey,
  listRawDialogue,
  listRawPages,
  listRawPanels,
  type RawMap,
  type RawPath,
  read,
} from './raw.js';
import { DIALOGUE_KEYS, PANEL_CHARACTER_KEYS } from './schema.js';
import { describeSuggestion } from './suggest.js';

/** What can be referenced: ids defined in `characters` or `locations`. */
interface Catalogue {
  kind: 'character' | 'location';
  section: 'characters' | 'locations';
  ids: ReadonlySet<string>;
  /** `; did you mean …?` for an unknown id, or an empty string. */
  suggest(ref: string): string;
}

/**
 * Most suggestions worked out per check: each compares the id with every defined one, and an
 * error lists at most `maxIssues` problems anyway.
 */
const MAX_SUGGESTIONS = STORY_LIMITS.maxIssues;

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
      : `unknown ${catalogue.kind} \`${ref}\`${catalogue.suggest(ref)}`;
  return [target === 'key' ? problemAtKey(path, message) : problemAt(path, message)];
}

/** The reference in one `characters` entry: an id, `{id, at}` or `id: position`. */
function checkPanelCharacter(item: unknown, path: RawPath, characters: Catalogue): Problem[] {
  const map = asMap(item);
  if (map === undefined) return checkReference(item, characters, path, 'value');
  if (hasKey(map, 'id')) return checkReference(map.id, characters, [...path, 'id'], 'value');
  const keys = Object.keys(map).filter(
    (key) => !(PANEL_CHARACTER_KEYS as readonly string[]).includes(key),
  );
  if (keys.length !== 1 || keys[0] === undefined) return [];
  return checkReference(keys[0], characters, [...path, keys[0]], 'key');
}

/** References in a panel's `characters` (an entry or a list of entries). */
function checkPanelCharacters(panel: RawMap, path: RawPath, characters: Catalogue): Problem[] {
  const value = read(panel, 'characters');
  if (value === undefined) return [];
  const list = asList(value);
  if (list === undefined) return checkPanelCharacter(value, [...path, 'characters'], characters);
  return list.flatMap((item, i) =>
    checkPanelCharacter(item, [...path, 'characters', i], characters),
  );
}

/** Speakers of a panel's dialogue, in full or `speaker: text` form. */
function checkSpeakers(panel: RawMap, path: RawPath, characters: Catalogue): Problem[] {
  return listRawDialogue(panel, path).flatMap(({ line, path: linePath }) => {
    if (hasKey(line, 'speaker')) {
      return checkReference(line.speaker, characters, [...linePath, 'speaker'], 'value');
    }
    const keys = Object.keys(line).filter(
      (key) => !(DIALOGUE_KEYS as readonly string[]).includes(key),
    );
    if (keys.length !== 1 || keys[0] === undefined) return [];
    return checkReference(keys[0], characters, [...linePath, keys[0]], 'key');
  });
}

/**
 * Reads the ids a section of `definitions` defines; suggestions come from the ids `data` keeps
 * (at most the limit), and only for the first {@link MAX_SUGGESTIONS} unknown ids.
 */
function catalogueOf(data: RawMap, definitions: RawMap, section: Catalogue['section']): Catalogue {
  const ids = new Set(Object.keys(asMap(read(definitions, section)) ?? {}));
  const candidates = Object.keys(asMap(read(data, section)) ?? {});
  const known = new Map<string, string>();
  return {
    kind: section === 'characters' ? 'character' : 'location',
    section,
    ids,
    suggest(ref) {
      let suggestion = known.get(ref);
      if (suggestion === undefined && known.size < MAX_SUGGESTIONS) {
        suggestion = describeSuggestion(ref, candidates);
        known.set(ref, suggestion);
      }
      return suggestion ?? '';
    },
  };
}

/**
 * Checks every character, speaker and location reference in pages, panels and the cover, against
 * the ids `definitions` gives (the whole script, when `data` is a view cut to the limits).
 */
export function checkReferences(data: RawMap, definitions: RawMap = data): Problem[] {
  const characters = catalogueOf(data, definitions, 'characters');
  const locations = catalogueOf(data, definitions, 'locations');
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

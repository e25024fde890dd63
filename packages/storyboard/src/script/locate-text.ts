import type { StoryIssue } from './errors.js';
import { createLocator } from './positions.js';
import { readYaml } from './read-yaml.js';

/** A text the script letters: the cover title, or a caption, dialogue line or sound effect. */
export interface LetteredTextPlace {
  /** 1-based page number, or `'cover'`. */
  page: number | 'cover';
  /** 0-based position of the panel on its page (slot order); ignored for the cover. */
  panel: number;
  field: 'title' | 'caption' | 'dialogue' | 'sfx';
  /** 0-based position among the panel's items of that field. */
  index: number;
}

/** Where a lettered text may be written, most specific first (a field has a short form). */
function candidatePaths(place: LetteredTextPlace): Array<Array<string | number>> {
  const base: Array<string | number> =
    place.page === 'cover' ? ['cover'] : ['pages', place.page - 1, 'panels', place.panel];
  switch (place.field) {
    case 'title':
      return [['cover', 'title'], ['title']];
    case 'caption':
      return [
        [...base, 'captions', place.index],
        [...base, 'caption', place.index],
        [...base, 'caption'],
        [...base, 'captions'],
      ];
    case 'sfx':
      return [
        [...base, 'sfx', place.index],
        [...base, 'sfx'],
      ];
    case 'dialogue':
      return [[...base, 'dialogue', place.index]];
  }
}

/**
 * Turns problems found in a script's lettered text (text that cannot fit, a character no font
 * has) into issues at their file, line and column, as the parser reports its own problems.
 * `source` is the script's text, already known to parse.
 */
export function locateLetteredText(
  source: string,
  file: string,
  problems: ReadonlyArray<{ place: LetteredTextPlace; message: string }>,
): StoryIssue[] {
  const read = readYaml(source);
  const locator = read.ok ? createLocator(read.doc, read.lineCounter) : undefined;
  return problems.map(({ place, message }) => {
    const candidates = candidatePaths(place);
    for (const path of candidates) {
      const located = locator?.locate(path, 'value');
      if (located?.node !== undefined) return { file, ...pick(located), path, message };
    }
    const fallback = candidates[0] as Array<string | number>;
    const located = locator?.locate(fallback, 'value') ?? { line: 1, column: 1 };
    return { file, ...pick(located), path: fallback, message };
  });
}

const pick = ({ line, column }: { line: number; column: number }) => ({ line, column });

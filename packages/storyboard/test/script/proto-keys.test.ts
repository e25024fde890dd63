/**
 * `__proto__` and other names of `Object.prototype` as keys: reported as the invalid ids they
 * are, or accepted as ordinary names, never silently dropped; parsed maps have no prototype.
 */
import { describe, expect, it } from 'vitest';
import { parseStory, safeParseStory } from '../../src/script/index.js';

/** The issues of a script, as `[line, column, path, message]`. */
function issuesOf(text: string): Array<[number, number, string, string]> {
  const result = safeParseStory(text, { file: 'proto.yaml' });
  if (result.ok) return [];
  return result.issues.map((i) => [i.line, i.column, i.path.join('.'), i.message]);
}

const NOT_AN_ID =
  'id `__proto__` is not valid: use a–z, 0–9, `-` and `_`, starting with a letter or digit';

describe('__proto__', () => {
  it('in characters is reported at the key', () => {
    expect(
      issuesOf(
        'title: T\ncharacters:\n  mara: a woman\n  __proto__: a shadow\npages: [{ panels: [a] }]\n',
      ),
    ).toEqual([[4, 3, 'characters.__proto__', NOT_AN_ID]]);
  });

  it('in locations is reported at the key', () => {
    expect(
      issuesOf('title: T\nlocations: { __proto__: a void }\npages: [{ panels: [a] }]\n'),
    ).toEqual([[2, 14, 'locations.__proto__', NOT_AN_ID]]);
  });

  it('as a speaker is reported at the key, with no "exactly one speaker" follow-on', () => {
    const text =
      'title: T\ncharacters: { mara: m }\npages:\n  - panels:\n      - scene: a\n        dialogue:\n          - __proto__: hello\n';
    expect(issuesOf(text)).toEqual([[7, 13, 'pages.0.panels.0.dialogue.0.__proto__', NOT_AN_ID]]);
  });

  it('as a key of a settings map is an unknown key', () => {
    expect(
      issuesOf('title: T\npage: { __proto__: { dpi: 1 } }\npages: [{ panels: [a] }]\n'),
    ).toEqual([[2, 9, 'page.__proto__', 'unknown key `__proto__`']]);
  });
});

describe('other names of Object.prototype', () => {
  it('are ordinary ids, and the story maps have no prototype', () => {
    const story = parseStory(
      'title: T\ncharacters: { constructor: a builder }\nlocations: { valueof: a hall }\npages:\n  - panels: [{ scene: a, characters: [constructor], location: valueof, dialogue: [constructor: hi] }]\n',
      { file: 'proto.yaml' },
    );
    expect(Object.keys(story.characters)).toEqual(['constructor']);
    expect(Object.getPrototypeOf(story.characters)).toBeNull();
    expect(Object.getPrototypeOf(story.locations)).toBeNull();
    expect(story.pages[0]?.panels[0]?.dialogue[0]?.speaker).toBe('constructor');
  });

  it('are unknown characters when not defined, even `hasownproperty`', () => {
    expect(
      issuesOf(
        'title: T\ncharacters: { mara: m }\npages: [{ panels: [{ scene: a, characters: [hasownproperty] }] }]\n',
      ),
    ).toEqual([[3, 45, 'pages.0.panels.0.characters.0', 'unknown character `hasownproperty`']]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  formatIssues,
  formatPath,
  parseStory,
  STORY_LIMITS,
  StoryValidationError,
  safeParseStory,
} from '../../src/script/index.js';
import { issuesOf, messagesOf } from './_issues.js';

const THREE_MISTAKES = `title: Three
characters:
  mara: a tall woman
pages:
  - panels:
      - scene: a
        characters: [mra]
        shot: clsoe-up
    captoin: oops
`;

/** Parses text that must fail and returns the error. */
function failWith(text: string): StoryValidationError {
  try {
    parseStory(text, { file: 'story.yaml' });
  } catch (error) {
    if (error instanceof StoryValidationError) return error;
    throw error;
  }
  throw new Error('expected the script to be rejected');
}

describe('StoryValidationError', () => {
  const error = failWith(THREE_MISTAKES);

  it('reports every problem at once, sorted by position', () => {
    expect(error.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [7, 22, 'unknown character `mra`; did you mean `mara`?'],
      [8, 15, 'unknown shot `clsoe-up`; did you mean `close-up`?'],
      [9, 5, 'unknown key `captoin`'],
    ]);
  });

  it('is a named Error with a readable multi-line message', () => {
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StoryValidationError');
    expect(error.message).toBe(
      [
        'story.yaml: 3 problems',
        'story.yaml:7:22 pages[0].panels[0].characters[0]: unknown character `mra`; did you mean `mara`?',
        'story.yaml:8:15 pages[0].panels[0].shot: unknown shot `clsoe-up`; did you mean `close-up`?',
        'story.yaml:9:5 pages[0].captoin: unknown key `captoin`',
      ].join('\n'),
    );
  });

  it('carries file, line, column and path on every issue', () => {
    for (const issue of error.issues) {
      expect(issue.file).toBe('story.yaml');
      expect(issue.line).toBeGreaterThan(0);
      expect(issue.column).toBeGreaterThan(0);
      expect(Array.isArray(issue.path)).toBe(true);
    }
  });
});

describe('safeParseStory', () => {
  it('returns the story on success', () => {
    const result = safeParseStory('title: T\npages:\n  - panels: [a]\n', { file: 'ok.yaml' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.story.title).toBe('T');
  });

  it('returns the same issues parseStory throws', () => {
    const result = safeParseStory(THREE_MISTAKES, { file: 'story.yaml' });
    expect(result).toEqual({ ok: false, issues: failWith(THREE_MISTAKES).issues });
  });

  it('rejects input that is not text', () => {
    const result = safeParseStory(42 as unknown as string, { file: 'x.yaml' });
    expect(result).toEqual({
      ok: false,
      issues: [
        { file: 'x.yaml', line: 1, column: 1, path: [], message: 'the script must be text' },
      ],
    });
  });
});

describe('suggestions in messages', () => {
  it.each([
    ['titel: T\npages: [{ panels: [a] }]\n', 'unknown key `titel`; did you mean `title`?'],
    [
      'title: T\npages: [{ panels: [{ scene: a, captoin: x }] }]\n',
      'unknown key `captoin`; did you mean `caption`?',
    ],
    [
      'title: T\ncharacters: { mara: m }\npages: [{ panels: [{ scene: a, dialogue: [mra: hi] }] }]\n',
      'unknown character `mra`; did you mean `mara`?',
    ],
    [
      'title: T\nlocations: { harbor: h }\npages: [{ location: harbour, panels: [a] }]\n',
      'unknown location `harbour`; did you mean `harbor`?',
    ],
    ['title: T\npages: [{ layout: grid-3x3s, panels: [a] }]\n', 'did you mean `grid-3x3`?'],
    ['title: T\ndirection: RTL\npages: [{ panels: [a] }]\n', 'did you mean `rtl`?'],
    [
      'title: T\ngeneration: { seedmode: fixed }\npages: [{ panels: [a] }]\n',
      'unknown key `seedmode`; did you mean `seedMode`?',
    ],
  ])('%#: %s', (text, message) => {
    expect(messagesOf(text).join('\n')).toContain(message);
  });

  it('does not repeat "missing text" when the misspelt key already says so', () => {
    const text =
      'title: T\ncharacters: { mara: m }\npages: [{ panels: [{ scene: a, dialogue: [{ speaker: mara, txt: hi }] }] }]\n';
    expect(messagesOf(text)).toEqual(['unknown key `txt`; did you mean `text`?']);
  });
});

describe('no bogus follow-on problems', () => {
  it('a value of the wrong type gets one problem, not also a length check', () => {
    expect(messagesOf('title: T\npages:\n  - panels: "a string that is thirty chars!"\n')).toEqual([
      'expected a list, got the text "a string that is thirty chars!"',
    ]);
  });
});

describe('numbers beyond 2^53', () => {
  it.each([
    [
      'generation: { seed: 9007199254740993 }',
      'must be at most 4294967295, got the number 9007199254740993',
    ],
    ['issue: 18446744073709551617', 'must be at most 99999, got the number 18446744073709551617'],
    ['series: 9007199254740993', 'expected text, got the number 9007199254740993'],
  ])('are quoted as written: %s', (line, message) => {
    expect(messagesOf(`title: T\n${line}\npages: [{ panels: [a] }]\n`)).toEqual([
      expect.stringContaining(message),
    ]);
  });
});

describe('issue cap', () => {
  it(`lists at most ${STORY_LIMITS.maxIssues} problems and summarises the rest`, () => {
    const panels = Array.from({ length: 20 }, () => '{ scene: a, shot: nope }').join(', ');
    const pages = Array.from({ length: 15 }, () => `  - panels: [${panels}]`).join('\n');
    const issues = issuesOf(`title: T\npages:\n${pages}\n`);
    expect(issues).toHaveLength(STORY_LIMITS.maxIssues + 1);
    expect(issues.at(-1)?.message).toBe('…and 100 more problems');
  });
});

describe('formatting', () => {
  it.each([
    [[], ''],
    [['title'], 'title'],
    [['pages', 0, 'panels', 12, 'dialogue'], 'pages[0].panels[12].dialogue'],
    [['characters', 'a/b'], 'characters["a/b"]'],
    [['x', 'a\u202Eb'], 'x["a\\u202Eb"]'],
  ])('formatPath(%j) is %j', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });

  it('formats an issue without a path', () => {
    expect(formatIssues([{ file: 'f.yaml', line: 2, column: 3, path: [], message: 'm' }])).toBe(
      'f.yaml:2:3: m',
    );
  });
});

/**
 * Hostile and broken input: the parser must answer with a story or a StoryValidationError,
 * never another exception, and must stop early on oversized or explosive documents.
 */
import { describe, expect, it } from 'vitest';
import {
  parseStory,
  STORY_LIMITS,
  type StoryIssue,
  StoryValidationError,
} from '../../src/script/index.js';
import { readFixture } from './_fixtures.js';
import { issuesOf } from './_issues.js';

const COMPLETE = readFixture('valid', 'complete');

/** Parses and returns 'ok', or the issues; fails the test on any other exception. */
function outcome(text: string): 'ok' | StoryIssue[] {
  try {
    parseStory(text, { file: 'hostile.yaml' });
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(StoryValidationError);
    const issues = (error as StoryValidationError).issues;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) {
      expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.column).toBeGreaterThanOrEqual(1);
      expect(issue.message.length).toBeGreaterThan(0);
    }
    return [...issues];
  }
}

/** A small deterministic pseudo-random generator (LCG), so garbage is the same every run. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('limits on the document itself', () => {
  it('rejects a script over the byte limit before parsing it', () => {
    const text = `title: Big\nsummary: "${'x'.repeat(STORY_LIMITS.maxBytes)}"\npages: [{ panels: [a] }]\n`;
    const issues = outcome(text);
    expect(issues).not.toBe('ok');
    expect(issues).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        message: expect.stringContaining('too large'),
      }),
    ]);
  });

  it('rejects extreme flow nesting', () => {
    const depth = 100_000;
    const issues = outcome(`title: Deep\nsummary: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    expect(issues).not.toBe('ok');
    expect((issues as StoryIssue[])[0]?.message).toContain('nested too deeply');
  });

  it('rejects extreme block nesting', () => {
    const lines = Array.from({ length: 1400 }, (_, i) => `${' '.repeat(i)}a:`).join('\n');
    const issues = outcome(`${lines} 1\n`);
    expect(issues).not.toBe('ok');
    expect((issues as StoryIssue[])[0]?.message).toContain('nested too deeply');
  });

  it('rejects more aliases than the limit', () => {
    const refs = Array.from({ length: STORY_LIMITS.maxAliasCount + 1 }, () => '*p').join(', ');
    const issues = outcome(`title: Aliases\nx: &p a\npages: [{ panels: [${refs}] }]\n`);
    expect(issues).not.toBe('ok');
    expect((issues as StoryIssue[])[0]?.message).toContain('alias');
  });

  it('accepts a few aliases', () => {
    const text = 'title: Aliases\npages:\n  - &page { panels: [a] }\n  - *page\n';
    const story = parseStory(text, { file: 'a.yaml' });
    expect(story.pages.map((page) => page.id)).toEqual(['p1', 'p2']);
  });
});

describe('broken input never throws anything but StoryValidationError', () => {
  it('every truncated prefix of the complete example', () => {
    let parsed = 0;
    for (let end = 0; end <= COMPLETE.length; end += end % 3 === 0 ? 1 : 11) {
      if (outcome(COMPLETE.slice(0, end)) === 'ok') parsed += 1;
    }
    expect(outcome(COMPLETE)).toBe('ok');
    expect(parsed).toBeGreaterThanOrEqual(1);
  });

  it('the complete example with any one line removed', () => {
    const lines = COMPLETE.split('\n');
    lines.forEach((_, i) => {
      outcome([...lines.slice(0, i), ...lines.slice(i + 1)].join('\n'));
    });
  });

  it('deterministic garbage built from YAML punctuation and odd characters', () => {
    const random = createRandom(42);
    const alphabet = [
      ...':-[]{},&*!|>\'"%@`#?\n\n  \t',
      'title',
      'pages',
      'panels',
      'a',
      '0',
      '1e308',
      '\u0000',
      '\u202E',
      '\uFEFF',
      '\uD800',
      '🌧️',
      '\r\n',
      '<<',
      '---',
      '...',
    ];
    for (let sample = 0; sample < 300; sample++) {
      const length = Math.floor(random() * 80);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      outcome(text);
    }
  });

  it.each([
    ['\u0000', 'NUL bytes'],
    ['title: T\npages: [{ panels: [a] }]\n\u0000', 'a trailing NUL'],
    ['%YAML 1.1\n---\ntitle: T\n', 'a YAML directive'],
    ['title: !custom T\npages: [{ panels: [a] }]\n', 'a custom tag'],
    ['title: T\n<<: { pages: [{ panels: [a] }] }\n', 'a merge key'],
    ['title: T\npages: *nowhere\n', 'an undefined alias'],
    ['? [a, b]\n: c\n', 'a complex key'],
    ['title: T\n__proto__: { polluted: true }\npages: [{ panels: [a] }]\n', 'a __proto__ key'],
    ['title: T\nconstructor: x\npages: [{ panels: [a] }]\n', 'a constructor key'],
    ['title: T\npages: [{ panels: [{ scene: a, shot: constructor }] }]\n', 'shot `constructor`'],
  ])('%j (%s)', (text) => {
    expect(outcome(text)).not.toBe('ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('line endings and byte order marks', () => {
  it('parses CRLF and a BOM the same as LF', () => {
    const lf = parseStory(COMPLETE, { file: 'a.yaml' });
    expect(parseStory(`\uFEFF${COMPLETE.replaceAll('\n', '\r\n')}`, { file: 'a.yaml' })).toEqual(
      lf,
    );
  });

  it('locates issues in CRLF files', () => {
    const issues = issuesOf('title: T\r\npages:\r\n  - panels: [a]\r\n    lyout: splash\r\n');
    expect(issues.map((i) => [i.line, i.column])).toEqual([[4, 5]]);
  });
});

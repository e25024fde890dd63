/**
 * Characters text may not hold: every text field ends up in XML, HTML, PDF metadata, prompts or
 * the terminal, so characters XML refuses (U+FFFE, U+FFFF, lone surrogates), bidirectional
 * controls that can spoof a title, and line separators in one-line labels are refused at
 * validation, at the value's line and column, with the field named.
 */

import { describe, expect, it } from 'vitest';
import { isScalar, LineCounter, parseDocument, visit } from 'yaml';
import { parseStory } from '../../src/script/index.js';
import { readFixture } from './_fixtures.js';
import { issuesOf } from './_issues.js';

const COMPLETE = readFixture('valid', 'complete');

/** A YAML double-quoted string with every non-ASCII character escaped (`\uFFFE`, `\uD800`). */
function quoteEscaped(value: string): string {
  return JSON.stringify(value).replace(
    /[^\u0020-\u007e]/g,
    (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}

/** Every string value of the complete example: where it starts and where it ends. */
function listStringValues(): Array<{ start: number; end: number; value: string }> {
  const doc = parseDocument(COMPLETE);
  const values: Array<{ start: number; end: number; value: string }> = [];
  visit(doc, {
    Pair(_key, pair) {
      const node = pair.value;
      if (isScalar(node) && typeof node.value === 'string' && node.range) {
        values.push({ start: node.range[0], end: node.range[1], value: node.value });
      }
    },
    Seq(_key, seq) {
      for (const node of seq.items) {
        if (isScalar(node) && typeof node.value === 'string' && node.range) {
          values.push({ start: node.range[0], end: node.range[1], value: node.value });
        }
      }
    },
  });
  return values;
}

describe('every text value of the complete example', () => {
  const values = listStringValues();
  const lines = new LineCounter();
  parseDocument(COMPLETE, { lineCounter: lines });

  it('is a long list (the test covers every field the example uses)', () => {
    expect(values.length).toBeGreaterThan(60);
    expect(parseStory(COMPLETE, { file: 'complete.yaml' }).title).toBe('The Drowned Harbor');
  });

  it.each([
    ['U+FFFE', '\uFFFE'],
    ['a lone surrogate', '\uD800'],
    ['U+202E', '\u202E'],
  ])('refuses %s at the value', (_name, char) => {
    for (const { start, end, value } of values) {
      const text = `${COMPLETE.slice(0, start)}${quoteEscaped(`${value}${char}`)}${COMPLETE.slice(end)}`;
      const { line, col } = lines.linePos(start);
      const at = issuesOf(text).map((issue) => [issue.line, issue.column]);
      expect(at, `${value} at ${line}:${col}`).toContainEqual([line, col]);
    }
  });
});

describe('refused characters', () => {
  const script = (field: string) =>
    `title: T\ncharacters:\n  mara: a woman\npages:\n  - panels:\n      - scene: a room\n        ${field}\n`;

  it.each([
    ['caption: "signal\\uFFFElost"', 'contains U+FFFE, which is not a character'],
    ['caption: "signal\\uFFFFlost"', 'contains U+FFFF, which is not a character'],
    ['caption: "end\\uFDD0"', 'contains U+FDD0, which is not a character'],
    ['caption: "plane\\U0010FFFF"', 'contains U+10FFFF, which is not a character'],
    ['caption: "half\\ud800"', 'contains a lone surrogate U+D800'],
    ['caption: "\\udc00half"', 'contains a lone surrogate U+DC00'],
    ['caption: "a\\u202Db"', 'bidirectional control U+202D (left-to-right override)'],
    ['caption: "a\\u2067b"', 'bidirectional control U+2067 (right-to-left isolate)'],
    ['mood: "a\\u2028b"', 'contains the line separator U+2028; this must be a single line'],
    ['mood: "a\\u2029b"', 'contains the paragraph separator U+2029; this must be a single line'],
    ['mood: "a\\tb"', 'contains the control character U+0009; this must be a single line'],
  ])('%s', (field, message) => {
    const issues = issuesOf(script(field));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 7, column: field.indexOf('"') + 9 });
    expect(issues[0]?.message).toContain(message);
  });

  it('names the field', () => {
    const [issue] = issuesOf(script('dialogue: [{ mara: "hi\\uFFFF" }]'));
    expect(issue?.path).toEqual(['pages', 0, 'panels', 0, 'dialogue', 0, 'mara']);
  });
});

describe('allowed text', () => {
  it('keeps emoji, CJK, right-to-left letters with their marks, and line separators in multi-line text', () => {
    const story = parseStory(
      [
        'title: "שלום\\u200F עולם 🌊"',
        'pages:',
        '  - panels:',
        '      - scene: "漫画のコマ, two lines\\u2028of scene"',
        '        caption: "Ça va? \\U0001F600"',
      ].join('\n'),
      { file: 'ok.yaml' },
    );
    expect(story.title).toBe('שלום\u200F עולם 🌊');
    expect(story.pages[0]?.panels[0]?.scene).toContain('\u2028');
    expect(story.pages[0]?.panels[0]?.captions[0]?.text).toBe('Ça va? 😀');
  });
});

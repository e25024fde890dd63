/**
 * Large and hostile scripts under the size limit: every stage must stay linear (the library's
 * duplicate-key check once took 111 s on one map of 88,000 keys), and a count over its limit
 * must neither hide the other problems nor make the rest of validation scale with it. These
 * tests fail by timing out on a quadratic parser; the time itself is measured in `pnpm bench`.
 */
import { describe, expect, it } from 'vitest';
import { STORY_LIMITS } from '../../src/script/index.js';
import { issuesOf } from './_issues.js';

/** `count` lines `<prefix><i>: x`, indented by `indent`. */
function keyLines(count: number, prefix: string, indent = ''): string {
  return Array.from({ length: count }, (_, i) => `${indent}${prefix}${i}: x\n`).join('');
}

describe('one map of 60,000 keys', () => {
  it('reports a duplicate key at its end with line, column and path', () => {
    const text = `title: Keys\npages: [{ panels: [a] }]\n${keyLines(60_000, 'k')}k7: again\n`;
    const issues = issuesOf(text);
    expect(issues).toContainEqual({
      file: 'story.yaml',
      line: 60_003,
      column: 1,
      path: ['k7'],
      message: 'duplicate key `k7`: each key may appear only once in a map',
    });
  });

  it('lists the first unknown keys and counts the rest, each at its line', () => {
    const text = `title: Keys\npages: [{ panels: [a] }]\n${keyLines(60_000, 'k')}`;
    const issues = issuesOf(text);
    const listed = STORY_LIMITS.maxIssues / 2;
    expect(issues).toHaveLength(listed + 1);
    expect(issues[0]).toMatchObject({ line: 3, column: 1, message: 'unknown key `k0`' });
    expect(issues[listed - 1]).toMatchObject({
      line: listed + 2,
      message: `unknown key \`k${listed - 1}\``,
    });
    expect(issues[listed]).toMatchObject({
      line: listed + 3,
      column: 1,
      message: `…and ${60_000 - listed} more unknown keys in this map`,
    });
  });
});

describe('the token limit', () => {
  it('refuses a script of more tokens than the limit, pointing where it was passed', () => {
    const items = 'a,'.repeat(STORY_LIMITS.maxTokens);
    const issues = issuesOf(`title: Flow\npages: [{ panels: [${items}] }]\n`);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.line).toBe(2);
    expect(issues[0]?.column).toBeGreaterThan(STORY_LIMITS.maxTokens / 2);
    expect(issues[0]?.message).toContain(`more than ${STORY_LIMITS.maxTokens} YAML tokens`);
  });
});

describe('counts over their limits', () => {
  it('do not hide the problems of the panels within the limits', () => {
    const crowded = Array.from({ length: 25 }, (_, i) => `p${i}`).join(', ');
    const issues = issuesOf(
      `title: Crowded\npages:\n  - panels: [${crowded}]\n  - panels: [{ scene: a, shot: clsoe-up }]\n`,
    );
    expect(issues.map((i) => i.message)).toEqual([
      'too many panels on this page: 25 (limit 20)',
      'unknown shot `clsoe-up`; did you mean `close-up`?',
    ]);
  });

  it('cut a list to its limit, so only the items within it are checked further', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `          - who${i}: hi\n`).join('');
    const text = `title: Talk\ncharacters: { mara: a woman }\npages:\n  - panels:\n      - scene: a room\n        dialogue:\n${lines}`;
    const issues = issuesOf(text);
    const limit = STORY_LIMITS.maxDialoguePerPanel;
    expect(issues[0]).toMatchObject({
      line: 7,
      message: `too many dialogue lines in this panel: 5000 (limit ${limit})`,
    });
    expect(issues.slice(1).map((i) => i.message)).toEqual(
      Array.from({ length: limit }, (_, i) => `unknown character \`who${i}\``),
    );
  });

  it('check references against every defined id, not only those within the limit', () => {
    const characters = keyLines(STORY_LIMITS.maxCharacters + 5, 'c', '  ');
    const text = `title: Cast\ncharacters:\n${characters}pages:\n  - panels: [{ scene: a, characters: [c104] }]\n`;
    expect(issuesOf(text).map((i) => i.message)).toEqual([
      `too many characters: ${STORY_LIMITS.maxCharacters + 5} (limit ${STORY_LIMITS.maxCharacters})`,
    ]);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStory, StoryValidationError, safeParseStory } from '../../src/script/index.js';
import { FIXTURES_DIR, listFixtures, readExpectations, readFixture } from './_fixtures.js';

describe('valid fixtures', () => {
  it.each(listFixtures('valid'))('%s parses', (name) => {
    const story = parseStory(readFixture('valid', name), { file: `${name}.yaml` });
    expect(story.pages.length).toBeGreaterThan(0);
  });
});

describe('invalid fixtures (one per validation rule)', () => {
  const names = listFixtures('invalid');

  it('cover at least 30 rules, each with a sidecar', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    for (const name of names) {
      expect(existsSync(`${FIXTURES_DIR}invalid/${name}.expect.json`), name).toBe(true);
    }
  });

  it.each(names)('%s reports exactly the expected issues', (name) => {
    const result = safeParseStory(readFixture('invalid', name), { file: `${name}.yaml` });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const expected = readExpectations(name).issues;
    expect(result.issues).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      const got = result.issues[i];
      expect({ line: got?.line, column: got?.column }, got?.message).toEqual({
        line: want.line,
        column: want.column,
      });
      expect(got?.message).toContain(want.message);
      if (want.path !== undefined) expect(got?.path).toEqual(want.path);
      expect(got?.file).toBe(`${name}.yaml`);
    });
  });

  it.each(names)('%s throws StoryValidationError from parseStory', (name) => {
    expect(() => parseStory(readFixture('invalid', name), { file: `${name}.yaml` })).toThrow(
      StoryValidationError,
    );
  });
});

describe('the README example', () => {
  it('parses', () => {
    const readme = readFileSync(new URL('../../src/script/README.md', import.meta.url), 'utf8');
    const example = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    const story = parseStory(example, { file: 'README.md' });
    expect(story.pages[0]?.panels[1]?.shot).toBe('close-up');
  });
});

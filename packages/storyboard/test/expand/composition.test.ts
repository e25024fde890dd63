import { describe, expect, it } from 'vitest';
import { describeStagePosition, expandPanels } from '../../src/index.js';
import { loadStory } from './_story.js';

describe('describeStagePosition', () => {
  it.each([
    [{ x: 0.25, y: undefined }, 'on the left'],
    [{ x: 0.5, y: undefined }, 'in the center'],
    [{ x: 0.75, y: undefined }, 'on the right'],
    [{ x: 0.1, y: 0.2 }, 'in the top left'],
    [{ x: 0.5, y: 0.1 }, 'at the top'],
    [{ x: 0.9, y: 0.95 }, 'in the bottom right'],
    [{ x: 0.55, y: 0.5 }, 'in the center'],
    [{ x: 0.3, y: 0.45 }, 'on the left'],
  ])('%o reads %s', (at, words) => {
    expect(describeStagePosition(at)).toBe(words);
  });
});

describe('composition hints in prompts', () => {
  const prompts = (edit?: (t: string) => string) =>
    new Map(expandPanels(loadStory('complete.yaml', edit)).map((j) => [j.id, j.inputs.prompt]));

  it('name where the script places characters, after their descriptions', () => {
    const prompt = prompts().get('finale-2') ?? '';
    expect(prompt).toContain(
      'Joe Pike: a wiry dock worker with a red knit cap and a scar across his chin. Composition: Mara Voss on the left, Joe Pike in the top right. Setting:',
    );
  });

  it('appear only where a position is given: removing them restores the old prompts', () => {
    const placed = prompts();
    const plain = prompts((t) =>
      t
        .replace('- mara: left # left', '- mara # left')
        .replace('{ id: joe, at: { x: 0.8, y: 0.35 } }', 'joe')
        .replace('at: right # where', '# where'),
    );
    const changed = [...placed].filter(([id, p]) => plain.get(id) !== p).map(([id]) => id);
    expect(changed.sort()).toEqual(['finale-2', 'joe-runs'].sort());
    for (const prompt of plain.values()) expect(prompt).not.toContain('Composition:');
  });
});

import { describe, expect, it } from 'vitest';
import { readDraftPrompt } from './draft-prompt.js';

const TRIGGER = 'ComicsFact1 style.';
const TAIL =
  'Setting: a dark office. Mood: tense. No text, no lettering, no captions, no speech balloons.';

describe('readDraftPrompt', () => {
  it('reads the shot, the scene, the characters and their positions from a built prompt', () => {
    const read = readDraftPrompt(
      `${TRIGGER} moody ink wash. Close-up on the face: Mara looks up: startled. Mara Voss: a tall woman. Joe: a wiry man, red cap. Composition: Mara Voss in the top right, Joe on the left. ${TAIL}`,
      TRIGGER,
    );
    expect(read).toEqual({
      framing: 'close-up',
      scene: 'Mara looks up: startled',
      figures: [
        { name: 'Mara Voss', at: { x: 0.75, y: 0.3 } },
        { name: 'Joe', at: { x: 0.25, y: undefined } },
      ],
    });
  });

  it('reads a prompt without shot, style or characters', () => {
    expect(readDraftPrompt(`${TRIGGER} The harbor at night. ${TAIL}`, TRIGGER)).toEqual({
      framing: undefined,
      scene: 'The harbor at night',
      figures: [],
    });
  });

  it('takes the sentence before the characters as the scene when a style leads', () => {
    const read = readDraftPrompt(
      `${TRIGGER} black and white noir. Heavy ink. a man waits. ann: a cook. No text, no lettering.`,
      TRIGGER,
    );
    expect(read.scene).toBe('a man waits');
    expect(read.figures).toEqual([{ name: 'ann', at: undefined }]);
  });

  it('gives a raw prompt its first sentence as the scene', () => {
    expect(readDraftPrompt('A cat on a roof. Wide shot, moonlight.')).toEqual({
      framing: undefined,
      scene: 'A cat on a roof',
      figures: [],
    });
  });

  it('does not take one name for the start of another', () => {
    const read = readDraftPrompt(
      `Wide shot, full figures in their surroundings: a duel. Ann: a cook. Ann Lee: a guard. Composition: Ann Lee on the right, Ann in the center. ${TAIL}`,
    );
    expect(read.figures).toEqual([
      { name: 'Ann', at: { x: 0.5, y: undefined } },
      { name: 'Ann Lee', at: { x: 0.75, y: undefined } },
    ]);
  });
});

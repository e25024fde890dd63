import type { PanelArt, StagePosition, Story } from '../script/types.js';

/** Fractions closer to the middle than this read as `center` (or as no vertical word). */
const MIDDLE = 0.1;

/** `left`, `center` or `right` for a fraction across the picture. */
function horizontalWord(x: number): 'left' | 'center' | 'right' {
  if (x < 0.5 - MIDDLE) return 'left';
  if (x > 0.5 + MIDDLE) return 'right';
  return 'center';
}

/** `top`, `bottom` or nothing for a fraction down the picture. */
function verticalWord(y: number | undefined): 'top' | 'bottom' | undefined {
  if (y === undefined) return undefined;
  if (y < 0.5 - MIDDLE) return 'top';
  if (y > 0.5 + MIDDLE) return 'bottom';
  return undefined;
}

/**
 * Where a character is, in words an image model follows: `on the left`, `in the center`,
 * `on the right`, or with a height `in the top left`, `at the top`, `in the bottom right`.
 * @example describeStagePosition({ x: 0.25, y: undefined }) // 'on the left'
 * @example describeStagePosition({ x: 0.8, y: 0.2 }) // 'in the top right'
 */
export function describeStagePosition(at: StagePosition): string {
  const across = horizontalWord(at.x);
  const down = verticalWord(at.y);
  if (down === undefined) return across === 'center' ? 'in the center' : `on the ${across}`;
  return across === 'center' ? `at the ${down}` : `in the ${down} ${across}`;
}

/**
 * The composition hint of a picture, `Composition: Eddie Hale on the left, Lena Vance on the
 * right.`, or `undefined` when the script places no character (so prompts, and cache keys, of
 * scripts without positions stay as they were).
 */
export function describeComposition(story: Story, art: PanelArt): string | undefined {
  const phrases = art.positions.flatMap(({ character, at }) => {
    const name = story.characters[character]?.name;
    return name === undefined ? [] : [`${name} ${describeStagePosition(at)}`];
  });
  return phrases.length === 0 ? undefined : `Composition: ${phrases.join(', ')}.`;
}

import type { Character, DialogueLine, Story } from 'storyboard';
import { parseStory } from 'storyboard';
import { describe, expect, it } from 'vitest';
import { createFontSet } from '../../fonts/font-set.js';
import { pageGeometry } from '../../geometry.js';
import { layoutLettering } from '../layout-lettering.js';
import { assignSides } from './assign-sides.js';
import { letteringRegion } from './lettering-region.js';

const line = (speaker: string, position: DialogueLine['position'] = 'auto'): DialogueLine => ({
  speaker,
  text: 'Hello',
  kind: 'speech',
  position,
});
const character = (side: Character['side']): Character => ({
  id: 'x',
  name: 'X',
  description: 'x',
  voice: undefined,
  side,
});

describe('assignSides', () => {
  it('alternates speakers from the reading-start side', () => {
    const lines = [line('a'), line('b'), line('a'), line('c')];
    expect(assignSides(lines, {}, 'ltr')).toEqual(['left', 'right', 'left', 'right']);
    expect(assignSides(lines, {}, 'rtl')).toEqual(['right', 'left', 'right', 'left']);
  });

  it("prefers the line's position, then the character's side", () => {
    const characters = { a: character('right'), b: character(undefined) };
    expect(assignSides([line('a'), line('b')], characters, 'ltr')).toEqual(['right', 'left']);
    expect(assignSides([line('a', 'top-left'), line('b', 'bottom')], characters, 'ltr')).toEqual([
      'left',
      'center',
    ]);
  });
});

function story(direction: 'ltr' | 'rtl'): Story {
  return parseStory(
    `
title: Sides
direction: ${direction}
page: { size: us-comic, dpi: 100 }
characters:
  a: { name: A, description: someone }
  b: { name: B, description: someone else }
pages:
  - layout: splash
    panels:
      - scene: two people talk
        caption: Later.
        dialogue:
          - a: First thing said in the panel.
          - b: The answer comes second.
`,
    { file: 'sides.yaml' },
  );
}

describe('layoutLettering', () => {
  for (const direction of ['ltr', 'rtl'] as const) {
    it(`keeps reading order (${direction}): first balloon on the reading-start side and higher`, () => {
      const s = story(direction);
      const page = s.pages[0] as Story['pages'][number];
      const geometry = pageGeometry(s, page);
      const layout = layoutLettering(s, { kind: 'page', page }, geometry, createFontSet());
      const balloons = layout.items.filter((item) => item.kind === 'speech');
      const [first, second] = balloons.map((b) => b.bounds) as [
        (typeof balloons)[0]['bounds'],
        (typeof balloons)[0]['bounds'],
      ];
      expect(balloons).toHaveLength(2);
      expect(second.y).toBeGreaterThan(first.y);
      if (direction === 'ltr') expect(first.x).toBeLessThan(second.x);
      else expect(first.x + first.w).toBeGreaterThan(second.x + second.w);
      const caption = layout.items.find((item) => item.kind === 'caption');
      const slot = geometry.slots[0];
      if (caption === undefined || slot === undefined) throw new Error('missing caption');
      const image = letteringRegion(geometry, slot);
      // The caption sits in the reading-start top corner.
      if (direction === 'ltr') expect(caption.bounds.x - image.x).toBeLessThan(20);
      else expect(image.x + image.w - caption.bounds.x - caption.bounds.w).toBeLessThan(20);
      for (const item of layout.items) {
        expect(item.bounds.x).toBeGreaterThanOrEqual(image.x);
        expect(item.bounds.x + item.bounds.w).toBeLessThanOrEqual(image.x + image.w);
      }
    });
  }
});

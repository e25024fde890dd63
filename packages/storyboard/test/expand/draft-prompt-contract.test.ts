/**
 * The emulator's drafts read prompts built here (shot wording, characters, composition hints):
 * this keeps the two in step. Every shot, with and without positions, is read back as written.
 */

import { describe, expect, it } from 'vitest';
import { planDraft, readDraftPrompt } from 'wiro-emulator';
import { buildPrompt, parseStory, SHOT_WORDING, type Story } from '../../src/index.js';

function storyWith(shot: string, characters: string): Story {
  return parseStory(
    `title: T
generation: { style: ink wash. heavy shadows }
characters:
  mara: { name: Mara Voss, description: "a tall woman. Silver hair" }
  joe: a wiry man
pages:
  - panels:
      - shot: ${shot}
        scene: "Mara meets Joe: at last"
        characters: ${characters}
        location: docks
        mood: tense
locations:
  docks: rotting piers
`,
    { file: 'contract.yaml' },
  );
}

describe('drafts read the prompts storyboard builds', () => {
  it.each(Object.keys(SHOT_WORDING))('%s: framing, scene, characters and positions', (shot) => {
    const placed = storyWith(shot, '[{ mara: left }, { id: joe, at: { x: 0.9, y: 0.8 } }]');
    const panel = placed.pages[0]?.panels[0];
    if (!panel) throw new Error('no panel');
    const read = readDraftPrompt(buildPrompt(placed, panel), placed.generation.trigger ?? '');
    expect(read.framing).toBe(shot);
    expect(read.scene).toBe('Mara meets Joe: at last');
    expect(read.figures).toEqual([
      { name: 'Mara Voss', at: { x: 0.25, y: undefined } },
      { name: 'joe', at: { x: 0.75, y: 0.7 } },
    ]);
    const plain = storyWith(shot, '[mara, joe]');
    const plainPanel = plain.pages[0]?.panels[0];
    if (!plainPanel) throw new Error('no panel');
    expect(readDraftPrompt(buildPrompt(plain, plainPanel)).figures).toEqual([
      { name: 'Mara Voss', at: undefined },
      { name: 'joe', at: undefined },
    ]);
  });

  it('puts a placed speaker’s figure on that side of the draft', () => {
    const story = storyWith('medium', '[{ mara: right }, { joe: left }]');
    const panel = story.pages[0]?.panels[0];
    if (!panel) throw new Error('no panel');
    const plan = planDraft({ prompt: buildPrompt(story, panel), width: 1024, height: 1024 });
    const [mara, joe] = plan.figures;
    expect(mara?.cx).toBeGreaterThan(512);
    expect(joe?.cx).toBeLessThan(512);
  });
});

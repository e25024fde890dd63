import type { Shot } from '../script/shots.js';
import type { PanelArt, Story } from '../script/types.js';
import { describeComposition } from './composition.js';

/** How each shot is worded in a prompt. */
export const SHOT_WORDING: Readonly<Record<Shot, string>> = {
  establishing: 'Establishing shot, extreme wide view',
  wide: 'Wide shot, full figures in their surroundings',
  medium: 'Medium shot, framed from the waist up',
  'close-up': 'Close-up on the face',
  'extreme-close-up': 'Extreme close-up',
  'over-the-shoulder': 'Over-the-shoulder shot',
  'birds-eye': "Bird's-eye view from directly above",
  'low-angle': 'Low-angle shot looking up',
  'high-angle': 'High-angle shot looking down',
  'dutch-angle': 'Dutch angle, tilted frame',
  pov: 'Point-of-view shot',
  'two-shot': 'Two-shot, two characters in frame',
  insert: 'Insert shot of a detail',
};

/** Appended to every built prompt: lettering is added later, so the art must carry none. */
export const NO_TEXT_INSTRUCTION = 'No text, no lettering, no captions, no speech balloons.';

const sentence = (text: string) => {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/** The trigger phrase and the style text that lead every prompt. */
function promptHead(story: Story): string[] {
  const { trigger, style } = story.generation;
  return [trigger ? sentence(trigger) : '', style ? sentence(style) : ''].filter(Boolean);
}

/**
 * The final prompt of a panel or the cover: trigger phrase, style, shot wording, scene, each
 * character's visual description, where the script places characters (only when it does),
 * location, mood, lighting, things to avoid, and the no-text instruction. A raw
 * `prompt` override replaces everything after the trigger (which still leads unless the script
 * opted out, and is not repeated when the override already starts with it).
 */
export function buildPrompt(story: Story, art: PanelArt): string {
  const head = promptHead(story);
  if (art.prompt !== undefined) {
    const override = art.prompt.trim();
    const trigger = story.generation.trigger;
    const parts = trigger && override.startsWith(trigger.trim()) ? [override] : [...head, override];
    return parts.join(' ');
  }
  const parts = [...head];
  const scene = art.scene ? art.scene.trim().replace(/\s+/g, ' ') : '';
  parts.push(sentence(art.shot ? `${SHOT_WORDING[art.shot]}: ${scene}` : scene));
  for (const id of art.characters) {
    const character = story.characters[id];
    if (character) parts.push(sentence(`${character.name}: ${character.description}`));
  }
  const composition = describeComposition(story, art);
  if (composition) parts.push(composition);
  const location = art.location ? story.locations[art.location] : undefined;
  if (location) parts.push(sentence(`Setting: ${location.description}`));
  if (art.mood) parts.push(sentence(`Mood: ${art.mood}`));
  if (art.lighting) parts.push(sentence(`Lighting: ${art.lighting}`));
  // The model takes no negative prompt, so things to avoid are said in words.
  if (story.generation.negative) parts.push(sentence(`Avoid: ${story.generation.negative}`));
  parts.push(NO_TEXT_INSTRUCTION);
  return parts.join(' ');
}

/**
 * Reads what a draft needs from a prompt: the camera framing, the scene, the characters named and
 * where the prompt puts them. Prompts built by storyboard read `[trigger.] [style.] [Shot
 * wording: ]scene. Name: description. … [Composition: Name on the left, ….] [Setting: …]
 * [Mood: …] [Lighting: …] [Avoid: …] No text, …`; any other prompt still gives a scene.
 * Best effort by design: a draft only has to look like the layout the prompt asks for.
 */

/** How the camera frames the picture, as the draft draws it. */
export type DraftFraming =
  | 'establishing'
  | 'wide'
  | 'medium'
  | 'close-up'
  | 'extreme-close-up'
  | 'over-the-shoulder'
  | 'birds-eye'
  | 'low-angle'
  | 'high-angle'
  | 'dutch-angle'
  | 'pov'
  | 'two-shot'
  | 'insert';

/** A point in the picture as fractions from its top-left corner; `y` unknown for a side only. */
export interface DraftPosition {
  x: number;
  y: number | undefined;
}

/** A character the prompt names, and where it puts them when it says. */
export interface DraftFigure {
  name: string;
  at: DraftPosition | undefined;
}

/** What a draft is drawn from. */
export interface DraftPrompt {
  /** The shot wording's framing; `undefined` when the prompt names no shot. */
  framing: DraftFraming | undefined;
  /** The scene, as written (no shot wording, no trigger). */
  scene: string;
  /** Characters in prompt order. */
  figures: DraftFigure[];
}

/** Shot wordings, by the words they start with (longest first where one prefixes another). */
const FRAMINGS: ReadonlyArray<readonly [RegExp, DraftFraming]> = [
  [/^establishing\b/i, 'establishing'],
  [/^wide\b/i, 'wide'],
  [/^medium\b/i, 'medium'],
  [/^extreme close-?up\b/i, 'extreme-close-up'],
  [/^close-?up\b/i, 'close-up'],
  [/^over-the-shoulder\b/i, 'over-the-shoulder'],
  [/^bird'?s-eye\b/i, 'birds-eye'],
  [/^low-angle\b/i, 'low-angle'],
  [/^high-angle\b/i, 'high-angle'],
  [/^dutch angle\b/i, 'dutch-angle'],
  [/^point-of-view\b/i, 'pov'],
  [/^two-shot\b/i, 'two-shot'],
  [/^insert\b/i, 'insert'],
];

/** Labelled sentences that follow the characters in a built prompt. */
const TRAILING_LABELS = /^(Composition|Setting|Mood|Lighting|Avoid): /;
const NO_TEXT = /^No text, no lettering/;

/** Position phrases storyboard writes, and the point each stands for. */
const POSITION_PHRASES: ReadonlyArray<readonly [string, DraftPosition]> = [
  ['in the top left', { x: 0.25, y: 0.3 }],
  ['in the top right', { x: 0.75, y: 0.3 }],
  ['in the bottom left', { x: 0.25, y: 0.7 }],
  ['in the bottom right', { x: 0.75, y: 0.7 }],
  ['at the top', { x: 0.5, y: 0.3 }],
  ['at the bottom', { x: 0.5, y: 0.7 }],
  ['on the left', { x: 0.25, y: undefined }],
  ['in the center', { x: 0.5, y: undefined }],
  ['on the right', { x: 0.75, y: undefined }],
];

/** The framing a sentence's label names, if it is a shot wording. */
function readFraming(label: string): DraftFraming | undefined {
  return FRAMINGS.find(([pattern]) => pattern.test(label))?.[1];
}

/** Splits text into sentences after `.`, `!` or `?` followed by a space. */
function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `Name: description.` → `Name`, when the sentence has that shape. */
function readLabel(sentence: string): string | undefined {
  const match = /^([^:]{1,80}): \S/.exec(sentence);
  return match?.[1];
}

const stripEnd = (text: string) => text.replace(/[.!?]+$/, '').trim();

/** Where a composition hint puts `name`, if it names them. */
function findPosition(composition: string, name: string): DraftPosition | undefined {
  for (const [phrase, at] of POSITION_PHRASES) {
    const pattern = new RegExp(`(?:: |, )${escapeRegExp(name)} ${phrase}(?:,|$)`);
    if (pattern.test(composition)) return at;
  }
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Reads a prompt. The trigger phrase, when given and leading the prompt, is left out of the scene.
 * @example readDraftPrompt('Close-up on the face: Mara smiles. Mara: a tall woman. No text, no lettering.')
 * // { framing: 'close-up', scene: 'Mara smiles', figures: [{ name: 'Mara', at: undefined }] }
 */
export function readDraftPrompt(prompt: string, trigger?: string): DraftPrompt {
  let text = prompt.trim().replace(/\s+/g, ' ');
  if (trigger && text.startsWith(trigger)) text = text.slice(trigger.length).trim();
  const sentences = splitSentences(text);
  let end = sentences.findIndex((s) => TRAILING_LABELS.test(s) || NO_TEXT.test(s));
  if (end === -1) end = sentences.length;
  const composition = stripEnd(sentences.find((s) => s.startsWith('Composition: ')) ?? '');
  // The shot sentence is labelled with a shot wording; the characters are the labelled sentences
  // after it (a description may run on over unlabelled sentences), up to the trailing ones.
  const shotIndex = sentences
    .slice(0, end)
    .findIndex((s) => readFraming(readLabel(s) ?? '') !== undefined);
  let first = shotIndex + 1;
  while (first < end && readLabel(sentences[first] as string) === undefined) first += 1;
  const names = sentences.slice(first, end).flatMap((s) => {
    const label = readLabel(s);
    return label === undefined ? [] : [label];
  });
  const shotSentence = shotIndex === -1 ? undefined : (sentences[shotIndex] as string);
  const shotLabel = shotSentence === undefined ? undefined : readLabel(shotSentence);
  const framing = shotLabel === undefined ? undefined : readFraming(shotLabel);
  let scene: string;
  if (shotSentence !== undefined && shotLabel !== undefined) {
    scene = shotSentence.slice(shotLabel.length + 2);
  } else if (first < end) {
    scene = sentences[first - 1] ?? '';
  } else {
    scene = sentences[0] ?? '';
  }
  return {
    framing,
    scene: stripEnd(scene),
    figures: names.map((name) => ({ name, at: findPosition(composition, name) })),
  };
}

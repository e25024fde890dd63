/**
 * The placement benchmark's issue: `pages` pages of varied layouts, shots and casts, each panel
 * with captions, one to three speakers placed by `at`, by `side` or not at all, and sound
 * effects. Deterministic (a fixed linear congruential sequence), so every run letters the same.
 */

const LAYOUTS: ReadonlyArray<[string, number]> = [
  ['grid-2x3', 6],
  ['grid-2x2', 4],
  ['three-tiers', 3],
  ['big-plus-two', 3],
  ['l-shape', 4],
  ['two-tiers', 2],
];
const SHOTS = [
  'medium',
  'wide',
  'close up',
  'two shot',
  'establishing',
  'over the shoulder',
  'low angle',
  'high angle',
];
const LINES = [
  'Where were you last night?',
  'Nowhere you would want to be.',
  'The train leaves at midnight. Be on it.',
  'I heard the shot. Then nothing.',
  'Keep your voice down.',
  'We have company.',
  'You owe me, and you know it.',
  'Not tonight.',
];
const CAPTIONS = ['Later.', 'Across town, the rain kept on.', 'Ten minutes to midnight.'];
const EFFECTS = ['BLAM', 'KRAK', 'WHOOSH', 'THUD'];
const POSITIONS = ['left', 'right', '{ x: 0.3, y: 0.4 }', '{ x: 0.7, y: 0.35 }', 'center'];

/** A small deterministic random sequence in [0, 1). */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The benchmark script (YAML) and its panel count. */
export function placementStory(pages: number, dpi: number): { yaml: string; panels: number } {
  const next = sequence(12);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const out = [
    'title: Placement Bench',
    `page: { size: us-comic, dpi: ${dpi} }`,
    'generation: { megapixels: 0.35 }',
    'characters:',
    '  ann: { name: Ann Rook, description: a detective in a grey coat, side: left }',
    '  bo: { name: Bo Vance, description: a tall singer in a black dress }',
    '  cy: { name: Cy Marsh, description: a nervous clerk with round glasses }',
    'pages:',
  ];
  let panels = 0;
  for (let p = 0; p < pages; p += 1) {
    const [layout, count] = LAYOUTS[p % LAYOUTS.length] as [string, number];
    out.push(`  - layout: ${layout}`, '    panels:');
    for (let i = 0; i < count; i += 1) {
      panels += 1;
      const cast = ['ann', 'bo', 'cy'].slice(0, 1 + Math.floor(next() * 3));
      const placed = next() < 0.6;
      const characters = cast.map((id, k) =>
        placed
          ? `{ id: ${id}, at: ${POSITIONS[(k * 2 + Math.floor(next() * 2)) % POSITIONS.length]} }`
          : id,
      );
      out.push(
        `      - shot: ${pick(SHOTS)}`,
        `        scene: panel ${panels} of the bench, the cast argue in a hotel lobby`,
        `        characters: [${characters.join(', ')}]`,
      );
      if (next() < 0.5) out.push(`        caption: ${pick(CAPTIONS)}`);
      const lines = 1 + Math.floor(next() * 3);
      out.push('        dialogue:');
      for (let l = 0; l < lines; l += 1)
        out.push(`          - ${cast[l % cast.length]}: ${pick(LINES)}`);
      if (next() < 0.5) {
        const text = pick(EFFECTS);
        out.push(
          next() < 0.5
            ? `        sfx: ${text}`
            : `        sfx: { text: ${text}, position: ${pick(['top', 'top-right', 'center', 'bottom-left'])} }`,
        );
      }
    }
  }
  return { yaml: `${out.join('\n')}\n`, panels };
}

/**
 * Measures draft-image speed: `pnpm --filter wiro-emulator measure`.
 * Prints, per prompt, the median milliseconds to draw and to draw+encode a 1024×1024 frame: a raw
 * prompt with no characters, and two prompts as storyboard builds them (a two-shot with a
 * position, and a close-up, whose textured busy region covers most of the frame).
 */
import { drawDraftImage, renderDraftImage } from '../src/draft-image.js';

const TRIGGER = 'ComicsFact1 style.';
const CAST =
  'Eddie Hale: a weary private detective in a rumpled trench coat and grey fedora. Lena Vance: a nightclub singer in a black satin gown and pearls.';
const prompts: ReadonlyArray<readonly [string, string]> = [
  [
    'raw prompt',
    `${TRIGGER} A detective in a rain-soaked alley looks up at a flickering neon sign that reads "OPEN 24H"; puddles reflect the pink light. Wide shot, dramatic shadows.`,
  ],
  [
    'two-shot',
    `${TRIGGER} black and white film noir. Two-shot, two characters in frame: Lena sits across the desk from Hale. ${CAST} Composition: Eddie Hale on the left, Lena Vance on the right. Setting: a cramped office. No text, no lettering, no captions, no speech balloons.`,
  ],
  [
    'close-up',
    `${TRIGGER} black and white film noir. Close-up on the face: Lena's face through a veil of smoke. Lena Vance: a nightclub singer. No text, no lettering, no captions, no speech balloons.`,
  ],
];
const runs = 30;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

// Warm up every path first, so the first prompt does not pay for the JIT.
for (const [, prompt] of prompts) {
  for (let i = 0; i < 10; i++) {
    await renderDraftImage({
      prompt,
      seed: String(i),
      width: 1024,
      height: 1024,
      trigger: TRIGGER,
    });
  }
}
for (const [name, prompt] of prompts) {
  const input = { prompt, seed: '93080474', width: 1024, height: 1024, trigger: TRIGGER };
  const draw: number[] = [];
  const render: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    let started = performance.now();
    drawDraftImage({ ...input, seed: String(i) });
    draw.push(performance.now() - started);
    started = performance.now();
    bytes = (await renderDraftImage({ ...input, seed: String(i) })).length;
    render.push(performance.now() - started);
  }
  process.stdout.write(
    `1024x1024 draft (${name}): draw ${median(draw).toFixed(1)} ms, draw+PNG ${median(render).toFixed(1)} ms (medians of ${runs}), ${bytes} bytes\n`,
  );
}

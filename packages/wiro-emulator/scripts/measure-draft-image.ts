/**
 * Measures draft-image speed: `pnpm --filter wiro-emulator measure`.
 * Prints the mean milliseconds to draw and to draw+encode a 1024×1024 frame.
 */
import { drawDraftImage, renderDraftImage } from '../src/draft-image.js';

const input = {
  prompt:
    'ComicsFact1 style. A detective in a rain-soaked alley looks up at a flickering neon sign that reads "OPEN 24H"; puddles reflect the pink light. Wide shot, dramatic shadows.',
  seed: '93080474',
  width: 1024,
  height: 1024,
};
const runs = 30;
for (let i = 0; i < 3; i++) await renderDraftImage(input);

let started = performance.now();
for (let i = 0; i < runs; i++) drawDraftImage({ ...input, seed: String(i) });
const drawMs = (performance.now() - started) / runs;

started = performance.now();
let bytes = 0;
for (let i = 0; i < runs; i++)
  bytes = (await renderDraftImage({ ...input, seed: String(i) })).length;
const renderMs = (performance.now() - started) / runs;

process.stdout.write(
  `1024x1024 draft: draw ${drawMs.toFixed(1)} ms, draw+PNG ${renderMs.toFixed(1)} ms, ${bytes} bytes\n`,
);

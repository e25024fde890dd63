/**
 * Quick-start demo: renders one panel through wiro-core. With no WIRO_API_KEY it starts the
 * embedded emulator and renders a free draft; with a key it renders on Wiro.
 */
import { fileURLToPath } from 'node:url';
import { COMICS_FACTORY_MODEL, COMICS_FACTORY_TRIGGER } from 'storyboard';
import { createWiroClient } from 'wiro-core';
import { startEmulator } from 'wiro-emulator';

const outputDir = fileURLToPath(new URL('../out/demo/', import.meta.url));
const useEmulator = !process.env.WIRO_API_KEY?.trim();
const emulator = useEmulator ? await startEmulator({ taskMs: 800 }) : undefined;
if (emulator) {
  console.error(
    'No WIRO_API_KEY set: rendering a draft on the local emulator. Set WIRO_API_KEY (and WIRO_API_SECRET) to render on Wiro.',
  );
}

try {
  const wiro = createWiroClient(
    emulator
      ? { apiKey: emulator.apiKey, apiSecret: emulator.apiSecret, baseUrl: emulator.url }
      : {},
  );
  const { task, files } = await wiro.generate(
    COMICS_FACTORY_MODEL,
    {
      prompt: `${COMICS_FACTORY_TRIGGER} Establishing shot: a rain-soaked harbour town at night, neon signs reflected in puddles. No text, no speech balloons.`,
      samples: 1,
      steps: 20,
      scale: '3.5',
      seed: '93080474',
      width: 1024,
      height: 1024,
    },
    {
      outputDir,
      timeoutMs: 10 * 60_000,
      onStatus: (status) => console.error(`  ${status}`),
    },
  );
  for (const file of files) console.log(file.path);
  console.error(`Task ${task.id} done; cost $${task.totalCost.toFixed(4)}.`);
} finally {
  await emulator?.close();
}

import { fileURLToPath } from 'node:url';

/** storyboard's script fixtures: `valid/*.yaml`, and `invalid/*.yaml` each with its `.expect.json`. */
export const STORY_FIXTURES = fileURLToPath(
  new URL('../packages/storyboard/fixtures/', import.meta.url),
);

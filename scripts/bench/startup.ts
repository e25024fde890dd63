import { fileURLToPath } from 'node:url';
import { assertRenderBuilt, timeRenderBin } from './run-render-bin.js';
import { round, type Spread, spread } from './stats.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOIR = fileURLToPath(new URL('../../examples/noir/story.yaml', import.meta.url));

/** Start-up of the compiled `render` command, run directly with node (wall seconds). */
export interface StartupResult {
  /** `comics-render --help`. */
  helpSeconds: Spread;
  /** `comics-render validate examples/noir/story.yaml`. */
  validateSeconds: Spread;
}

/** Times `--help` and `validate` of the noir example, `repeats` runs each, interleaved. */
export async function measureStartup(repeats: number): Promise<StartupResult> {
  assertRenderBuilt();
  const help: number[] = [];
  const validate: number[] = [];
  for (let i = 0; i < repeats; i++) {
    help.push(round(await timeRenderBin(['--help'], { cwd: ROOT }), 3));
    validate.push(round(await timeRenderBin(['validate', NOIR], { cwd: ROOT }), 3));
  }
  return { helpSeconds: spread(help), validateSeconds: spread(validate) };
}

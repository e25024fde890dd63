import { createHash } from 'node:crypto';
import type { GenerationSettings } from '../script/types.js';

/**
 * A panel's seed: the pinned one if the panel has one; the base seed in `fixed` mode; otherwise
 * derived from the base seed and the panel id, so inserting or moving a panel never changes the
 * picture of another one.
 *
 * @example
 * choosePanelSeed({ seed: 93080474, seedMode: 'derived' }, 'p1-1', undefined); // stable uint32
 */
export function choosePanelSeed(
  generation: Pick<GenerationSettings, 'seed' | 'seedMode'>,
  panelId: string,
  pinned: number | undefined,
): number {
  if (pinned !== undefined) return pinned;
  if (generation.seedMode === 'fixed') return generation.seed;
  return createHash('sha256').update(`${generation.seed}:${panelId}`).digest().readUInt32BE(0);
}

import { quoteForMessage } from './quote.js';
import { suggestClosest } from './suggest.js';

/** Canonical camera shots a panel may ask for. */
export const SHOTS = [
  'establishing',
  'wide',
  'medium',
  'close-up',
  'extreme-close-up',
  'over-the-shoulder',
  'birds-eye',
  'low-angle',
  'high-angle',
  'dutch-angle',
  'pov',
  'two-shot',
  'insert',
] as const;

/** A canonical shot id. */
export type Shot = (typeof SHOTS)[number];

/** Common spellings (after folding, see {@link foldShotSpelling}) mapped to canonical shots. */
const SHOT_ALIASES: ReadonlyMap<string, Shot> = new Map<string, Shot>(
  Object.entries({
    establishing: 'establishing',
    est: 'establishing',
    'extreme-wide': 'establishing',
    'extreme-long': 'establishing',
    wide: 'wide',
    long: 'wide',
    full: 'wide',
    ws: 'wide',
    ls: 'wide',
    medium: 'medium',
    mid: 'medium',
    ms: 'medium',
    'medium-close': 'medium',
    'close-up': 'close-up',
    closeup: 'close-up',
    close: 'close-up',
    cu: 'close-up',
    'extreme-close-up': 'extreme-close-up',
    'extreme-closeup': 'extreme-close-up',
    'extreme-close': 'extreme-close-up',
    ecu: 'extreme-close-up',
    xcu: 'extreme-close-up',
    'over-the-shoulder': 'over-the-shoulder',
    'over-shoulder': 'over-the-shoulder',
    ots: 'over-the-shoulder',
    'birds-eye': 'birds-eye',
    birdseye: 'birds-eye',
    'birds-eye-view': 'birds-eye',
    'bird-eye': 'birds-eye',
    overhead: 'birds-eye',
    'top-down': 'birds-eye',
    'low-angle': 'low-angle',
    low: 'low-angle',
    'worms-eye': 'low-angle',
    'high-angle': 'high-angle',
    high: 'high-angle',
    'dutch-angle': 'dutch-angle',
    dutch: 'dutch-angle',
    'dutch-tilt': 'dutch-angle',
    canted: 'dutch-angle',
    pov: 'pov',
    'point-of-view': 'pov',
    'first-person': 'pov',
    'two-shot': 'two-shot',
    twoshot: 'two-shot',
    '2-shot': 'two-shot',
    insert: 'insert',
    detail: 'insert',
  } satisfies Record<string, Shot>),
);

/**
 * Folds a writer's spelling: lower case, apostrophes dropped, spaces and underscores as hyphens,
 * a trailing `-shot` removed (except in `two-shot`).
 * @example foldShotSpelling("Bird's Eye Shot") // 'birds-eye'
 */
export function foldShotSpelling(spelling: string): string {
  const folded = spelling
    .trim()
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[\s_.]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (folded === 'two-shot' || folded === '2-shot') return folded;
  return folded.replace(/-?shot$/, '');
}

/**
 * The canonical shot for a writer's spelling, or `undefined` when it is not a known shot.
 * @example normaliseShot('close up') // 'close-up'
 */
export function normaliseShot(spelling: string): Shot | undefined {
  return SHOT_ALIASES.get(foldShotSpelling(spelling));
}

/** Every accepted (folded) spelling, for suggestions. */
export function listShotSpellings(): string[] {
  return [...SHOT_ALIASES.keys()];
}

/**
 * Why `spelling` is not a shot (with a suggestion when one is close), or `undefined` when it is.
 * @example describeShotProblem('clsoe-up') // 'unknown shot `clsoe-up`; did you mean `close-up`?'
 */
export function describeShotProblem(spelling: string): string | undefined {
  if (normaliseShot(spelling) !== undefined) return undefined;
  const closest = suggestClosest(foldShotSpelling(spelling), listShotSpellings());
  const canonical = closest === undefined ? undefined : normaliseShot(closest);
  const shown = quoteForMessage(spelling);
  return canonical === undefined
    ? `unknown shot \`${shown}\`; expected one of ${SHOTS.join(', ')}`
    : `unknown shot \`${shown}\`; did you mean \`${canonical}\`?`;
}

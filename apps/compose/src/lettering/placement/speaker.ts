/**
 * Where a speaker is in a panel, for aiming a tail and placing a balloon near them: the line's
 * `at` (a side or exact fractions), else the character's `side`, else the side the speaker was
 * given; a side is narrowed to the busy region standing on it (the figure), head height. A
 * speaker the panel does not show talks from beyond the edge on their side.
 */
import type { Character, DialogueLine, Rect } from 'storyboard';
import type { ArtMap } from '../art/art-map.js';
import { type BusyRegion, findBusyRegions } from '../art/busy-regions.js';
import type { Point } from '../balloon-shapes.js';
import type { Side } from './assign-sides.js';

/** How a speaker's position was found. */
export type SpeakerSource = 'at' | 'side' | 'busy' | 'default' | 'off-panel';

/** A speaker's head, in canvas pixels. */
export interface Speaker {
  point: Point;
  source: SpeakerSource;
  /** Whether the head's height is known (from `at`, or a figure in the art), not assumed. */
  located: boolean;
}

/** `at: left | center | right` as fractions across the picture. */
const SIDE_X: Readonly<Record<Side, number>> = { left: 0.25, center: 0.5, right: 0.75 };
/** Head height when nothing else tells: a little above the middle. */
const DEFAULT_HEAD_Y = 0.45;
/** A busy region shorter than this part of the picture is not a figure (a line of text, a rail). */
const MIN_FIGURE_HEIGHT = 0.12;
/** How far from the side's x a figure's centre may be, as a part of the picture's width. */
const SIDE_REACH = 0.22;
/** The head, as a part of a figure's height from its top. */
const HEAD_FROM_TOP = 0.12;

/** Finds the speakers of a panel's dialogue lines (see the module comment). */
export function locateSpeakers(
  lines: readonly DialogueLine[],
  sides: readonly Side[],
  characters: Readonly<Record<string, Character>>,
  map: ArtMap,
  present?: readonly string[],
): Speaker[] {
  const { region } = map;
  const figures = findBusyRegions(map).filter((r) => r.bounds.h >= MIN_FIGURE_HEIGHT * region.h);
  return lines.map((line, index) => {
    const at = line.at;
    if (at?.y !== undefined) {
      return { point: toCanvas(region, at.x, at.y), source: 'at', located: true };
    }
    const side = characters[line.speaker]?.side;
    const x = at?.x ?? SIDE_X[side ?? (sides[index] as Side)];
    if (at === undefined && present !== undefined && present.length > 0) {
      if (!present.includes(line.speaker)) {
        // Off panel: the tail points out past the edge on the speaker's side.
        return {
          point: toCanvas(region, x < 0.5 ? -0.05 : 1.05, DEFAULT_HEAD_Y),
          source: 'off-panel',
          located: true,
        };
      }
    }
    const source: SpeakerSource = at !== undefined || side !== undefined ? 'side' : 'busy';
    const figure = figureNear(figures, region, x);
    if (figure === undefined) {
      return {
        point: toCanvas(region, x, DEFAULT_HEAD_Y),
        source: at !== undefined || side !== undefined ? 'side' : 'default',
        located: false,
      };
    }
    const head = figure.bounds.y + HEAD_FROM_TOP * figure.bounds.h;
    // A side from the script keeps its x; a guessed side takes the figure's.
    return {
      point: { x: source === 'side' ? region.x + x * region.w : figure.cx, y: head },
      source,
      located: true,
    };
  });
}

function toCanvas(region: Rect, fx: number, fy: number): Point {
  return { x: region.x + fx * region.w, y: region.y + fy * region.h };
}

/** The largest figure whose centre is within reach of `x` (a fraction across the picture). */
function figureNear(
  figures: readonly BusyRegion[],
  region: Rect,
  x: number,
): BusyRegion | undefined {
  return figures.find((f) => Math.abs((f.cx - region.x) / region.w - x) <= SIDE_REACH);
}

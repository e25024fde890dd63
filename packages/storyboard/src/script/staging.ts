/**
 * Where characters stand in a panel: the script's `at` values (on dialogue lines and on panel
 * `characters` entries) as positions, and the rules that keep them consistent. A panel shows one
 * moment, so a character has one position in it, and only a character in the picture has one.
 */
import type * as z from 'zod';
import { type Problem, problemAt } from './problems.js';
import {
  asList,
  asMap,
  hasKey,
  listRawDialogue,
  listRawPanels,
  type RawMap,
  type RawPath,
  read,
} from './raw.js';
import { panelCharacterSchema, stagePositionSchema } from './schema.js';
import type { StagePosition } from './types.js';
import type { StageSide } from './vocabulary.js';

type StagePositionDocument = z.output<typeof stagePositionSchema>;
type PanelCharacterDocument = z.output<typeof panelCharacterSchema>;

/** Where `left`, `center` and `right` put a character across the panel. */
export const STAGE_SIDE_X: Readonly<Record<StageSide, number>> = {
  left: 0.25,
  center: 0.5,
  right: 0.75,
};

/** A validated `at` value as a position. */
export function toStagePosition(at: StagePositionDocument): StagePosition {
  return typeof at === 'string' ? { x: STAGE_SIDE_X[at], y: undefined } : { x: at.x, y: at.y };
}

/** A validated panel `characters` entry as its id and, when given, its position. */
export function readPanelCharacter(item: PanelCharacterDocument): {
  id: string;
  at: StagePosition | undefined;
} {
  if (typeof item === 'string') return { id: item, at: undefined };
  if ('id' in item && typeof item.id === 'string' && item.at !== undefined) {
    return { id: item.id, at: toStagePosition(item.at as StagePositionDocument) };
  }
  const [id, at] = Object.entries(item)[0] as [string, StagePositionDocument];
  return { id, at: toStagePosition(at) };
}

/** Whether two positions are the same place. */
export function isSamePosition(a: StagePosition, b: StagePosition): boolean {
  return a.x === b.x && a.y === b.y;
}

/** `left`, or `{x: 0.3, y: 0.4}`, as a writer wrote it. */
function describePosition(at: StagePosition): string {
  const side = Object.entries(STAGE_SIDE_X).find(([, x]) => x === at.x && at.y === undefined);
  return side ? `\`${side[0]}\`` : `\`{x: ${at.x}, y: ${at.y ?? '?'}}\``;
}

/** One `at` a panel gives, with where it is written. */
interface Placing {
  id: string;
  at: StagePosition;
  path: RawPath;
  from: 'characters' | 'dialogue';
}

/** The id a raw `characters` entry names, whether or not the rest of it is valid. */
function readRawCharacterId(item: unknown): string | undefined {
  const map = asMap(item);
  if (map === undefined) return typeof item === 'string' ? item : undefined;
  if (hasKey(map, 'id')) return typeof map.id === 'string' ? map.id : undefined;
  const keys = Object.keys(map);
  return keys.length === 1 ? keys[0] : undefined;
}

/** The panel's `characters` entries: every id named, and the valid positions. */
function readRawCharacters(
  panel: RawMap,
  path: RawPath,
): { present: Set<string>; placings: Placing[] } {
  const value = read(panel, 'characters');
  const list = asList(value);
  const items = list ?? (value === undefined ? [] : [value]);
  const present = new Set<string>();
  const placings = items.flatMap((item, i) => {
    const named = readRawCharacterId(item);
    if (named !== undefined) present.add(named);
    const parsed = panelCharacterSchema.safeParse(item);
    if (!parsed.success) return [];
    const { id, at } = readPanelCharacter(parsed.data);
    if (at === undefined) return [];
    const itemPath = list === undefined ? [...path, 'characters'] : [...path, 'characters', i];
    const atPath = hasKey(asMap(item), 'at') ? ['at'] : [id];
    return [{ id, at, path: [...itemPath, ...atPath], from: 'characters' as const }];
  });
  return { present, placings };
}

/** The panel's dialogue lines with a valid `at` and a speaker. */
function readRawDialoguePlacings(panel: RawMap, path: RawPath): Placing[] {
  return listRawDialogue(panel, path).flatMap(({ line, path: linePath }) => {
    if (!hasKey(line, 'at') || typeof line.speaker !== 'string') return [];
    const parsed = stagePositionSchema.safeParse(line.at);
    if (!parsed.success) return [];
    return [
      {
        id: line.speaker,
        at: toStagePosition(parsed.data),
        path: [...linePath, 'at'],
        from: 'dialogue' as const,
      },
    ];
  });
}

/** The problems of one panel's positions. */
function checkPanelStaging(panel: RawMap, path: RawPath): Problem[] {
  const characters = readRawCharacters(panel, path);
  const present = characters.present;
  const placings = [...characters.placings, ...readRawDialoguePlacings(panel, path)];
  const problems: Problem[] = [];
  const first = new Map<string, Placing>();
  for (const placing of placings) {
    if (placing.from === 'dialogue' && !present.has(placing.id)) {
      problems.push(
        problemAt(
          placing.path,
          `\`${placing.id}\` is given a position but is not in this panel's \`characters\`: add them there, or leave \`at\` out for a voice from off-panel`,
        ),
      );
      continue;
    }
    const earlier = first.get(placing.id);
    if (earlier === undefined) {
      first.set(placing.id, placing);
    } else if (!isSamePosition(earlier.at, placing.at)) {
      problems.push(
        problemAt(
          placing.path,
          `\`${placing.id}\` is already at ${describePosition(earlier.at)} in this panel (from its ${earlier.from === 'characters' ? '`characters` entry' : 'earlier dialogue line'}); a panel shows one moment, so give a character one position`,
        ),
      );
    }
  }
  return problems;
}

/**
 * Checks every panel's positions: a dialogue line's `at` needs its speaker among the panel's
 * characters, and a character placed twice in one panel must be placed the same both times.
 */
export function checkStaging(data: RawMap): Problem[] {
  return listRawPanels(data, true).flatMap(({ panel, path }) =>
    panel === undefined ? [] : checkPanelStaging(panel, path),
  );
}

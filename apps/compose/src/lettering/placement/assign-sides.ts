/** Which side of a panel each speaker stands on, when the script does not place them exactly. */
import type { Character, DialogueLine, Placement } from 'storyboard';

/** A side of the panel. */
export type Side = 'left' | 'center' | 'right';

/** The horizontal part of a placement (`undefined` for `auto`). */
export function horizontalOf(position: Placement): Side | undefined {
  if (position === 'auto') return undefined;
  if (position.endsWith('left')) return 'left';
  if (position.endsWith('right')) return 'right';
  return 'center';
}

/**
 * The side of the panel each line's speaker is taken to be on: the line's own position, else the
 * speaker's `side`, else the side opposite the previous speaker's, starting on the reading-start
 * side (left, or right for right-to-left). A speaker keeps one side per panel.
 */
export function assignSides(
  lines: readonly DialogueLine[],
  characters: Readonly<Record<string, Character>>,
  direction: 'ltr' | 'rtl',
): Side[] {
  const start: Side = direction === 'rtl' ? 'right' : 'left';
  // Sides the script pins (by position or character), so unpinned speakers can take the other.
  const pinned = new Set(
    lines.map((line) => horizontalOf(line.position) ?? characters[line.speaker]?.side),
  );
  const bySpeaker = new Map<string, Side>();
  let lastSpeaker: string | undefined;
  let lastSide: Side | undefined;
  return lines.map((line) => {
    const side =
      horizontalOf(line.position) ??
      bySpeaker.get(line.speaker) ??
      characters[line.speaker]?.side ??
      freeSide(
        lastSide === undefined || lastSpeaker === line.speaker
          ? (lastSide ?? start)
          : opposite(lastSide),
        pinned,
      );
    bySpeaker.set(line.speaker, bySpeaker.get(line.speaker) ?? side);
    lastSpeaker = line.speaker;
    lastSide = side;
    return side;
  });
}

function opposite(side: Side): Side {
  return side === 'left' ? 'right' : side === 'right' ? 'left' : 'left';
}

/** `wanted`, unless another speaker is pinned there and the opposite side is free. */
function freeSide(wanted: Side, pinned: ReadonlySet<Side | undefined>): Side {
  return pinned.has(wanted) && !pinned.has(opposite(wanted)) ? opposite(wanted) : wanted;
}

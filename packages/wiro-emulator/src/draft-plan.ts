/**
 * Where everything goes in a draft frame, from the prompt and the size alone: the framing, each
 * named character's silhouette and name card, the subject when no one is named, the scene line
 * at the bottom edge, and the busy rectangles (textured in the picture) that lettering should
 * avoid. Pure, so tests and the lettering benchmark know a draft's busy region without decoding
 * it; `drawDraftImage` draws exactly this plan.
 */
import { GLYPH_HEIGHT, toFontText } from './bitmap-font.js';
import {
  type DraftFraming,
  type DraftPosition,
  type DraftPrompt,
  readDraftPrompt,
} from './draft-prompt.js';
import { CELL_WIDTH } from './raster.js';
import { wrapText } from './text-wrap.js';

/** A rectangle in whole pixels, origin top-left, y down. */
export interface DraftRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * How a figure is drawn: `full` standing figure, `bust` waist up to the bottom edge, `head` head
 * and shoulders, `face` a face filling the frame, `top` seen from above, `back` the back of a head
 * and shoulders in the foreground (over the shoulder).
 */
export type DraftFigureKind = 'full' | 'bust' | 'head' | 'face' | 'top' | 'back';

/** One named character in the draft. */
export interface DraftFigurePlan {
  name: string;
  kind: DraftFigureKind;
  /** Head centre and radius in pixels. */
  cx: number;
  cy: number;
  r: number;
  /** Where the silhouette ends at the bottom (the feet, or below the frame). */
  bottom: number;
  /** The name card, and the font scale of its name (smaller when figures stand close). */
  label: DraftRect;
  labelScale: number;
  /** Silhouette and name card with a margin, clipped to the frame: textured, so busy. */
  box: DraftRect;
}

/** Everything a draft frame shows, and where. */
export interface DraftPlan {
  width: number;
  height: number;
  /** The framing drawn: the prompt's, else `medium` with characters and `establishing` without. */
  framing: DraftFraming;
  /** The scene line as lettered (font characters only, cut to one line). */
  scene: string;
  /** Font scale of the scene line and name cards (font pixels per glyph pixel). */
  scale: number;
  /** Horizon height in pixels at the centre of the frame; `undefined` when none shows. */
  horizon: number | undefined;
  /** Horizon slope (pixels down per pixel right); non-zero for a dutch angle. */
  tilt: number;
  figures: DraftFigurePlan[];
  /** What the picture is of when it names no character (a skyline, an object): busy. */
  subject: DraftRect | undefined;
  /** The scene line's strip along the bottom edge. */
  caption: DraftRect;
  /** Space kept at both ends of the strip, so a bleeding panel's trim does not cut the text. */
  captionInset: number;
  /** Every busy rectangle: the figures' boxes, the subject, the caption strip. */
  busy: DraftRect[];
}

/** What a plan is made from. */
export interface DraftPlanInput {
  prompt: string;
  width: number;
  height: number;
  /** The model's trigger phrase, left out of the scene when the prompt starts with it. */
  trigger?: string | undefined;
}

/** Most figures drawn; more would not be told apart at draft sizes. */
const MAX_FIGURES = 8;
/** Longest name lettered on a figure's card. */
export const MAX_NAME_CHARS = 18;
/** Characters of the seed label kept free at the right end of the caption strip. */
export const SEED_LABEL_CHARS = 22;

/** Horizon and figure sizes per framing, as fractions of the frame height. */
interface FramingShape {
  kind: DraftFigureKind;
  horizon: number | undefined;
  /** Full figures: figure height. Others: head radius (of the frame's short side for `head`). */
  size: number;
  /** Full figures: feet height. Others: head centre height. */
  anchor: number;
  /** Subject (when no one is named): a skyline band on the horizon, or an object of this size. */
  subject: 'skyline' | number;
}

const SHAPES: Readonly<Record<DraftFraming, FramingShape>> = {
  establishing: { kind: 'full', horizon: 0.5, size: 0.13, anchor: 0.72, subject: 'skyline' },
  wide: { kind: 'full', horizon: 0.55, size: 0.5, anchor: 0.86, subject: 'skyline' },
  medium: { kind: 'bust', horizon: 0.62, size: 0.1, anchor: 0.32, subject: 0.45 },
  'two-shot': { kind: 'bust', horizon: 0.62, size: 0.1, anchor: 0.32, subject: 0.45 },
  'dutch-angle': { kind: 'bust', horizon: 0.6, size: 0.1, anchor: 0.34, subject: 0.45 },
  'close-up': { kind: 'head', horizon: undefined, size: 0.2, anchor: 0.45, subject: 0.55 },
  'extreme-close-up': { kind: 'face', horizon: undefined, size: 0.42, anchor: 0.5, subject: 0.7 },
  'over-the-shoulder': { kind: 'bust', horizon: 0.6, size: 0.08, anchor: 0.36, subject: 0.45 },
  'birds-eye': { kind: 'top', horizon: undefined, size: 0.05, anchor: 0.5, subject: 0.4 },
  'low-angle': { kind: 'full', horizon: 0.86, size: 0.95, anchor: 1.08, subject: 'skyline' },
  'high-angle': { kind: 'full', horizon: 0.22, size: 0.32, anchor: 0.8, subject: 0.4 },
  pov: { kind: 'full', horizon: 0.5, size: 0.42, anchor: 0.84, subject: 'skyline' },
  insert: { kind: 'bust', horizon: undefined, size: 0.1, anchor: 0.32, subject: 0.4 },
};

/** Half the width of a figure's silhouette, in head radii. */
const HALF_WIDTH: Readonly<Record<DraftFigureKind, number>> = {
  full: 2.4,
  bust: 2.8,
  head: 3.2,
  face: 1.1,
  top: 2.2,
  back: 3.6,
};

const clamp = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), Math.max(low, high));

function toRect(left: number, top: number, right: number, bottom: number): DraftRect {
  const x = Math.round(left);
  const y = Math.round(top);
  return { x, y, w: Math.max(0, Math.round(right) - x), h: Math.max(0, Math.round(bottom) - y) };
}

/** The part of `rect` inside the frame. */
function clipRect(rect: DraftRect, width: number, height: number): DraftRect {
  const left = clamp(rect.x, 0, width);
  const top = clamp(rect.y, 0, height);
  return toRect(
    left,
    top,
    clamp(rect.x + rect.w, left, width),
    clamp(rect.y + rect.h, top, height),
  );
}

/** The smallest rectangle holding both. */
function unionRect(a: DraftRect, b: DraftRect): DraftRect {
  return toRect(
    Math.min(a.x, b.x),
    Math.min(a.y, b.y),
    Math.max(a.x + a.w, b.x + b.w),
    Math.max(a.y + a.h, b.y + b.h),
  );
}

/** The framing drawn when the prompt names none. */
function defaultFraming(read: DraftPrompt): DraftFraming {
  return read.figures.length > 0 ? 'medium' : 'establishing';
}

/** The font scale for a frame: about 1/256 of its short side, at least 1. */
export function chooseFontScale(width: number, height: number): number {
  return Math.max(1, Math.round(Math.min(width, height) / 256));
}

/** The head radius and anchor of a figure of `kind`, for `count` figures side by side. */
function sizeFigure(
  shape: FramingShape,
  kind: DraftFigureKind,
  count: number,
  width: number,
  height: number,
): { r: number; tall: number } {
  const short = Math.min(width, height);
  // Evenly spread figures stand width / (count + 1) apart: bodies keep a gap between them
  // (heads do, for head shots, whose shoulders may meet).
  const half = kind === 'head' ? 1.8 : HALF_WIDTH[kind];
  const across = width / ((count + 1) * 2.4 * half);
  if (kind === 'full') {
    const tall = Math.min(shape.size * height, across * 14);
    return { r: tall / 14, tall };
  }
  const base = kind === 'head' || kind === 'face' ? shape.size * short : shape.size * height;
  return { r: Math.min(base, kind === 'face' ? base : across), tall: 0 };
}

/**
 * Where a figure stands across the frame: where the prompt puts it, else spread evenly (in an
 * over-the-shoulder shot, the first figure's back fills the left and the others share the right).
 */
function xOf(
  framing: DraftFraming,
  count: number,
  at: DraftPosition | undefined,
  index: number,
): number {
  if (at !== undefined) return at.x;
  if (framing === 'over-the-shoulder' && count > 1) {
    return index === 0 ? 0.16 : 0.55 + (0.35 * index) / count;
  }
  return (index + 1) / (count + 1);
}

type FigureBody = Omit<DraftFigurePlan, 'label' | 'labelScale' | 'box'>;

/** The largest font scale up to `scale` at which `name`'s card fits in `room` pixels. */
function fitLabelScale(name: string, scale: number, room: number): number {
  const perScale = name.length * CELL_WIDTH + 3;
  return Math.max(1, Math.min(scale, Math.floor(room / perScale)));
}

/**
 * The name card of a figure: under the feet (above the head for every other standing figure, so
 * neighbours' cards do not meet), on the chest, or on a face.
 */
function placeLabel(
  figure: FigureBody,
  index: number,
  name: string,
  scale: number,
  width: number,
  floor: number,
): DraftRect {
  const pad = 2 * scale;
  const w = name.length * CELL_WIDTH * scale - scale + 2 * pad;
  const h = GLYPH_HEIGHT * scale + 2 * pad;
  const { kind, cx, cy, r, bottom } = figure;
  const above = cy - r - pad - h;
  const below = bottom + pad;
  let top: number;
  if (kind === 'full') top = (index % 2 === 1 && above >= 0) || below > floor - h ? above : below;
  else if (kind === 'top') top = cy + 2.4 * r;
  else if (kind === 'face') top = cy + 0.55 * r;
  else top = cy + 2.2 * r;
  const x = clamp(cx - w / 2, 0, width - w);
  return toRect(x, clamp(top, 0, floor - h), x + w, clamp(top, 0, floor - h) + h);
}

/** The silhouette's bounding box, before the name card and the margin. */
function silhouetteBox(figure: FigureBody, height: number): DraftRect {
  const { kind, cx, cy, r, bottom } = figure;
  const half = HALF_WIDTH[kind] * r;
  if (kind === 'top') return toRect(cx - half, cy - half, cx + half, cy + half);
  if (kind === 'face') return toRect(cx - half, cy - 1.25 * r, cx + half, cy + 1.25 * r);
  const end = kind === 'full' ? bottom : height;
  return toRect(cx - half, cy - r, cx + half, end);
}

/** Lays out the figures a framing shows. */
function planFigures(
  read: DraftPrompt,
  framing: DraftFraming,
  width: number,
  height: number,
  scale: number,
  floor: number,
): DraftFigurePlan[] {
  const shape = SHAPES[framing];
  if (framing === 'insert') return [];
  const named = read.figures.slice(0, framing === 'extreme-close-up' ? 1 : MAX_FIGURES);
  const across = named.map((figure, index) => xOf(framing, named.length, figure.at, index));
  // Standing figures' cards alternate below and above, in order across the frame.
  const rank = across.map(
    (x, index) => across.filter((o, j) => o < x || (o === x && j < index)).length,
  );
  return named.map((figure, index) => {
    const back = framing === 'over-the-shoulder' && index === 0 && named.length > 1;
    const kind: DraftFigureKind = back ? 'back' : shape.kind;
    const others = framing === 'over-the-shoulder' ? Math.max(1, named.length - 1) : named.length;
    const at: DraftPosition | undefined = figure.at;
    const x = across[index] as number;
    const { r, tall } = back
      ? { r: 0.24 * Math.min(width, height), tall: 0 }
      : sizeFigure(shape, kind, others, width, height);
    const cx = x * width;
    let cy: number;
    let bottom: number;
    if (kind === 'full') {
      const feet = at?.y === undefined ? shape.anchor * height : at.y * height - r + tall;
      cy = feet - tall + r;
      bottom = feet;
    } else {
      cy = back ? 0.58 * height : (at?.y ?? shape.anchor) * height;
      bottom = kind === 'top' ? cy + 2.2 * r : height;
    }
    const body = { name: figure.name, kind, cx, cy, r, bottom };
    const name = toFontText(figure.name).slice(0, MAX_NAME_CHARS);
    const room = kind === 'full' ? (2 * width) / (named.length + 1) : width / (others + 1);
    const labelScale = fitLabelScale(name, scale, room - 4);
    const label = placeLabel(body, rank[index] as number, name, labelScale, width, floor);
    const margin = Math.max(4, 0.35 * r);
    const outline = silhouetteBox(body, height);
    const padded = toRect(
      outline.x - margin,
      outline.y - margin,
      outline.x + outline.w + margin,
      outline.y + outline.h + margin,
    );
    return { ...body, label, labelScale, box: clipRect(unionRect(padded, label), width, height) };
  });
}

/** The subject of a picture with no one in it: a skyline on the horizon, or a central object. */
function planSubject(
  framing: DraftFraming,
  width: number,
  height: number,
  horizon: number | undefined,
): DraftRect {
  const shape = SHAPES[framing];
  if (shape.subject === 'skyline' && horizon !== undefined) {
    return toRect(0.06 * width, horizon - 0.22 * height, 0.94 * width, horizon);
  }
  const size = typeof shape.subject === 'number' ? shape.subject : 0.4;
  return toRect(
    ((1 - size) / 2) * width,
    ((1 - size) / 2) * height,
    ((1 + size) / 2) * width,
    ((1 + size) / 2) * height,
  );
}

/**
 * Plans a draft frame from its prompt and size (see the module comment). Deterministic.
 * @example planDraft({ prompt: 'Wide shot, full figures in their surroundings: two men argue. Ann: a cook. Bo: a guard. No text, no lettering.', width: 1024, height: 768 }).busy
 */
export function planDraft(input: DraftPlanInput): DraftPlan {
  const { width, height } = input;
  const read = readDraftPrompt(input.prompt, input.trigger);
  const framing = read.framing ?? defaultFraming(read);
  const scale = chooseFontScale(width, height);
  const pad = 2 * scale;
  const stripHeight = Math.min(height, GLYPH_HEIGHT * scale + 2 * pad);
  const caption = toRect(0, height - stripHeight, width, height);
  const captionInset = Math.max(pad, Math.round(width * 0.04));
  const columns =
    Math.floor((width - 2 * captionInset - pad) / (CELL_WIDTH * scale)) - seedColumns(scale);
  const scene = wrapText(toFontText(read.scene) || '(no scene)', Math.max(1, columns), 1)[0] ?? '';
  const shape = SHAPES[framing];
  const horizon = shape.horizon === undefined ? undefined : Math.round(shape.horizon * height);
  const figures = planFigures(read, framing, width, height, scale, caption.y);
  const subject = figures.length === 0 ? planSubject(framing, width, height, horizon) : undefined;
  const busy = [...figures.map((f) => f.box), ...(subject ? [subject] : []), caption];
  return {
    width,
    height,
    framing,
    scene,
    scale,
    horizon,
    tilt: framing === 'dutch-angle' ? 0.18 : 0,
    figures,
    subject,
    caption,
    captionInset,
    busy: busy.filter((rect) => rect.w > 0 && rect.h > 0),
  };
}

/** Columns of the scene line given up to the seed label (drawn at half scale). */
function seedColumns(scale: number): number {
  const small = Math.max(1, Math.round(scale / 2));
  return Math.ceil((SEED_LABEL_CHARS * CELL_WIDTH * small) / (CELL_WIDTH * scale));
}

/** Draws a draft plan's figures and subject: textured silhouettes and name cards. */
import type { DraftFigurePlan, DraftRect } from './draft-plan.js';
import { createRandom, hashString } from './prng.js';
import {
  drawText,
  fillDisk,
  fillRect,
  fillTrapezoid,
  type Hatch,
  hatchRect,
  type Raster,
  type Rgb,
  strokeRect,
} from './raster.js';

/** Colours shared by the draft's parts. */
export interface DraftPalette {
  paper: Rgb;
  ink: Rgb;
  card: Rgb;
  /** Silhouettes, and the lighter lines hatched over them. */
  figure: Rgb;
  figureHatch: Rgb;
  /** The texture behind figures and subjects. */
  busy: Rgb;
}

/** Line spacing and width of the textures, from the frame's short side. */
export function textureHatch(short: number, color: Rgb, slope: 1 | -1, over?: Rgb): Hatch {
  const period = Math.max(6, Math.round(short / 40));
  const thickness = Math.max(2, Math.round(period / 3));
  return over === undefined
    ? { period, thickness, slope, color }
    : { period, thickness, slope, color, over };
}

/** Fills a rectangle with the busy texture. */
function texture(raster: Raster, rect: DraftRect, palette: DraftPalette, short: number): void {
  hatchRect(raster, rect.x, rect.y, rect.w, rect.h, textureHatch(short, palette.busy, 1));
}

/** Shoulder width at the top and at the bottom edge, in head radii. */
const SHOULDERS: Readonly<Record<'bust' | 'head' | 'back', readonly [number, number]>> = {
  bust: [4.4, 5.6],
  head: [5.2, 6.4],
  back: [6.2, 7.2],
};

/** The solid shape of one figure, in `color`. */
function fillSilhouette(raster: Raster, figure: DraftFigurePlan, color: Rgb): void {
  const { kind, cx, cy, r, bottom } = figure;
  const height = raster.height;
  switch (kind) {
    case 'full': {
      const shoulders = cy + 1.2 * r;
      const hips = shoulders + 0.42 * (bottom - shoulders);
      fillTrapezoid(raster, cx, shoulders, hips, 4.2 * r, 3 * r, color);
      fillDisk(raster, cx - 2.1 * r + 0.5 * r, shoulders + 0.4 * r, 0.55 * r, color);
      fillDisk(raster, cx + 2.1 * r - 0.5 * r, shoulders + 0.4 * r, 0.55 * r, color);
      fillRect(raster, cx - 2.35 * r, shoulders + 0.3 * r, 0.7 * r, 0.38 * (bottom - cy), color);
      fillRect(raster, cx + 1.65 * r, shoulders + 0.3 * r, 0.7 * r, 0.38 * (bottom - cy), color);
      fillRect(raster, cx - 1.4 * r, hips - 1, 1.15 * r, bottom - hips + 1, color);
      fillRect(raster, cx + 0.25 * r, hips - 1, 1.15 * r, bottom - hips + 1, color);
      fillRect(raster, cx - 0.35 * r, cy + 0.6 * r, 0.7 * r, 0.8 * r, color);
      break;
    }
    case 'bust':
    case 'head':
    case 'back': {
      const widths = SHOULDERS[kind];
      const shoulders = cy + (kind === 'bust' ? 1.2 : 1.5) * r;
      fillTrapezoid(raster, cx, shoulders, height, widths[0] * r, widths[1] * r, color);
      fillDisk(raster, cx - (widths[0] / 2 - 0.6) * r, shoulders + 0.6 * r, 0.6 * r, color);
      fillDisk(raster, cx + (widths[0] / 2 - 0.6) * r, shoulders + 0.6 * r, 0.6 * r, color);
      fillRect(raster, cx - 0.45 * r, cy + 0.6 * r, 0.9 * r, shoulders - cy, color);
      break;
    }
    case 'top':
      fillDisk(raster, cx, cy, 2.1 * r, color);
      break;
    case 'face':
      break;
  }
  fillDisk(raster, cx, cy, kind === 'face' ? 1.1 * r : r, color);
}

/** Eyes and a mouth on faces seen from the front, so a close-up reads as one. */
function drawFace(raster: Raster, figure: DraftFigurePlan, palette: DraftPalette): void {
  const { cx, cy, kind } = figure;
  const r = kind === 'face' ? 1.1 * figure.r : figure.r;
  for (const side of [-1, 1]) {
    fillDisk(raster, cx + side * 0.38 * r, cy - 0.12 * r, 0.15 * r, palette.card);
    fillDisk(raster, cx + side * 0.38 * r, cy - 0.1 * r, 0.07 * r, palette.ink);
  }
  fillRect(raster, cx - 0.3 * r, cy + 0.42 * r, 0.6 * r, Math.max(2, 0.06 * r), palette.ink);
}

/** A name card: paper, an ink frame and the name. */
function drawCard(
  raster: Raster,
  rect: DraftRect,
  text: string,
  scale: number,
  palette: DraftPalette,
): void {
  fillRect(raster, rect.x, rect.y, rect.w, rect.h, palette.card);
  strokeRect(
    raster,
    rect.x,
    rect.y,
    rect.w,
    rect.h,
    Math.max(1, Math.round(scale / 2)),
    palette.ink,
  );
  drawText(raster, text, rect.x + 2 * scale, rect.y + 2 * scale, scale, palette.ink);
}

/**
 * Draws the figures: each box textured (the busy region), the silhouette solid with lighter
 * cross-hatching, faces on head shots, then every name card on top.
 */
export function drawFigures(
  raster: Raster,
  figures: readonly DraftFigurePlan[],
  names: readonly string[],
  palette: DraftPalette,
): void {
  const short = Math.min(raster.width, raster.height);
  for (const figure of figures) texture(raster, figure.box, palette, short);
  for (const figure of figures) {
    const color = figure.kind === 'back' ? palette.ink : palette.figure;
    fillSilhouette(raster, figure, color);
    const { box } = figure;
    hatchRect(
      raster,
      box.x,
      box.y,
      box.w,
      box.h,
      textureHatch(short, palette.figureHatch, -1, color),
    );
    if (figure.kind === 'head' || figure.kind === 'face') drawFace(raster, figure, palette);
    if (figure.kind === 'top') fillDisk(raster, figure.cx, figure.cy, figure.r, palette.ink);
  }
  figures.forEach((figure, i) => {
    drawCard(raster, figure.label, names[i] ?? '', figure.labelScale, palette);
  });
}

/**
 * Draws the subject of a picture with no one named: a textured band of buildings on the horizon,
 * or a textured, framed object in the middle. Shapes come from a hash of the prompt.
 */
export function drawSubject(
  raster: Raster,
  subject: DraftRect,
  skyline: boolean,
  prompt: string,
  palette: DraftPalette,
): void {
  const short = Math.min(raster.width, raster.height);
  texture(raster, subject, palette, short);
  const line = Math.max(2, Math.round(short / 256));
  if (!skyline) {
    const inset = Math.round(Math.min(subject.w, subject.h) * 0.12);
    const body = {
      x: subject.x + inset,
      y: subject.y + inset,
      w: subject.w - 2 * inset,
      h: subject.h - 2 * inset,
    };
    fillRect(raster, body.x, body.y, body.w, body.h, palette.figure);
    hatchRect(raster, body.x, body.y, body.w, body.h, textureHatch(short, palette.figureHatch, -1));
    strokeRect(raster, body.x, body.y, body.w, body.h, line, palette.ink);
    return;
  }
  const random = createRandom(hashString(prompt));
  let x = subject.x;
  while (x < subject.x + subject.w) {
    const w = Math.min(subject.x + subject.w - x, subject.w * (0.06 + random() * 0.1));
    const h = subject.h * (0.35 + random() * 0.65);
    const top = subject.y + subject.h - h;
    fillRect(raster, x, top, w, h, palette.figure);
    hatchRect(raster, x, top, w, h, textureHatch(short, palette.figureHatch, -1, palette.figure));
    strokeRect(raster, x, top, w, h, line, palette.ink);
    x += w + subject.w * 0.015;
  }
}

import sharp from 'sharp';
import { toFontText } from './bitmap-font.js';
import { type DraftPalette, drawFigures, drawSubject } from './draft-figures.js';
import { type DraftPlan, MAX_NAME_CHARS, planDraft, SEED_LABEL_CHARS } from './draft-plan.js';
import { createRandom, hashString, type Random } from './prng.js';
import { createRaster, drawText, fillRect, measureText, type Raster, type Rgb } from './raster.js';

/** What a draft frame is drawn from. */
export interface DraftImageInput {
  prompt: string;
  seed: string;
  width: number;
  height: number;
  /** Sample index within the task; each sample gets its own paper tint and texture phase. @default 0 */
  index?: number;
  /** The model's trigger phrase, left out of the scene line when the prompt starts with it. */
  trigger?: string | undefined;
}

const INK: Rgb = [38, 36, 44];
const CARD: Rgb = [252, 250, 244];

const shade = (color: Rgb, factor: number): Rgb => [
  Math.round(color[0] * factor),
  Math.round(color[1] * factor),
  Math.round(color[2] * factor),
];

const between = (random: Random, min: number, max: number) => min + random() * (max - min);

/** The colours of one frame: a paper tinted by seed, prompt and sample; the rest from it. */
function choosePalette(random: Random): DraftPalette {
  const paper: Rgb = [
    Math.round(between(random, 226, 250)),
    Math.round(between(random, 222, 246)),
    Math.round(between(random, 206, 236)),
  ];
  return {
    paper,
    ink: INK,
    card: CARD,
    figure: shade(paper, 0.42),
    figureHatch: shade(paper, 0.62),
    busy: shade(paper, 0.6),
  };
}

/** Sky, ground and the horizon line (tilted for a dutch angle); flat, so quiet. */
function drawGround(raster: Raster, plan: DraftPlan, palette: DraftPalette): void {
  const { width, height, horizon, tilt, framing } = plan;
  const ground = shade(palette.paper, 0.9);
  if (framing === 'birds-eye') {
    fillRect(raster, 0, 0, width, height, ground);
    return;
  }
  if (horizon === undefined) return;
  const line = Math.max(2, Math.round(Math.min(width, height) / 256));
  if (tilt === 0) {
    fillRect(raster, 0, horizon, width, height - horizon, ground);
    fillRect(raster, 0, horizon - Math.floor(line / 2), width, line, palette.ink);
    return;
  }
  for (let y = 0; y < height; y++) {
    // Ground where y >= horizon + tilt * (x - width / 2).
    const right = Math.min(width, width / 2 + (y - horizon) / tilt);
    if (right > 0) fillRect(raster, 0, y, right, 1, ground);
  }
  for (let x = 0; x < width; x++) {
    const y = horizon + tilt * (x - width / 2);
    fillRect(raster, x, y - Math.floor(line / 2), 1, line, palette.ink);
  }
}

/** The scene line along the bottom edge, with the seed and size small at its right end. */
function drawCaption(raster: Raster, plan: DraftPlan, label: string): void {
  const { caption, scale } = plan;
  const pad = 2 * scale;
  const line = Math.max(1, Math.round(scale / 2));
  fillRect(raster, caption.x, caption.y, caption.w, caption.h, CARD);
  fillRect(raster, caption.x, caption.y, caption.w, line, INK);
  drawText(raster, plan.scene, caption.x + plan.captionInset, caption.y + pad, scale, INK);
  const small = Math.max(1, Math.round(scale / 2));
  const text = label.slice(0, SEED_LABEL_CHARS);
  const left = caption.x + caption.w - plan.captionInset - measureText(text, small);
  drawText(raster, text, left, caption.y + caption.h - pad - 7 * small, small, INK);
}

/**
 * Draws a draft frame as raw RGB pixels: a storyboard sketch of what the prompt asks for (see
 * `planDraft`): the framing of its shot, its characters as labelled silhouettes where it places
 * them (spread evenly otherwise) on a textured patch, a skyline or an object when it names no one,
 * and the scene as one line at the bottom edge with the seed and size. The figures, subject and
 * scene line are the busy regions `planDraft` reports; the rest is flat paper, sky and ground.
 * Pure: same input, same pixels.
 */
export function drawDraftImage(input: DraftImageInput): Raster {
  const { width, height } = input;
  const index = input.index ?? 0;
  const random = createRandom(hashString(`${input.seed}\n${input.prompt}\n${index}`));
  const palette = choosePalette(random);
  const raster = createRaster(width, height, palette.paper);
  const plan = planDraft(input);
  drawGround(raster, plan, palette);
  if (plan.subject) {
    const skyline = plan.horizon !== undefined && plan.subject.y + plan.subject.h === plan.horizon;
    drawSubject(raster, plan.subject, skyline, input.prompt, palette);
  }
  const names = plan.figures.map((figure) => toFontText(figure.name).slice(0, MAX_NAME_CHARS));
  drawFigures(raster, plan.figures, names, palette);
  drawCaption(raster, plan, `seed ${toFontText(input.seed)} #${index} ${width}x${height}`);
  return raster;
}

/**
 * Renders a draft frame as PNG bytes (see {@link drawDraftImage}). Deterministic: the same input
 * gives the same bytes. Drawing runs in JS; sharp encodes off the main thread.
 */
export async function renderDraftImage(input: DraftImageInput): Promise<Buffer> {
  const { pixels, width, height } = drawDraftImage(input);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 6, adaptiveFiltering: false })
    .toBuffer();
}

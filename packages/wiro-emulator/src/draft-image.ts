import sharp from 'sharp';
import { toFontText } from './bitmap-font.js';
import { createRandom, hashString, type Random } from './prng.js';
import {
  CELL_WIDTH,
  createRaster,
  drawText,
  fillDisk,
  fillRect,
  LINE_HEIGHT,
  measureText,
  type Raster,
  type Rgb,
  strokeRect,
} from './raster.js';
import { wrapText } from './text-wrap.js';

/** What a draft frame is drawn from. */
export interface DraftImageInput {
  prompt: string;
  seed: string;
  width: number;
  height: number;
  /** Sample index within the task; each sample gets its own composition. @default 0 */
  index?: number;
  /** The model's trigger phrase, left out of the caption when the prompt starts with it. */
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

/** The text shown on the frame: the prompt without the model's trigger phrase. */
export function toCaption(prompt: string, trigger?: string): string {
  const text = prompt.trim();
  const stripped = trigger && text.startsWith(trigger) ? text.slice(trigger.length) : text;
  return toFontText(stripped.trim()) || '(empty prompt)';
}

function drawScene(raster: Raster, random: Random, paper: Rgb, box: Box, line: number): void {
  const horizon = Math.round(box.top + box.height * between(random, 0.55, 0.75));
  fillRect(
    raster,
    box.left,
    horizon,
    box.width,
    box.top + box.height - horizon,
    shade(paper, 0.88),
  );
  const sunRadius = Math.min(box.width, box.height) * between(random, 0.05, 0.09);
  const sunX = box.left + box.width * between(random, 0.15, 0.85);
  const sunY = box.top + box.height * between(random, 0.48, 0.56) - sunRadius * 2;
  fillDisk(raster, sunX, sunY, sunRadius, shade(paper, 0.8));
  const blocks = 2 + Math.floor(random() * 3);
  for (let i = 0; i < blocks; i++) {
    const w = box.width * between(random, 0.08, 0.2);
    const h = box.height * between(random, 0.1, 0.3);
    const x = box.left + (box.width - w) * random();
    fillRect(raster, x, horizon - h, w, h, shade(paper, 0.72));
    strokeRect(raster, x, horizon - h, w, h, line, INK);
  }
  const figureH = box.height * between(random, 0.12, 0.2);
  const figureW = figureH * 0.35;
  const figureX = box.left + (box.width - figureW) * between(random, 0.2, 0.8);
  const figureY = horizon + (box.top + box.height - horizon - figureH) * between(random, 0.3, 0.7);
  fillRect(raster, figureX, figureY, figureW, figureH, shade(paper, 0.45));
  fillDisk(raster, figureX + figureW / 2, figureY - figureW * 0.45, figureW * 0.45, INK);
  fillRect(raster, box.left, horizon - Math.floor(line / 2), box.width, line, INK);
}

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

function drawCaption(raster: Raster, caption: string, box: Box, scale: number, line: number): void {
  const pad = 3 * scale;
  const columns = Math.floor((box.width - 2 * pad) / (CELL_WIDTH * scale));
  const maxLines = Math.max(1, Math.floor((box.height * 0.45) / (LINE_HEIGHT * scale)));
  const lines = wrapText(caption, columns, maxLines);
  const widest = Math.max(...lines.map((text) => measureText(text, scale)));
  const cardW = Math.min(box.width, widest + 2 * pad);
  const cardH = lines.length * LINE_HEIGHT * scale - 2 * scale + 2 * pad;
  fillRect(raster, box.left, box.top, cardW, cardH, CARD);
  strokeRect(raster, box.left, box.top, cardW, cardH, line, INK);
  lines.forEach((text, i) => {
    drawText(raster, text, box.left + pad, box.top + pad + i * LINE_HEIGHT * scale, scale, INK);
  });
}

function drawLabel(raster: Raster, label: string, box: Box, scale: number): void {
  const pad = 2 * scale;
  const w = measureText(label, scale) + 2 * pad;
  const h = 7 * scale + 2 * pad;
  const left = box.left + box.width - w;
  const top = box.top + box.height - h;
  fillRect(raster, left, top, w, h, CARD);
  drawText(raster, label, left + pad, top + pad, scale, INK);
}

/**
 * Draws a draft frame as raw RGB pixels: a paper background tinted by a hash of seed and prompt, a
 * panel border, a simple deterministic scene (horizon, blocks, a figure), the prompt lettered in
 * the built-in font and the seed and size in a corner. Pure: same input, same pixels.
 */
export function drawDraftImage(input: DraftImageInput): Raster {
  const { width, height } = input;
  const index = input.index ?? 0;
  const random = createRandom(hashString(`${input.seed}\n${input.prompt}\n${index}`));
  const paper: Rgb = [
    Math.round(between(random, 226, 250)),
    Math.round(between(random, 222, 246)),
    Math.round(between(random, 206, 236)),
  ];
  const raster = createRaster(width, height, paper);
  const short = Math.min(width, height);
  const scale = Math.max(1, Math.round(short / 256));
  const border = Math.max(2, Math.round(short / 170));
  const line = Math.max(1, Math.round(border / 2));
  const margin = Math.max(border + 2, Math.round(short / 28));
  const panel: Box = {
    left: margin,
    top: margin,
    width: width - 2 * margin,
    height: height - 2 * margin,
  };
  const inner: Box = {
    left: panel.left + border,
    top: panel.top + border,
    width: panel.width - 2 * border,
    height: panel.height - 2 * border,
  };
  drawScene(raster, random, paper, inner, line);
  const gap = 2 * scale;
  const content: Box = {
    left: inner.left + gap,
    top: inner.top + gap,
    width: inner.width - 2 * gap,
    height: inner.height - 2 * gap,
  };
  drawCaption(raster, toCaption(input.prompt, input.trigger), content, scale, line);
  const label = `seed ${toFontText(input.seed)} #${index} ${width}x${height}`;
  drawLabel(raster, label, content, Math.max(1, Math.round(scale / 2)));
  strokeRect(raster, panel.left, panel.top, panel.width, panel.height, border, INK);
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

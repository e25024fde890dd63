import type { Rect } from 'storyboard';
import type { FontSet } from '../fonts/font-set.js';
import { inflate } from './_rects.js';
import type { GlyphRun, LetteringItem, LetteringLayout, ShapeGroup } from './types.js';

/** A rasterisable piece of the lettering and where it goes on the page. */
export interface OverlayTile {
  /** SVG document; glyphs are paths (no `<text>`), so no system font is needed to draw it. */
  svg: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * Turns a page's lettering into SVG tiles, one per item (caption, balloon, sound effect), each
 * just large enough for it, to composite over the page image in drawing order. Small tiles keep
 * rasterising and blending cheap. Letters are glyph outlines from the same fonts and positions
 * the PDF uses.
 */
export function renderLetteringOverlays(layout: LetteringLayout, fonts: FontSet): OverlayTile[] {
  const tiles: OverlayTile[] = [];
  for (const item of layout.items) {
    // Bounds follow advance widths; slanted and outlined glyphs may reach a little beyond.
    const overhang = Math.max(2, ...item.runs.map((r) => 0.25 * r.sizePx));
    const area = pixelArea(inflate(item.bounds, overhang), layout.canvas);
    if (area.w <= 0 || area.h <= 0) continue;
    tiles.push({
      svg: renderLetteringSvg([item], fonts, area),
      left: area.x,
      top: area.y,
      width: area.w,
      height: area.h,
    });
  }
  return tiles;
}

/**
 * One SVG document drawing `items`, its viewport being `area` of the page (pixels). Each glyph is
 * its own transformed `<path>`: librsvg draws the same pixels as with `<defs>` and `<use>`, but
 * 15–35 % faster in our measurements, and rasterising is what lettering costs per page.
 */
export function renderLetteringSvg(
  items: readonly LetteringItem[],
  fonts: FontSet,
  area: Rect,
): string {
  const body = items.map((item) => drawItem(item, fonts)).join('');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg"`,
    ` width="${area.w}" height="${area.h}" viewBox="${area.x} ${area.y} ${area.w} ${area.h}">`,
    `${body}</svg>`,
  ].join('');
}

function drawItem(item: LetteringItem, fonts: FontSet): string {
  const parts = item.shapes.map(drawShapes);
  const { outline } = item.paint;
  if (outline !== undefined) {
    parts.push(
      ...item.runs.map((run) => {
        const scale = glyphScale(fonts, run);
        const width = (2 * outline.width) / scale;
        return `<g fill="none" stroke="${attr(outline.color)}" stroke-width="${num(width)}" stroke-linejoin="round">${drawGlyphs(run, scale, fonts)}</g>`;
      }),
    );
  }
  parts.push(
    `<g fill="${attr(item.paint.fill)}">${item.runs.map((run) => drawGlyphs(run, glyphScale(fonts, run), fonts)).join('')}</g>`,
  );
  const content = parts.join('');
  if (item.rotate === undefined) return content;
  const { degrees, cx, cy } = item.rotate;
  return `<g transform="rotate(${num(degrees)} ${num(cx)} ${num(cy)})">${content}</g>`;
}

function drawShapes(group: ShapeGroup): string {
  const paths = group.paths.map((d) => `<path d="${d}"/>`).join('');
  let stroke = '';
  if (group.stroke !== null) {
    const dash =
      group.dash === undefined
        ? ''
        : ` stroke-dasharray="${num(group.dash[0])} ${num(group.dash[1])}"`;
    stroke = `<g fill="none" stroke="${attr(group.stroke)}" stroke-width="${num(2 * group.strokeWidth)}" stroke-linejoin="round"${dash}>${paths}</g>`;
  }
  return `${stroke}<g fill="${attr(group.fill)}">${paths}</g>`;
}

function drawGlyphs(run: GlyphRun, scale: number, fonts: FontSet): string {
  return run.glyphs
    .map((glyph) => {
      const d = fonts.glyphOutline(run.fontKey, glyph.id);
      if (d === '') return '';
      const x = run.x + glyph.x;
      const y = run.y + glyph.y;
      return `<path d="${d}" transform="matrix(${num(scale)} 0 0 ${num(-scale)} ${num(x)} ${num(y)})"/>`;
    })
    .join('');
}

function glyphScale(fonts: FontSet, run: GlyphRun): number {
  return run.sizePx / fonts.unitsPerEm(run.fontKey);
}

/** Whole-pixel rectangle covering `rect`, clipped to the canvas. */
function pixelArea(rect: Rect, canvas: { widthPx: number; heightPx: number }): Rect {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(canvas.widthPx, Math.ceil(rect.x + rect.w));
  const y1 = Math.min(canvas.heightPx, Math.ceil(rect.y + rect.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

function num(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

function attr(value: string): string {
  return value.replace(/[<>&"]/g, '');
}

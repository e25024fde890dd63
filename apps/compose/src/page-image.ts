import sharp, { type JpegOptions, type OverlayOptions } from 'sharp';
import type { Focus, PageLayout, Rect } from 'storyboard';
import { MissingPanelError } from './errors.js';
import { type FittedPanel, fitPanel } from './fit.js';
import type { FontSet } from './fonts/font-set.js';
import { renderLetteringOverlays } from './lettering/svg-overlay.js';
import type { LetteringLayout } from './lettering/types.js';
import type { ComposeWarning } from './types.js';

/** One picture on a page. */
export interface PageArt {
  /** Panel id (`cover` for the cover). */
  panel: string;
  /** Image file (or its bytes). */
  input: string | Buffer;
  /** Where the picture goes (a slot's `image` rectangle, or the whole canvas for the cover). */
  rect: Rect;
  focus: Focus;
  /** The panel's cell, filled with the border colour under the picture; none for the cover. */
  frame?: Rect;
}

/** Image format of the page files. */
export type PageFormat = 'jpeg' | 'png';

/** Options of {@link composePage}. */
export interface ComposePageOptions {
  /** @default 'jpeg' */
  format?: PageFormat;
  /** @default 90 */
  jpegQuality?: number;
  /**
   * Optimise JPEG Huffman tables: about 4% smaller pages, but encoding takes twice as long.
   * @default false
   */
  jpegOptimiseCoding?: boolean;
  /** Also encode a JPEG when `format` is `png` (the PDF embeds JPEGs). @default false */
  alsoJpeg?: boolean;
  /** Warn when a panel is enlarged by more than this. @default 1.5 */
  upscaleWarnFactor?: number;
  /** Largest panel image accepted, in pixels; `false` for no limit. */
  limitInputPixels?: number | false;
}

/** A finished page image. */
export interface PageImage {
  /** Encoded in `format`. */
  data: Buffer;
  format: PageFormat;
  width: number;
  height: number;
  /** JPEG bytes for the PDF: `data` itself for JPEG pages, a second encoding when asked. */
  jpeg: Buffer | undefined;
  warnings: ComposeWarning[];
}

/**
 * Composes one page image in a single sharp pass: the page colour, each panel's frame and its
 * picture (fitted in parallel, kept as raw pixels in memory, no temporary files) and the
 * lettering rasterised from SVG glyph outlines, all in one `composite()` before encoding.
 * A picture that cannot be read throws a `MissingPanelError`.
 */
export async function composePage(
  geometry: PageLayout,
  art: readonly PageArt[],
  lettering: LetteringLayout | undefined,
  fonts: FontSet,
  page: number | 'cover',
  options: ComposePageOptions = {},
): Promise<PageImage> {
  const format = options.format ?? 'jpeg';
  const jpeg = jpegOptions(options.jpegQuality ?? 90, options.jpegOptimiseCoding ?? false);
  const warnFactor = options.upscaleWarnFactor ?? 1.5;
  const fitted = await Promise.all(
    art.map(async (item): Promise<FittedPanel> => {
      try {
        return await fitPanel(item.input, item.rect.w, item.rect.h, {
          focus: item.focus,
          background: geometry.background,
          ...(options.limitInputPixels === undefined
            ? {}
            : { limitInputPixels: options.limitInputPixels }),
        });
      } catch (error) {
        throw new MissingPanelError(
          { page, panel: item.panel },
          typeof item.input === 'string' ? item.input : '(buffer)',
          { cause: error },
        );
      }
    }),
  );
  const layers: OverlayOptions[] = [];
  const warnings: ComposeWarning[] = [];
  art.forEach((item, index) => {
    const panel = fitted[index] as FittedPanel;
    if (item.frame !== undefined && geometry.border.widthPx > 0) {
      layers.push(...frameStrips(item.frame, item.rect, geometry.border.color));
    }
    layers.push({
      input: panel.data,
      raw: { width: panel.width, height: panel.height, channels: 3 },
      left: item.rect.x,
      top: item.rect.y,
    });
    if (panel.scale > warnFactor) {
      warnings.push({
        kind: 'upscale',
        page,
        panel: item.panel,
        factor: panel.scale,
        message: `Panel ${item.panel} (${page === 'cover' ? 'cover' : `page ${page}`}) is enlarged ${panel.scale.toFixed(2)}× (${panel.source.width} × ${panel.source.height} px to fill ${item.rect.w} × ${item.rect.h} px); render it larger for print quality`,
      });
    }
  });
  if (lettering !== undefined) {
    for (const tile of renderLetteringOverlays(lettering, fonts)) {
      layers.push({ input: Buffer.from(tile.svg), left: tile.left, top: tile.top });
    }
  }
  const { widthPx: width, heightPx: height } = geometry.canvas;
  const canvas = sharp({
    create: { width, height, channels: 3, background: geometry.background },
  })
    .composite(layers)
    .removeAlpha();
  if (format === 'jpeg') {
    const data = await canvas.jpeg(jpeg).toBuffer();
    return { data, format, width, height, jpeg: data, warnings };
  }
  if (options.alsoJpeg !== true) {
    const data = await canvas.png().toBuffer();
    return { data, format, width, height, jpeg: undefined, warnings };
  }
  const raw = await canvas.raw().toBuffer({ resolveWithObject: true });
  const rawInput = { raw: { width, height, channels: raw.info.channels } } as const;
  const [data, jpegData] = await Promise.all([
    sharp(raw.data, rawInput).png().toBuffer(),
    sharp(raw.data, rawInput).jpeg(jpeg).toBuffer(),
  ]);
  return { data, format, width, height, jpeg: jpegData, warnings };
}

/**
 * The border between a cell and its picture as up to four solid strips (cheaper to composite
 * than a whole cell under the picture).
 */
function frameStrips(frame: Rect, picture: Rect, color: string): OverlayOptions[] {
  const strips: Rect[] = [
    { x: frame.x, y: frame.y, w: frame.w, h: picture.y - frame.y },
    {
      x: frame.x,
      y: picture.y + picture.h,
      w: frame.w,
      h: frame.y + frame.h - picture.y - picture.h,
    },
    { x: frame.x, y: picture.y, w: picture.x - frame.x, h: picture.h },
    {
      x: picture.x + picture.w,
      y: picture.y,
      w: frame.x + frame.w - picture.x - picture.w,
      h: picture.h,
    },
  ];
  return strips
    .filter((strip) => strip.w > 0 && strip.h > 0)
    .map((strip) => ({
      input: { create: { width: strip.w, height: strip.h, channels: 3, background: color } },
      left: strip.x,
      top: strip.y,
    }));
}

function jpegOptions(quality: number, optimiseCoding: boolean): JpegOptions {
  return { quality, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding };
}

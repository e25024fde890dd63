import sharp, { type JpegOptions } from 'sharp';
import type { PageLayout, Rect } from 'storyboard';
import { encodeCmykJpeg } from './colour/cmyk.js';
import { embedIccInJpeg, embedIccInPng } from './colour/embed-icc.js';
import { readIccProfile, SRGB_PROFILE } from './colour/icc-profiles.js';
import { rgbOf } from './colour/rgb-of.js';
import type { FittedPanel } from './fit.js';
import { type FittedPicture, fitPageArt, type PageArt } from './fit-page-art.js';
import type { FontSet } from './fonts/font-set.js';
import type { ArtMap } from './lettering/art/art-map.js';
import { type OverlayTile, renderLetteringOverlays } from './lettering/svg-overlay.js';
import type { LetteringLayout } from './lettering/types.js';
import {
  blendRgba,
  blitRgb,
  type CanvasPool,
  fillOutside,
  fillRect,
  type RawPixels,
} from './raw-canvas.js';
import type { ComposeWarning } from './types.js';

export type { PageArt } from './fit-page-art.js';

/** Lays a page's lettering out once its pictures are known (by panel id). */
export type LetterPage = (art: ReadonlyMap<string, ArtMap>) => LetteringLayout;

/** Where a picture went on the page and what of it shows. */
export interface PlacedPicture {
  panel: string;
  /** Its rectangle on the canvas, in pixels. */
  rect: Rect;
  /** The part of the source picture shown, in source pixels. */
  crop: { x: number; y: number; w: number; h: number };
  /** SHA-256 of the picture file's bytes, lower-case hex. */
  sha256: string;
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
  /**
   * Warn when a picture prints below this many pixels per inch (the page's dpi at most).
   * @default 300
   */
  minPpi?: number;
  /** Largest panel image accepted, in pixels; `false` for no limit. */
  limitInputPixels?: number | false;
  /**
   * Encode one grey channel (a black-and-white book): panels and lettering come out grey,
   * and the JPEG the PDF embeds is a DeviceGray image.
   * @default false
   */
  grayscale?: boolean;
  /** Where to take the page canvas from (and give it back to), when composing many pages. */
  canvasPool?: CanvasPool;
  /**
   * The page's pictures, already being fitted by `fitPageArt` (with their art read when
   * `lettering` is a `LetterPage`): a page composer can fit the next pages' pictures ahead.
   * @internal
   */
  fitted?: Promise<FittedPicture[]>;
  /**
   * Also encode the page without its lettering as a CMYK JPEG (FOGRA39), the print edition's
   * art. @default false
   */
  cmykArt?: boolean;
  /**
   * Also keep the lettered page cut to this box as raw pixels (`trimmed`), so the screen and
   * archive renditions are made from it instead of decoding the page file again.
   */
  trimBox?: Rect;
}

/**
 * A page cut to its trim box, as raw pixels: RGB, or one grey channel for a grey book; `width`
 * and `height` are the trimmed page's.
 */
export interface TrimmedPage extends RawPixels {
  channels: 1 | 3;
  /**
   * `data` is the whole page canvas, this big, and the trimmed page the part of it at (`left`,
   * `top`): no copy of the page is made for its renditions. Absent when `data` is the trimmed
   * page alone.
   */
  canvas?: { width: number; height: number; left: number; top: number };
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
  /** The page without lettering as a CMYK JPEG, when asked (`cmykArt`). */
  cmykArt: Buffer | undefined;
  /** The lettered page cut to `trimBox` (grey for a grey book), when asked. */
  trimmed?: TrimmedPage | undefined;
  /**
   * Drops `trimmed` once its renditions are made. Its pixels may be the page canvas, which then
   * goes back to `canvasPool` for another page.
   */
  releaseTrimmed?: () => void;
  /** The lettering drawn (laid out here when `composePage` was given a `LetterPage`). */
  lettering: LetteringLayout | undefined;
  pictures: PlacedPicture[];
  warnings: ComposeWarning[];
}

/**
 * Composes one page image. The panels are fitted (in parallel, kept as raw pixels in memory, no
 * temporary files) while the lettering is rasterised from SVG glyph outlines into small RGBA
 * tiles; the page colour, each panel's frame and picture, then the tiles are laid into one raw
 * RGB canvas in JS, and sharp encodes that canvas once. sharp's own `composite()` would blend
 * every layer over the whole page, which costs more than decoding the panels.
 * Page files carry the page's resolution (JFIF density, PNG pHYs) and the sRGB profile.
 * A picture that cannot be read throws a `MissingPanelError`.
 *
 * `lettering` is a finished layout, or a `LetterPage` called once with every fitted picture's
 * art map (`analyseArt`), so the lettering is placed where the art on this page is quiet.
 */
export async function composePage(
  geometry: PageLayout,
  art: readonly PageArt[],
  lettering: LetteringLayout | LetterPage | undefined,
  fonts: FontSet,
  page: number | 'cover',
  options: ComposePageOptions = {},
): Promise<PageImage> {
  const { widthPx: width, heightPx: height } = geometry.canvas;
  // Asked for first: a new canvas is made on the thread pool while the pictures are fitted.
  const takingCanvas = options.canvasPool?.take(width, height);
  takingCanvas?.catch(() => undefined);
  const format = options.format ?? 'jpeg';
  const jpeg = jpegOptions(options.jpegQuality ?? 90, options.jpegOptimiseCoding ?? false);
  const minPpi = Math.min(options.minPpi ?? 300, geometry.dpi);
  const placesByArt = typeof lettering === 'function';
  const fitted =
    (await options.fitted) ??
    (await fitPageArt(geometry, art, page, {
      readArt: placesByArt,
      limitInputPixels: options.limitInputPixels,
    }));
  const layout =
    typeof lettering === 'function'
      ? lettering(new Map(art.map((item, i) => [item.panel, fitted[i]?.art as ArtMap])))
      : lettering;
  const tiles = Promise.all(
    (layout === undefined ? [] : renderLetteringOverlays(layout, fonts)).map(rasteriseTile),
  );
  // Awaited below once the panels are in; a failure before that must not go unhandled.
  tiles.catch(() => undefined);
  const pictures = art.map((item, i) => {
    const panel = fitted[i] as FittedPicture;
    return { panel: item.panel, rect: item.rect, crop: panel.crop, sha256: panel.sha256 };
  });
  const [background, border] = await Promise.all([
    rgbOf(geometry.background),
    geometry.border.widthPx > 0 && art.some((item) => item.frame !== undefined)
      ? rgbOf(geometry.border.color)
      : undefined,
  ]);
  const canvas = (await takingCanvas) ?? {
    data: Buffer.allocUnsafe(width * height * 3),
    width,
    height,
  };
  // The trimmed page may be a view of the canvas: then the canvas goes back to the pool only
  // when the trimmed page is released, not when this page is encoded.
  let canvasInTrimmed = false;
  try {
    // Only where no picture goes: the pictures are copied over the rest.
    fillOutside(
      canvas,
      background,
      art.map((item, index) => {
        const panel = fitted[index] as FittedPanel;
        return { x: item.rect.x, y: item.rect.y, w: panel.width, h: panel.height };
      }),
    );
    const warnings: ComposeWarning[] = [...(layout?.warnings ?? [])];
    art.forEach((item, index) => {
      const panel = fitted[index] as FittedPanel;
      if (item.frame !== undefined && border !== undefined) {
        for (const strip of frameStrips(item.frame, item.rect)) fillRect(canvas, strip, border);
      }
      blitRgb(canvas, panel, item.rect.x, item.rect.y);
      // Half a ppi of slack: rounding the picture to whole pixels must not warn.
      const ppi = geometry.dpi / panel.scale;
      if (ppi < minPpi - 0.5) warnings.push(resolutionWarning(item, page, panel, ppi, minPpi));
    });
    // The pictures are on the canvas: their pixels can go while the page is encoded (the next
    // pages' pictures are being fitted meanwhile).
    fitted.length = 0;
    const dpi = geometry.dpi;
    // The print edition draws all lettering as vectors (black as black ink only), so its art is
    // the page before lettering: a copy, since the canvas is lettered next.
    const cmykArt =
      options.cmykArt === true
        ? encodeCmykJpeg(
            { data: Buffer.from(canvas.data), width, height },
            { quality: options.jpegQuality ?? 90, dpi },
          )
        : undefined;
    cmykArt?.catch(() => undefined);
    for (const tile of await tiles) blendRgba(canvas, tile, tile.left, tile.top);
    const grayscale = options.grayscale === true;
    const trimmed =
      options.trimBox === undefined ? undefined : trimCanvas(canvas, options.trimBox, grayscale);
    trimmed?.catch(() => undefined);
    const encoder = () => {
      const image = sharp(canvas.data, { raw: { width, height, channels: 3 } }).withDensity(dpi);
      return grayscale ? image.toColourspace('b-w') : image;
    };
    // An sRGB profile describes three channels: a grey page carries none (DeviceGray in the PDF).
    const srgb = grayscale ? undefined : readIccProfile(SRGB_PROFILE);
    const encodeJpeg = async () => {
      const encoded = grayscale ? encoder() : encoder().withExif(SRGB_EXIF);
      const data = await encoded.jpeg(jpeg).toBuffer();
      return srgb ? embedIccInJpeg(data, srgb) : data;
    };
    if (format === 'jpeg') {
      const [data, cmyk, trimmedPixels] = await Promise.all([encodeJpeg(), cmykArt, trimmed]);
      return withTrimmed(
        {
          data,
          format,
          width,
          height,
          jpeg: data,
          cmykArt: cmyk,
          lettering: layout,
          pictures,
          warnings,
        },
        trimmedPixels,
      );
    }
    const [data, jpegData, cmyk, trimmedPixels] = await Promise.all([
      encoder()
        .png()
        .toBuffer()
        .then((png) => (srgb ? embedIccInPng(png, srgb) : png)),
      options.alsoJpeg === true ? encodeJpeg() : undefined,
      cmykArt,
      trimmed,
    ]);
    return withTrimmed(
      {
        data,
        format,
        width,
        height,
        jpeg: jpegData,
        cmykArt: cmyk,
        lettering: layout,
        pictures,
        warnings,
      },
      trimmedPixels,
    );
  } finally {
    if (!canvasInTrimmed) options.canvasPool?.give(canvas);
  }

  /** The finished page with its trimmed pixels, releasing the canvas they may be part of. */
  function withTrimmed(image: PageImage, pixels: TrimmedPage | undefined): PageImage {
    if (pixels === undefined) return image;
    image.trimmed = pixels;
    const viewsCanvas = pixels.data === canvas.data;
    canvasInTrimmed = viewsCanvas;
    let released = false;
    image.releaseTrimmed = () => {
      image.trimmed = undefined;
      if (released) return;
      released = true;
      if (viewsCanvas) options.canvasPool?.give(canvas);
    };
    return image;
  }
}

/**
 * The trimmed page as its renditions show it: RGB, the canvas itself (`trimBox` of it), or one
 * grey channel of its own for a grey book.
 */
async function trimCanvas(
  canvas: RawPixels,
  trimBox: Rect,
  grayscale: boolean,
): Promise<TrimmedPage> {
  const { width, height } = canvas;
  if (!grayscale) {
    return {
      data: canvas.data,
      width: trimBox.w,
      height: trimBox.h,
      channels: 3,
      canvas: { width, height, left: trimBox.x, top: trimBox.y },
    };
  }
  const { data, info } = await sharp(canvas.data, { raw: { width, height, channels: 3 } })
    .extract({ left: trimBox.x, top: trimBox.y, width: trimBox.w, height: trimBox.h })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 1 };
}

/** A lettering tile rasterised to straight-alpha RGBA pixels, with its place on the page. */
async function rasteriseTile(
  tile: OverlayTile,
): Promise<RawPixels & { left: number; top: number }> {
  const { data, info } = await sharp(Buffer.from(tile.svg))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, left: tile.left, top: tile.top };
}

function resolutionWarning(
  item: PageArt,
  page: number | 'cover',
  panel: FittedPanel,
  ppi: number,
  minPpi: number,
): ComposeWarning {
  return {
    kind: 'resolution',
    page,
    panel: item.panel,
    ppi: Math.round(ppi),
    message: `Panel ${item.panel} (${page === 'cover' ? 'cover' : `page ${page}`}) prints at ${Math.round(ppi)} ppi, below ${minPpi}: its ${panel.source.width} × ${panel.source.height} px picture is enlarged ${panel.scale.toFixed(2)}× to fill ${item.rect.w} × ${item.rect.h} px (generation.upscale enlarges it on Wiro; it was off or failed)`,
  };
}

/** The border between a cell and its picture as up to four solid strips. */
function frameStrips(frame: Rect, picture: Rect): Rect[] {
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
  return strips.filter((strip) => strip.w > 0 && strip.h > 0);
}

/**
 * The EXIF block libvips writes with the density says "uncalibrated" colour unless told; sRGB
 * (1) agrees with the embedded profile.
 */
const SRGB_EXIF = Object.freeze({ IFD2: Object.freeze({ ColorSpace: '1' }) });

function jpegOptions(quality: number, optimiseCoding: boolean): JpegOptions {
  return { quality, chromaSubsampling: '4:2:0', mozjpeg: false, optimiseCoding };
}

import sharp from 'sharp';
import type { RawPixels, Rgb } from '../raw-canvas.js';
import { FOGRA39_PROFILE, type IccProfile } from './icc-profiles.js';
import { rgbOf } from './rgb-of.js';

/** A CMYK colour in percent of each ink, as pdfkit takes it: `[c, m, y, k]`. */
export type Cmyk = [number, number, number, number];

/** Options of {@link encodeCmykJpeg}. */
export interface CmykJpegOptions {
  quality: number;
  /** Written as the JPEG's density. */
  dpi: number;
  /** @default FOGRA39_PROFILE */
  profile?: IccProfile;
}

/**
 * Converts sRGB pixels to the press profile's CMYK (perceptual intent, lcms through libvips) and
 * encodes them as a CMYK JPEG. libvips writes the Adobe convention (inverted values, APP14
 * marker), which is what PDF readers expect with pdfkit's `/Decode [1 0 1 0 1 0 1 0]`. The
 * profile is not embedded: the PDF's output intent names it once for every page.
 */
export function encodeCmykJpeg(pixels: RawPixels, options: CmykJpegOptions): Promise<Buffer> {
  const { width, height } = pixels;
  return sharp(pixels.data, { raw: { width, height, channels: 3 } })
    .withIccProfile((options.profile ?? FOGRA39_PROFILE).path, { attach: false })
    .withDensity(options.dpi)
    .jpeg({ quality: options.quality, mozjpeg: false })
    .toBuffer();
}

/**
 * The CMYK ink of an sRGB colour on the press: black is black ink only (0/0/0/100, never a rich
 * black under type) and white is no ink; every other colour goes through the press profile like
 * the page art.
 */
export async function cmykOf(rgb: Rgb, profile: IccProfile = FOGRA39_PROFILE): Promise<Cmyk> {
  const [r, g, b] = rgb;
  if (r === 0 && g === 0 && b === 0) return [0, 0, 0, 100];
  if (r === 255 && g === 255 && b === 255) return [0, 0, 0, 0];
  const ink = await sharp(Buffer.from(rgb), { raw: { width: 1, height: 1, channels: 3 } })
    .withIccProfile(profile.path, { attach: false })
    .raw()
    .toBuffer();
  const percent = (value: number | undefined) => Math.round(((value ?? 0) / 255) * 1000) / 10;
  return [percent(ink[0]), percent(ink[1]), percent(ink[2]), percent(ink[3])];
}

/**
 * Colours resolved to press inks ahead of drawing: pdfkit draws synchronously, the conversion
 * is not. `prepare` the colours of a page before `get`ting them.
 */
export interface CmykPalette {
  prepare(colours: Iterable<string>): Promise<void>;
  /** The ink of a prepared colour; throws for one never prepared. */
  get(colour: string): Cmyk;
}

/** A palette converting with `profile` (FOGRA39 unless given). */
export function createCmykPalette(profile: IccProfile = FOGRA39_PROFILE): CmykPalette {
  const pending = new Map<string, Promise<Cmyk>>();
  const ready = new Map<string, Cmyk>();
  return {
    async prepare(colours) {
      const wanted = [...new Set(colours)].filter((colour) => !ready.has(colour));
      for (const colour of wanted) {
        if (!pending.has(colour)) {
          pending.set(
            colour,
            rgbOf(colour).then((rgb) => cmykOf(rgb, profile)),
          );
        }
      }
      for (const colour of wanted) ready.set(colour, await (pending.get(colour) as Promise<Cmyk>));
    },
    get(colour) {
      const ink = ready.get(colour);
      if (ink === undefined) throw new Error(`colour ${colour} was not prepared`);
      return ink;
    },
  };
}

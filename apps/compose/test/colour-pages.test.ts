import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIccProfile, SRGB_PROFILE } from '../src/index.js';
import { composeSample, makeTempDir } from './_helpers.js';
import { hasTool, runTool } from './_tools.js';

const hasIdentify = hasTool('identify', '-version');

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let jpegPage: string;
let pngPage: string;

/** Composes the sample issue's pages at `dpi` under `temp.dir/<name>`, as JPEG or PNG. */
async function composePages(name: string, dpi: number, pageFormat: 'jpeg' | 'png') {
  const { outDir } = await composeSample(
    join(temp.dir, name),
    { print: true, pageFormat, formats: ['pages'] },
    (script) => script.replace('dpi: 72', `dpi: ${dpi}`),
  );
  return join(outDir, 'pages', `page-001.${pageFormat === 'jpeg' ? 'jpg' : 'png'}`);
}

beforeAll(async () => {
  temp = await makeTempDir();
  jpegPage = await composePages('jpeg', 300, 'jpeg');
  pngPage = await composePages('png', 150, 'png');
}, 120_000);

afterAll(() => temp.cleanup());

describe('page files', () => {
  it('carry the page dpi and the embedded sRGB profile (JPEG)', async () => {
    const meta = await sharp(jpegPage).metadata();
    expect(meta.density).toBe(300);
    expect(meta.space).toBe('srgb');
    expect(meta.icc?.equals(readIccProfile(SRGB_PROFILE))).toBe(true);
    // A4 with 0.125 in bleed at 300 dpi: the size in inches tools compute from it is the page's.
    expect((meta.width ?? 0) / 300).toBeCloseTo(8.52, 1);
  });

  it('carry the page dpi and the embedded sRGB profile (PNG)', async () => {
    const meta = await sharp(pngPage).metadata();
    expect(meta.density).toBe(150);
    expect(meta.icc?.equals(readIccProfile(SRGB_PROFILE))).toBe(true);
  });

  it.skipIf(!hasIdentify)('read as 300 dpi and sRGB with ImageMagick identify', async () => {
    const { code, stdout } = await runTool('identify', ['-verbose', jpegPage]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Resolution: 300x300/);
    expect(stdout).toMatch(/Units: PixelsPerInch/);
    expect(stdout).toMatch(/Colorspace: sRGB/);
    expect(stdout).toMatch(/icc:description: sRGB IEC61966-2\.1/);
    expect(stdout).toMatch(/exif:ColorSpace: 1\b/);
    const png = await runTool('identify', ['-format', '%x %y %[icc:description]', pngPage]);
    expect(png.stdout).toMatch(/^59\.0\d* .*sRGB IEC61966-2\.1/);
  });
});

describe('page file bytes', () => {
  it('hold the profile once, in APP2 ICC_PROFILE markers before the image data', async () => {
    const bytes = await readFile(jpegPage);
    const marker = bytes.indexOf(Buffer.from('ICC_PROFILE\0', 'latin1'));
    const scan = bytes.indexOf(Buffer.from([0xff, 0xda]));
    expect(marker).toBeGreaterThan(0);
    expect(marker).toBeLessThan(scan);
    expect(bytes.indexOf(Buffer.from('ICC_PROFILE\0', 'latin1'), marker + 1)).toBe(-1);
  });
});

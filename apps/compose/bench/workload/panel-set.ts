/**
 * The benchmark's panel files: `panel-000.png` … in a folder, with a `manifest.json` that records
 * the generator version and every file's size and sha256, so two machines (or two runs) can check
 * they measure the same workload.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { drawPanel } from './panel-pixels.js';

/** Bumped whenever the pixels change, so cached panel sets are regenerated. */
export const PANEL_GENERATOR_VERSION = 1;

/** `manifest.json` of a panel set. */
export interface PanelSetManifest {
  generator: number;
  count: number;
  size: number;
  sharp: string;
  files: Array<{ name: string; bytes: number; sha256: string }>;
  totalBytes: number;
  minBytes: number;
  medianBytes: number;
  maxBytes: number;
}

/** File name of panel `n`. */
export function panelFileName(n: number): string {
  return `panel-${String(n).padStart(3, '0')}.png`;
}

/**
 * Draws and writes `count` panels of `size × size` into `dir` (PNG, zlib level 6 with adaptive
 * filtering, as image services commonly write them) and returns the manifest it wrote. Drawing
 * the next panel overlaps encoding the previous one.
 */
export async function writePanelSet(
  dir: string,
  options: { count: number; size?: number; onProgress?: (done: number) => void },
): Promise<PanelSetManifest> {
  const size = options.size ?? 1024;
  await mkdir(dir, { recursive: true });
  const files: PanelSetManifest['files'] = [];
  const encode = async (n: number, pixels: Uint8ClampedArray) => {
    const png = await sharp(Buffer.from(pixels.buffer), {
      raw: { width: size, height: size, channels: 3 },
    })
      .png({ compressionLevel: 6, adaptiveFiltering: true })
      .toBuffer();
    const name = panelFileName(n);
    await writeFile(join(dir, name), png);
    files[n] = { name, bytes: png.length, sha256: createHash('sha256').update(png).digest('hex') };
    options.onProgress?.(n + 1);
  };
  let previous: Promise<void> = Promise.resolve();
  for (let n = 0; n < options.count; n++) {
    const pixels = drawPanel(n, size);
    await previous;
    previous = encode(n, pixels);
  }
  await previous;
  const sizes = files.map((f) => f.bytes).sort((a, b) => a - b);
  const manifest: PanelSetManifest = {
    generator: PANEL_GENERATOR_VERSION,
    count: options.count,
    size,
    sharp: sharp.versions.sharp,
    files,
    totalBytes: sizes.reduce((sum, bytes) => sum + bytes, 0),
    minBytes: sizes[0] ?? 0,
    medianBytes: sizes[Math.floor(sizes.length / 2)] ?? 0,
    maxBytes: sizes.at(-1) ?? 0,
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** The manifest of the panel set in `dir` when it is complete and current, else undefined. */
export async function readPanelSet(
  dir: string,
  count: number,
): Promise<PanelSetManifest | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    const current = manifest.generator === PANEL_GENERATOR_VERSION && manifest.count >= count;
    return current ? (manifest as PanelSetManifest) : undefined;
  } catch {
    return undefined;
  }
}

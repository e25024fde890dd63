import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

/**
 * A grey, cross-hatched stand-in for a panel that failed to render, so the rest of the issue can
 * still be laid out (and the gap is obvious).
 */
export async function writePlaceholderPanel(
  dir: string,
  id: string,
  width: number,
  height: number,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${id}.png`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#d9d9d9"/>
    <path d="M0 0L${width} ${height}M${width} 0L0 ${height}" stroke="#8c8c8c" stroke-width="${Math.max(4, width / 100)}"/>
  </svg>`;
  await sharp(Buffer.from(svg)).png().toFile(path);
  return path;
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ScreenIndex, ScreenPage } from 'compose';
import type { ReaderPanel, ReaderRect, ReaderScreenPage } from './types.js';

/** Where compose writes the screen renditions and their index, inside an issue folder. */
export const SCREEN_DIR = 'screen';

const isRect = (value: unknown): value is ReaderRect =>
  typeof value === 'object' &&
  value !== null &&
  ['x', 'y', 'w', 'h'].every((key) => Number.isFinite((value as Record<string, unknown>)[key]));

/** A file name of the index as a path from the issue folder; `undefined` if it is not a plain name. */
const fileIn = (name: unknown) =>
  typeof name === 'string' && /^[\w.-]+$/.test(name) && !name.startsWith('.')
    ? `${SCREEN_DIR}/${name}`
    : undefined;

function toReaderPage(page: ScreenPage): ReaderScreenPage | undefined {
  const images = (Array.isArray(page.images) ? page.images : [])
    .filter((image) => Number.isInteger(image.width) && fileIn(image.webp) && fileIn(image.jpeg))
    .sort((a, b) => a.width - b.width);
  const first = images[0];
  if (!first || !(page.width > 0 && page.height > 0)) return undefined;
  const srcset = (format: 'webp' | 'jpeg') =>
    images.map((image) => `${fileIn(image[format])} ${image.width}w`).join(', ');
  const panels: ReaderPanel[] = (Array.isArray(page.panels) ? page.panels : [])
    .filter((panel) => isRect(panel.rect))
    .map((panel) => ({
      rect: panel.rect,
      text: String(panel.text ?? ''),
      lettering: (Array.isArray(panel.lettering) ? panel.lettering : [])
        .filter((item) => isRect(item.rect) && item.size > 0)
        .map((item) => ({ rect: item.rect, size: item.size })),
    }));
  return {
    label: String(page.label),
    alt: String(page.alt),
    width: page.width,
    height: page.height,
    webp: srcset('webp'),
    jpeg: srcset('jpeg'),
    src: fileIn(first.jpeg) as string,
    panels,
  };
}

/**
 * The issue's screen renditions from `screen/pages.json`, or `undefined` when compose wrote none
 * (or an index this reader cannot read, so it falls back to the print pages).
 */
export async function readScreenIndex(issueDir: string): Promise<ReaderScreenPage[] | undefined> {
  let index: ScreenIndex;
  try {
    index = JSON.parse(await readFile(join(issueDir, SCREEN_DIR, 'pages.json'), 'utf8'));
  } catch {
    return undefined;
  }
  if (index?.version !== 1 || !Array.isArray(index.pages)) return undefined;
  const pages = index.pages.map(toReaderPage);
  return pages.length > 0 && pages.every((page) => page !== undefined)
    ? (pages as ReaderScreenPage[])
    : undefined;
}

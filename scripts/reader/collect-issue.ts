import { readdir, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { RunManifest } from 'storyboard';
import { readScreenIndex } from './read-screen-index.js';
import type { ReaderIssue, ReaderStory } from './types.js';

/** What the reader is told about one issue. */
export interface ReaderIssueInput {
  story: ReaderStory;
  /** The issue's output folder: `manifest.json`, `pages/`, the PDF and CBZ. */
  issueDir: string;
  status: string;
  scriptPages: number;
  /** USD the issue cost, shown when the manifest does not record what its panels cost. */
  cost: number;
  /** When it was built, for issues whose script has no date. */
  builtAt?: Date | undefined;
}

/** File names the reader shows as pages when the manifest lists none. */
const IMAGE = /\.(jpe?g|png|webp|avif|gif)$/i;

const slash = (path: string) => path.split('\\').join('/');

const naturalOrder = (a: string, b: string) =>
  a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}

async function readManifest(issueDir: string): Promise<Partial<RunManifest>> {
  try {
    return JSON.parse(await readFile(join(issueDir, 'manifest.json'), 'utf8')) ?? {};
  } catch {
    return {};
  }
}

/** What the art in use cost, from the manifest's panel sources, if it records them. */
function artCost(manifest: Partial<RunManifest>): number | undefined {
  const panels = Array.isArray(manifest.panels) ? manifest.panels : [];
  const sources = panels.flatMap((panel) => (panel?.source ? [panel.source.cost] : []));
  return sources.length ? sources.reduce((sum, cost) => sum + (Number(cost) || 0), 0) : undefined;
}

/**
 * Finds an issue's files for the reader: the screen renditions (`screen/pages.json`) when
 * compose wrote them, and the manifest's outputs (`page`/`cover` images, `pdf`,
 * `cbz`, `epub`, `contact-sheet`) that exist inside the issue folder, else the images in `pages/`
 * (natural order). Outputs outside the folder are left out, so the reader never links out of it.
 * The cost is what the panels in use cost (the manifest's panel sources), else `input.cost`.
 */
export async function collectIssue(input: ReaderIssueInput, rootDir: string): Promise<ReaderIssue> {
  const manifest = await readManifest(input.issueDir);
  const files = new Map<string, string[]>();
  for (const output of Array.isArray(manifest.outputs) ? manifest.outputs : []) {
    if (typeof output?.path !== 'string' || typeof output.kind !== 'string') continue;
    const absolute = isAbsolute(output.path) ? output.path : join(input.issueDir, output.path);
    const path = relative(input.issueDir, absolute);
    if (path.startsWith('..') || isAbsolute(path) || !(await isFile(absolute))) continue;
    files.set(output.kind, [...(files.get(output.kind) ?? []), slash(path)]);
  }
  let pages = [...(files.get('cover') ?? []), ...(files.get('page') ?? [])];
  if (pages.length === 0) {
    const names = await readdir(join(input.issueDir, 'pages')).catch(() => [] as string[]);
    pages = names
      .filter((name) => IMAGE.test(name))
      .sort(naturalOrder)
      .map((name) => `pages/${name}`);
  }
  return {
    story: input.story,
    toRoot: slash(relative(input.issueDir, rootDir)) || '.',
    fromRoot: slash(relative(rootDir, input.issueDir)) || '.',
    status: input.status,
    scriptPages: input.scriptPages,
    cost: artCost(manifest) ?? input.cost,
    date: input.story.date ?? input.builtAt?.toISOString().slice(0, 10),
    pages,
    screen: await readScreenIndex(input.issueDir),
    pdf: files.get('pdf')?.[0],
    cbz: files.get('cbz')?.[0],
    epub: files.get('epub')?.[0],
    contactSheet: files.get('contact-sheet')?.[0],
  };
}

/** Shared test fixtures: small scripts and solid-colour panel images made on the fly. */
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { parseStory, type Story } from 'storyboard';
import { type ComposeOptions, type ComposeResult, composeIssue } from '../src/index.js';

/** An RGB colour. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Distinct, saturated panel colours (none near white or black, so lettering stands out). */
export const PALETTE: readonly Rgb[] = [
  { r: 200, g: 40, b: 40 },
  { r: 40, g: 150, b: 60 },
  { r: 40, g: 70, b: 190 },
  { r: 210, g: 150, b: 30 },
  { r: 140, g: 50, b: 160 },
  { r: 30, g: 150, b: 160 },
  { r: 120, g: 90, b: 60 },
  { r: 90, g: 90, b: 90 },
];

/** A fresh temporary folder and a function removing it. */
export async function makeTempDir(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'compose-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Parses a test script. */
export function storyFrom(yaml: string): Story {
  return parseStory(yaml, { file: 'test.yaml' });
}

/**
 * Writes one solid-colour PNG per panel (and the cover) of `story` into `dir`, colours taken
 * from `PALETTE` in order (cover first), and returns the panel map plus each id's colour.
 */
export async function writePanels(
  story: Story,
  dir: string,
  size = { width: 256, height: 256 },
): Promise<{ panels: Map<string, string>; colours: Map<string, Rgb> }> {
  const ids = [
    ...(story.cover === undefined ? [] : ['cover']),
    ...story.pages.flatMap((page) => page.panels.map((panel) => panel.id)),
  ];
  const panels = new Map<string, string>();
  const colours = new Map<string, Rgb>();
  for (const [index, id] of ids.entries()) {
    const colour = PALETTE[index % PALETTE.length] as Rgb;
    const path = join(dir, `${id}.png`);
    await sharp({ create: { ...size, channels: 3, background: colour } })
      .png()
      .toFile(path);
    panels.set(id, path);
    colours.set(id, colour);
  }
  return { panels, colours };
}

/** Every file under `dir`, as paths relative to it. */
export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const relative = join(prefix, entry.name);
    if (entry.isDirectory()) names.push(...(await listFiles(join(dir, entry.name), relative)));
    else names.push(relative);
  }
  return names.sort();
}

/** Whether a path exists. */
export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The pixel at `(x, y)` of a decoded RGB image. */
export function pixelAt(
  image: { data: Buffer; info: { width: number; channels: number } },
  x: number,
  y: number,
): Rgb {
  const offset = (Math.round(y) * image.info.width + Math.round(x)) * image.info.channels;
  return {
    r: image.data[offset] as number,
    g: image.data[offset + 1] as number,
    b: image.data[offset + 2] as number,
  };
}

/** Largest channel difference between two colours. */
export function colourDistance(a: Rgb, b: Rgb): number {
  return Math.max(Math.abs(a.r - b.r), Math.abs(a.g - b.g), Math.abs(a.b - b.b));
}

/**
 * A small issue on A4 at 72 dpi: a cover with a title and caption, a two-tier page whose first
 * panel has a caption, two balloons and a sound effect and whose second panel has no lettering,
 * and a 2 × 2 page with a thought, a whisper and a shout.
 */
export const SAMPLE_SCRIPT = `
title: The Test Issue
series: Test Series
issue: 2
date: 2024-05-06
writer: Wendy Writer
artist: [Arty Artist, Pen Cilla]
letterer: Letty Letterer
summary: A short issue made for the compose tests.
language: en
page: { size: a4, dpi: 72 }
characters:
  ana: { name: Ana, description: a woman in a red coat, side: left }
  ben: { name: Ben, description: a man in a grey cap, side: right }
cover:
  scene: Ana and Ben on a rooftop
  caption: Issue two
pages:
  - layout: two-tiers
    panels:
      - scene: a street at night
        caption: Somewhere in the city.
        dialogue:
          - ana: Hello there, Ben.
          - ben: Hi!
        sfx: { text: BOOM, position: bottom-right }
      - scene: an empty street
  - layout: grid-2x2
    panels:
      - scene: Ana thinks
        dialogue:
          - { speaker: ana, text: Where is he going?, kind: thought }
      - scene: Ben whispers
        dialogue:
          - { speaker: ben, text: Quiet now., kind: whisper }
      - scene: Ana shouts
        dialogue:
          - { speaker: ana, text: STOP!, kind: shout }
      - scene: silence
`;

/**
 * Composes `SAMPLE_SCRIPT` (its text changed by `edit`) from solid-colour panels written under
 * `dir`, into `dir/out`; returns the story, the output folder and compose's result.
 */
export async function composeSample(
  dir: string,
  options: ComposeOptions,
  edit: (script: string) => string = (script) => script,
): Promise<{ story: Story; outDir: string; result: ComposeResult }> {
  const story = storyFrom(edit(SAMPLE_SCRIPT));
  await mkdir(join(dir, 'panels'), { recursive: true });
  const { panels } = await writePanels(story, join(dir, 'panels'));
  const outDir = join(dir, 'out');
  const result = await composeIssue(story, panels, { outDir, ...options });
  return { story, outDir, result };
}

/**
 * Turns a validated script into the canonical `Story`: shorthands expanded, defaults filled,
 * shots canonical, ids assigned, slug derived. Pure; expects input that passed every check.
 */

import { REAL_ESRGAN } from 'wiro-core';
import type * as z from 'zod';
import { COMICS_FACTORY_TRIGGER } from './comics-model.js';
import { chooseDefaultLayout } from './layouts.js';
import { convertLengthToMm } from './lengths.js';
import {
  DEFAULT_UPSCALE_PPI,
  generationSchema,
  type layoutSchema,
  type panelSchema,
  type StoryDocument,
} from './schema.js';
import { normaliseShot } from './shots.js';
import { createSlug } from './slug.js';
import { readPanelCharacter, toStagePosition } from './staging.js';
import type {
  Caption,
  Character,
  CharacterPosition,
  Cover,
  Credits,
  DialogueLine,
  GenerationSettings,
  Layout,
  Location,
  Page,
  PageSettings,
  Panel,
  PanelArt,
  SoundEffect,
  StagePosition,
  Story,
  UpscaleSettings,
} from './types.js';
import type { ColorMode } from './vocabulary.js';

type LayoutDocument = z.output<typeof layoutSchema>;
type GenerationDocument = z.output<typeof generationSchema>;
type PanelDocument = Exclude<z.output<typeof panelSchema>, string>;
type CoverDocument = Exclude<NonNullable<StoryDocument['cover']>, string>;
type ArtDocument = Omit<PanelDocument, 'id' | 'dialogue'> | CoverDocument;
type DialogueDocument = NonNullable<PanelDocument['dialogue']>;
type DialogueLineDocument = Exclude<DialogueDocument, unknown[]>;

/** A value or a list of values, as a list. */
function toList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** Expands a grid row given as a column count, and fills span defaults. */
export function normaliseLayout(layout: LayoutDocument): Layout {
  if (typeof layout === 'string') return layout;
  return {
    rows: layout.rows.map((row) =>
      typeof row === 'number'
        ? { height: 1, columns: new Array<number>(row).fill(1) }
        : {
            height: row.height,
            columns:
              typeof row.columns === 'number'
                ? new Array<number>(row.columns).fill(1)
                : [...row.columns],
          },
    ),
    spans: (layout.spans ?? []).map((span) => ({ ...span })),
  };
}

/** The generation settings, from `generation:` or `render:` or the defaults. */
export function normaliseGeneration(doc: StoryDocument): GenerationSettings {
  const settings = doc.generation ?? doc.render ?? generationSchema.parse({});
  const optedOut = settings.trigger === false || settings.useTrigger === false;
  return {
    model: settings.model,
    trigger: optedOut
      ? null
      : typeof settings.trigger === 'string'
        ? settings.trigger
        : COMICS_FACTORY_TRIGGER,
    style: settings.style,
    negative: settings.negative ?? settings.avoid,
    steps: settings.steps,
    scale: settings.scale,
    samples: settings.samples,
    seed: settings.seed,
    seedMode: settings.seedMode,
    maxSide: settings.maxSide,
    megapixels: settings.megapixels,
    upscale: normaliseUpscale(settings.upscale),
  };
}

/** `generation.upscale` as a mode with every setting filled in. */
function normaliseUpscale(upscale: GenerationDocument['upscale']): UpscaleSettings {
  const defaults = { model: REAL_ESRGAN.model, modelName: undefined, ppi: DEFAULT_UPSCALE_PPI };
  if (upscale === 'auto' || upscale === 'off') return { mode: upscale, ...defaults };
  return { mode: 'auto', model: upscale.model, modelName: upscale.modelName, ppi: upscale.ppi };
}

/** Page size and print settings with defaults; custom sizes in millimetres. */
export function normalisePageSettings(page: StoryDocument['page']): PageSettings {
  if (page === undefined || typeof page === 'string') {
    return {
      size: page ?? 'us-comic',
      widthMm: undefined,
      heightMm: undefined,
      dpi: 300,
      bleedMm: 0,
      safeMm: undefined,
    };
  }
  const widthMm = convertLengthToMm(page.width);
  const heightMm = convertLengthToMm(page.height);
  const custom = widthMm !== undefined && heightMm !== undefined;
  return {
    size: custom ? 'custom' : (page.size ?? 'us-comic'),
    widthMm: custom ? widthMm : undefined,
    heightMm: custom ? heightMm : undefined,
    dpi: page.dpi,
    bleedMm: convertLengthToMm(page.bleed) ?? 0,
    safeMm: convertLengthToMm(page.safe),
  };
}

/** Every credit role as a list. */
function normaliseCredits(doc: StoryDocument): Credits {
  return {
    writer: toList(doc.writer),
    artist: toList(doc.artist),
    letterer: toList(doc.letterer),
    colorist: toList(doc.colorist),
    editor: toList(doc.editor),
  };
}

/**
 * Characters by id with names defaulted to the id. Like every map keyed by the writer's ids, a
 * null-prototype object: looking up any id never reaches `Object.prototype`.
 */
function normaliseCharacters(doc: StoryDocument): Record<string, Character> {
  const out: Record<string, Character> = Object.create(null);
  for (const [id, entry] of Object.entries(doc.characters ?? {})) {
    out[id] =
      typeof entry === 'string'
        ? { id, name: id, description: entry, voice: undefined, side: undefined }
        : {
            id,
            name: entry.name ?? id,
            description: entry.description,
            voice: entry.voice,
            side: entry.side,
          };
  }
  return out;
}

/** Locations by id with names defaulted to the id. */
function normaliseLocations(doc: StoryDocument): Record<string, Location> {
  const out: Record<string, Location> = Object.create(null);
  for (const [id, entry] of Object.entries(doc.locations ?? {})) {
    out[id] =
      typeof entry === 'string'
        ? { id, name: id, description: entry }
        : { id, name: entry.name ?? id, description: entry.description };
  }
  return out;
}

/** A dialogue line's own `at`, when it has one. */
function readLineAt(line: DialogueLineDocument): StagePosition | undefined {
  if (!('speaker' in line) || typeof line.speaker !== 'string') return undefined;
  const at = (line as { at?: Parameters<typeof toStagePosition>[0] }).at;
  return at === undefined ? undefined : toStagePosition(at);
}

/**
 * One dialogue line in full form (`mara: "Get down!"` → `{speaker: 'mara', ...}`); `placed` gives
 * the speaker's position in the panel when the line has no `at` of its own.
 */
function normaliseDialogueLine(
  line: DialogueLineDocument,
  placed: ReadonlyMap<string, StagePosition>,
): DialogueLine {
  if ('speaker' in line && typeof line.speaker === 'string' && typeof line.text === 'string') {
    return {
      speaker: line.speaker,
      text: line.text,
      kind: (line.kind as DialogueLine['kind'] | undefined) ?? 'speech',
      position: (line.position as DialogueLine['position'] | undefined) ?? 'auto',
      at: readLineAt(line) ?? placed.get(line.speaker),
    };
  }
  const [speaker, text] = Object.entries(line)[0] ?? ['', ''];
  return { speaker, text: String(text), kind: 'speech', position: 'auto', at: placed.get(speaker) };
}

/**
 * The positions a panel gives its characters: `characters` entries first, then dialogue lines
 * with `at` (validation made every character's positions agree), each character once.
 */
function collectPositions(
  entries: ReadonlyArray<{ id: string; at: StagePosition | undefined }>,
  dialogue: readonly DialogueLineDocument[],
): CharacterPosition[] {
  const placed = new Map<string, StagePosition>();
  for (const { id, at } of entries) if (at !== undefined && !placed.has(id)) placed.set(id, at);
  for (const line of dialogue) {
    const at = readLineAt(line);
    const speaker = (line as { speaker?: unknown }).speaker;
    if (at !== undefined && typeof speaker === 'string' && !placed.has(speaker)) {
      placed.set(speaker, at);
    }
  }
  return [...placed].map(([character, at]) => ({ character, at }));
}

/** Captions, from `caption` or `captions`, as objects. */
function normaliseCaptions(art: ArtDocument): Caption[] {
  return toList(art.caption ?? art.captions).map((item) =>
    typeof item === 'string' ? { text: item, position: 'top' } : { ...item },
  );
}

/** Sound effects as objects. */
function normaliseSfx(art: ArtDocument): SoundEffect[] {
  return toList(art.sfx).map((item) =>
    typeof item === 'string' ? { text: item, rotate: 0, position: 'auto' } : { ...item },
  );
}

/** Page-level defaults a panel inherits. */
interface Inherited {
  location?: string | undefined;
  mood?: string | undefined;
  lighting?: string | undefined;
}

/** The picture-and-lettering fields shared by panels and the cover. */
function normaliseArt(
  art: ArtDocument,
  inherited: Inherited,
  dialogue: readonly DialogueLineDocument[] = [],
): PanelArt {
  const entries = toList(art.characters).map(readPanelCharacter);
  return {
    shot: art.shot === undefined ? undefined : normaliseShot(art.shot),
    scene: art.scene,
    prompt: art.prompt,
    characters: entries.map((entry) => entry.id),
    positions: collectPositions(entries, dialogue),
    location: art.location ?? inherited.location,
    mood: art.mood ?? inherited.mood,
    lighting: art.lighting ?? inherited.lighting,
    seed: art.seed,
    variant: art.variant,
    focus: art.focus,
    captions: normaliseCaptions(art),
    sfx: normaliseSfx(art),
  };
}

/** The defaults a panel given as plain text gets (everything but the scene). */
const PANEL_DEFAULTS = { variant: 0, focus: 'center' } as const;

/** The cover, with its title resolved. */
function normaliseCover(doc: StoryDocument): Cover | undefined {
  if (doc.cover === undefined) return undefined;
  const cover: CoverDocument =
    typeof doc.cover === 'string'
      ? { scene: doc.cover, title: true, ...PANEL_DEFAULTS }
      : doc.cover;
  const title = cover.title === true ? doc.title : cover.title === false ? undefined : cover.title;
  return { id: 'cover', ...normaliseArt(cover, {}), title };
}

/** Pages with ids, layouts and panels. */
function normalisePages(doc: StoryDocument): Page[] {
  return doc.pages.map((page, pageIndex) => {
    const pageNumber = pageIndex + 1;
    const pageId = page.id ?? `p${pageNumber}`;
    const panels = page.panels.map((entry, panelIndex): Panel => {
      const panel: PanelDocument =
        typeof entry === 'string' ? { scene: entry, ...PANEL_DEFAULTS } : entry;
      const number = panelIndex + 1;
      const lines = toList<DialogueLineDocument>(panel.dialogue as DialogueDocument | undefined);
      const art = normaliseArt(panel, page, lines);
      const placed = new Map(art.positions.map((p) => [p.character, p.at]));
      return {
        id: panel.id ?? `${pageId}-${number}`,
        pageId,
        pageNumber,
        number,
        ...art,
        bleed: panel.bleed ?? page.panels.length === 1,
        dialogue: lines.map((line) => normaliseDialogueLine(line, placed)),
      };
    });
    return {
      id: pageId,
      number: pageNumber,
      layout:
        page.layout === undefined
          ? chooseDefaultLayout(panels.length)
          : normaliseLayout(page.layout),
      panels,
    };
  });
}

/**
 * The ISO 639 code of a BCP-47 tag: its primary subtag in lower case.
 * @example toLanguageIso('pt-BR') // 'pt'
 */
export function toLanguageIso(tag: string): string {
  return (tag.split('-')[0] ?? tag).toLowerCase();
}

/** Black and white for manga pages unless the script says otherwise; full colour elsewhere. */
function chooseColor(doc: StoryDocument, page: PageSettings): ColorMode {
  return doc.color ?? (page.size === 'manga-b5' ? 'bw' : 'full');
}

/** Builds the canonical story from a script that passed validation and every check. */
export function normaliseStory(doc: StoryDocument): Story {
  const page = normalisePageSettings(doc.page);
  return {
    version: 1,
    title: doc.title,
    series: doc.series,
    issue: doc.issue,
    date: doc.date,
    slug: createSlug(doc.title, doc.issue),
    credits: normaliseCredits(doc),
    language: doc.language,
    languageIso: toLanguageIso(doc.language),
    direction: doc.direction,
    summary: doc.summary,
    publisher: doc.publisher,
    genre: toList(doc.genre),
    ageRating: doc.ageRating,
    web: doc.web,
    color: chooseColor(doc, page),
    lettering: { caps: doc.lettering?.caps ?? page.size === 'us-comic' },
    generation: normaliseGeneration(doc),
    page,
    characters: normaliseCharacters(doc),
    locations: normaliseLocations(doc),
    cover: normaliseCover(doc),
    pages: normalisePages(doc),
  };
}

import type { LayoutTemplateName } from '../layout/index.js';
import type { Shot } from './shots.js';
import type {
  AgeRating,
  CaptionPosition,
  ColorMode,
  DialogueKind,
  Direction,
  Focus,
  PageSizeName,
  Placement,
  SeedMode,
  Side,
} from './vocabulary.js';

/** People credited on the issue; every list may be empty. */
export interface Credits {
  writer: string[];
  artist: string[];
  letterer: string[];
  colorist: string[];
  editor: string[];
}

/** Image-model settings shared by every panel. */
export interface GenerationSettings {
  /** Wiro model id, `owner/name`. @default 'Adel_AI/Comics-Factory-v1' */
  model: string;
  /** LoRA trigger phrase put first in every prompt; `null` when the script opted out. */
  trigger: string | null;
  /** Style text appended after the trigger. */
  style: string | undefined;
  /** Things to avoid (negative prompt), when the script gave one. */
  negative: string | undefined;
  /** Diffusion steps, 1–50. @default 20 */
  steps: number;
  /** Guidance scale, 0–20. @default 3.5 */
  scale: number;
  /** Images per panel, 1–8. @default 1 */
  samples: number;
  /** Base seed, 0 to 2^32 - 1. @default 93080474 */
  seed: number;
  /** How each panel's seed is chosen from the base seed. @default 'derived' */
  seedMode: SeedMode;
  /**
   * Longest image side in pixels, a multiple of 16, 256–2048: a cap, since panels are sized by
   * area to fit their slot's aspect ratio. @default 2048
   */
  maxSide: number;
  /** Image area per panel in megapixels; `undefined` means about 1 (1024 × 1024). */
  megapixels: number | undefined;
  /** Whether and how panels below the target print resolution are enlarged on Wiro. */
  upscale: UpscaleSettings;
}

/** The `generation.upscale` setting, with defaults. */
export interface UpscaleSettings {
  /** `auto`: enlarge every panel that would print below `ppi`; `off`: never. @default 'auto' */
  mode: 'auto' | 'off';
  /** @default 'xinntao/Real-ESRGAN' */
  model: string;
  /** Real-ESRGAN weights; chosen by factor when `undefined`. */
  modelName: string | undefined;
  /** Print resolution to reach (never above the page's dpi). @default 300 */
  ppi: number;
}

/** Physical page settings; lengths in millimetres. */
export interface PageSettings {
  /** A named size, or `custom` when `width`/`height` were given. @default 'us-comic' */
  size: PageSizeName | 'custom';
  /** Page width in mm for `custom`, otherwise `undefined` (the geometry module knows presets). */
  widthMm: number | undefined;
  /** Page height in mm for `custom`, otherwise `undefined`. */
  heightMm: number | undefined;
  /** Print resolution. @default 300 */
  dpi: number;
  /** Bleed around the trim, in mm. @default 0 */
  bleedMm: number;
  /**
   * Safe inset from the trim in mm when the script sets one; `undefined` means the page size's
   * printer convention (`PRINT_PROFILES` in the layout module).
   */
  safeMm: number | undefined;
}

/**
 * Where a character is in a panel: fractions of the panel's width and height from its top-left
 * corner (where the character's head is). `at: left | center | right` gives `x` 0.25, 0.5 or
 * 0.75 and no `y`.
 */
export interface StagePosition {
  /** 0 is the left edge of the picture, 1 the right edge. */
  x: number;
  /** 0 is the top of the picture, 1 the bottom; `undefined` when the script gave only a side. */
  y: number | undefined;
}

/** A character the script places in a panel. */
export interface CharacterPosition {
  /** Character id (resolved). */
  character: string;
  at: StagePosition;
}

/** Lettering conventions. */
export interface LetteringSettings {
  /** Letter dialogue and captions in capitals. @default true for `us-comic` pages, else false */
  caps: boolean;
}

/** A recurring character. */
export interface Character {
  id: string;
  /** Display name. @default the id */
  name: string;
  /** Visual description substituted into every prompt where the character appears. */
  description: string;
  /** Lettering hint for the character's voice. */
  voice: string | undefined;
  /** Side of the panel the character usually stands on. */
  side: Side | undefined;
}

/** A recurring place. */
export interface Location {
  id: string;
  /** Display name. @default the id */
  name: string;
  /** Visual description substituted into prompts of panels set there. */
  description: string;
}

/** One row of a custom grid: a relative height and relative column widths. */
export interface GridRow {
  height: number;
  columns: number[];
}

/** A cell that covers more than one grid cell; rows and columns counted from 0. */
export interface GridSpan {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/** A custom page grid. */
export interface CustomGrid {
  rows: GridRow[];
  spans: GridSpan[];
}

/** A page layout: a template name or a custom grid. */
export type Layout = LayoutTemplateName | CustomGrid;

/** A caption box. */
export interface Caption {
  text: string;
  position: CaptionPosition;
}

/** One dialogue line, always in full form after parsing. */
export interface DialogueLine {
  /** Character id (resolved: it exists in `story.characters`). */
  speaker: string;
  text: string;
  kind: DialogueKind;
  /** Where the balloon's tail points from. @default 'auto' */
  position: Placement;
  /**
   * Where the speaker is in the panel: the line's own `at`, else the position the panel gives
   * the speaker; `undefined` when neither does (fall back to the character's `side`). Always
   * set by the parser; optional so lines built by hand need not name it.
   */
  at?: StagePosition | undefined;
}

/** A sound effect lettered into the art. */
export interface SoundEffect {
  text: string;
  /** Rotation in degrees, -180 to 180. @default 0 */
  rotate: number;
  position: Placement;
}

/** What the cover and every panel share: the picture and its lettering. */
export interface PanelArt {
  shot: Shot | undefined;
  /** What the picture shows; `undefined` only when `prompt` is given. */
  scene: string | undefined;
  /** Raw prompt override, used instead of a prompt built from the scene (the trigger still leads). */
  prompt: string | undefined;
  /** Character ids present (resolved). */
  characters: string[];
  /**
   * The characters the script places in the picture (from `characters` entries and dialogue
   * lines with `at`), each once, in script order; empty when it places none.
   */
  positions: CharacterPosition[];
  /** Location id (resolved), inherited from the page when the panel has none. */
  location: string | undefined;
  mood: string | undefined;
  lighting: string | undefined;
  /** Pinned seed; `undefined` means: follow `generation.seedMode`. */
  seed: number | undefined;
  /** Which sample to use when `generation.samples > 1`, 0-based. @default 0 */
  variant: number;
  /** Crop focal point. @default 'center' */
  focus: Focus;
  captions: Caption[];
  sfx: SoundEffect[];
}

/** A panel on a page. */
export interface Panel extends PanelArt {
  /** Unique in the issue; `<page id>-<panel number>` unless the script set one. */
  id: string;
  /** Id of the page the panel is on. */
  pageId: string;
  /** 1-based page number. */
  pageNumber: number;
  /** 1-based position on the page (slot order). */
  number: number;
  /**
   * Whether the art runs to the bleed edge where the panel meets the page edge.
   * @default true for the single panel of a page, else false
   */
  bleed: boolean;
  dialogue: DialogueLine[];
}

/** The cover, rendered full page. */
export interface Cover extends PanelArt {
  /** Always `cover`. */
  id: 'cover';
  /** Title lettered on the cover; `undefined` when the script set `title: false`. */
  title: string | undefined;
}

/** A page. */
export interface Page {
  /** Unique in the issue; `p<number>` unless the script set one. */
  id: string;
  /** 1-based page number. */
  number: number;
  /** Template or grid; chosen from the panel count when the script gave none. */
  layout: Layout;
  panels: Panel[];
}

/** A parsed, validated and fully defaulted script. */
export interface Story {
  /** Script format version. */
  version: 1;
  title: string;
  series: string | undefined;
  /** Issue number. @default 1 */
  issue: number;
  /** Publication date, `YYYY-MM-DD`. */
  date: string | undefined;
  /** File-name-safe name for the issue, from title and issue number: `the-harbor-001`. */
  slug: string;
  credits: Credits;
  /** BCP-47 language tag. @default 'en' */
  language: string;
  /** The ISO 639 code of `language` (its primary subtag, lower case): `pt-BR` gives `pt`. */
  languageIso: string;
  /** @default 'ltr' */
  direction: Direction;
  summary: string | undefined;
  publisher: string | undefined;
  /** Genres, in script order; empty when the script gives none. */
  genre: string[];
  /** Age rating as ComicInfo spells it. */
  ageRating: AgeRating | undefined;
  /** Web page of the book or series (`http:` or `https:`). */
  web: string | undefined;
  /** Colour of the book. @default 'bw' for `manga-b5` pages, else 'full' */
  color: ColorMode;
  lettering: LetteringSettings;
  generation: GenerationSettings;
  page: PageSettings;
  /** Characters by id, in script order. */
  characters: Record<string, Character>;
  /** Locations by id, in script order. */
  locations: Record<string, Location>;
  cover: Cover | undefined;
  pages: Page[];
}

/** Reading direction of the issue. */
export const DIRECTIONS = ['ltr', 'rtl'] as const;
/** `ltr` (left to right, Western comics) or `rtl` (right to left, manga). */
export type Direction = (typeof DIRECTIONS)[number];

/** Named page sizes; the page geometry module owns their dimensions. */
export const PAGE_SIZES = ['us-comic', 'manga-b5', 'a4', 'us-letter', 'square'] as const;
/** A named page size. */
export type PageSizeName = (typeof PAGE_SIZES)[number];

/** Units accepted for page lengths (`"6.625in"`, `"3mm"`, `"9pt"`); plain numbers are mm. */
export const LENGTH_UNITS = ['mm', 'cm', 'in', 'pt'] as const;
/** A unit of length. */
export type LengthUnit = (typeof LENGTH_UNITS)[number];

/** How a dialogue line is lettered. */
export const DIALOGUE_KINDS = ['speech', 'thought', 'whisper', 'shout'] as const;
/** Balloon style: `speech` (default), `thought`, `whisper` or `shout`. */
export type DialogueKind = (typeof DIALOGUE_KINDS)[number];

/** Where a balloon (its tail end) or a sound effect sits in the panel; `auto` lets layout decide. */
export const PLACEMENTS = [
  'auto',
  'top-left',
  'top',
  'top-right',
  'left',
  'center',
  'right',
  'bottom-left',
  'bottom',
  'bottom-right',
] as const;
/** A placement hint inside a panel. */
export type Placement = (typeof PLACEMENTS)[number];

/** Where a caption box sits. */
export const CAPTION_POSITIONS = ['top', 'bottom'] as const;
/** `top` (default) or `bottom`. */
export type CaptionPosition = (typeof CAPTION_POSITIONS)[number];

/**
 * Crop focal point used when a rendered image is cropped to its panel: `center`, the
 * `attention` or `entropy` strategies, or an edge.
 */
export const FOCUS_POINTS = [
  'center',
  'attention',
  'entropy',
  'top',
  'bottom',
  'left',
  'right',
] as const;
/** A crop focal point. */
export type Focus = (typeof FOCUS_POINTS)[number];

/** How panel seeds are chosen from the base seed. */
export const SEED_MODES = ['fixed', 'derived'] as const;
/** `fixed`: every panel uses the base seed; `derived`: a seed per panel from base seed and id. */
export type SeedMode = (typeof SEED_MODES)[number];

/** Which side of the panel a character usually stands on (a lettering hint). */
export const SIDES = ['left', 'right'] as const;
/** `left` or `right`. */
export type Side = (typeof SIDES)[number];

/** Where a character stands in a panel, as a word: the left, middle or right of the picture. */
export const STAGE_SIDES = ['left', 'center', 'right'] as const;
/** `left`, `center` or `right` of the picture. */
export type StageSide = (typeof STAGE_SIDES)[number];

/** Colour of the printed book. */
export const COLOR_MODES = ['full', 'bw'] as const;
/** `full` colour, or `bw`: black and white (grayscale pages, lettering in black, white and grey). */
export type ColorMode = (typeof COLOR_MODES)[number];

/** ComicInfo's `AgeRating` values (ComicInfo schema 2.0), written exactly as the schema spells them. */
export const AGE_RATINGS = [
  'Unknown',
  'Adults Only 18+',
  'Early Childhood',
  'Everyone',
  'Everyone 10+',
  'G',
  'Kids to Adults',
  'M',
  'MA15+',
  'Mature 17+',
  'PG',
  'R18+',
  'Rating Pending',
  'Teen',
  'X18+',
] as const;
/** An age rating as ComicInfo spells it. */
export type AgeRating = (typeof AGE_RATINGS)[number];

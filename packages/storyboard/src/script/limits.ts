import { MAX_GRID_COLUMNS, MAX_GRID_ROWS } from '../layout/index.js';

/**
 * Every limit the script parser enforces, in one place. A script that exceeds one of them is
 * rejected with a `StoryValidationError` that names the limit; nothing is sent to the model.
 *
 * The limits exist for two reasons: a mistake in a script must not cost money (a runaway page
 * count renders thousands of panels), and hostile input must fail fast (alias bombs, huge or
 * deeply nested documents).
 */
export const STORY_LIMITS = {
  /** Largest script accepted, in UTF-8 bytes (1 MiB). */
  maxBytes: 1024 * 1024,
  /**
   * Most YAML tokens (words, quoted strings, punctuation, indentation, line breaks) in one
   * script. Reading costs a few microseconds per token; the largest script the other limits
   * allow has about 210,000, and a 1 MiB list of one-letter items about a million.
   */
  maxTokens: 350_000,
  /** Most YAML alias expansions (`*name`) in one script; stops "billion laughs" documents. */
  maxAliasCount: 100,
  /** Deepest nesting of maps and lists; a real script needs fewer than 10 levels. */
  maxDepth: 32,
  /** Most problems listed in one error; the rest are summarised in a last line. */
  maxIssues: 200,
  /** Most pages in one issue. */
  maxPages: 200,
  /** Most panels on one page. */
  maxPanelsPerPage: 20,
  /** Most panels in the whole issue, cover excluded. */
  maxPanels: 2000,
  /** Most entries in `characters`. */
  maxCharacters: 100,
  /** Most entries in `locations`. */
  maxLocations: 100,
  /** Most characters listed in one panel. */
  maxCharactersPerPanel: 12,
  /** Most dialogue lines in one panel. */
  maxDialoguePerPanel: 20,
  /** Most captions in one panel. */
  maxCaptionsPerPanel: 10,
  /** Most sound effects in one panel. */
  maxSfxPerPanel: 10,
  /** Most names in one credit (`writer`, `artist`, ...). */
  maxCreditNames: 20,
  /** Most genres in `genre`. */
  maxGenres: 10,
  /** Longest `web` address. */
  maxUrlLength: 2000,
  /** Most rows in a custom grid layout (the page geometry's limit). */
  maxGridRows: MAX_GRID_ROWS,
  /** Most columns in one row of a custom grid layout (the page geometry's limit). */
  maxGridColumns: MAX_GRID_COLUMNS,
  /** Longest id (character, location, page, panel): ids become file names. */
  maxIdLength: 48,
  /** Longest single-line label: title, series, names, mood, lighting, credits. */
  maxLabelLength: 200,
  /** Longest dialogue line. */
  maxDialogueLength: 500,
  /** Longest caption. */
  maxCaptionLength: 500,
  /** Longest sound effect. */
  maxSfxLength: 40,
  /** Longest panel or cover `scene`. */
  maxSceneLength: 2000,
  /** Longest raw `prompt` override. */
  maxPromptLength: 4000,
  /** Longest character or location `description`. */
  maxDescriptionLength: 1000,
  /** Longest `style` or `negative` text in the generation settings. */
  maxStyleLength: 1000,
  /** Longest issue `summary`. */
  maxSummaryLength: 4000,
  /**
   * Largest page image, bleed included, in pixels (120 megapixels: a US comic page with bleed at
   * 1200 dpi). Compose holds a few pages in memory at 4 bytes a pixel, so this bounds what it
   * allocates; larger pages are refused before anything is spent.
   */
  maxPagePixels: 120_000_000,
  /** Largest seed: seeds are unsigned 32-bit integers (0 to 2^32 - 1). */
  maxSeed: 4_294_967_295,
} as const;

/** The type of {@link STORY_LIMITS}. */
export type StoryLimits = typeof STORY_LIMITS;

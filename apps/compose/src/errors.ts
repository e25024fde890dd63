/**
 * Errors compose throws. Every one names what it was doing: the page (1-based number, or `cover`),
 * the panel id and, for lettering, the text concerned.
 */

/** Where on the issue something went wrong. */
export interface LetteringPlace {
  /** 1-based page number, or `'cover'`. */
  page: number | 'cover';
  /** Panel id (`'cover'` for the cover). */
  panel: string;
}

/** Base class of every compose failure. */
export class ComposeError extends Error {
  override name = 'ComposeError';
}

/** A panel image is missing from the panel map, or its file cannot be read. */
export class MissingPanelError extends ComposeError {
  override name = 'MissingPanelError';
  readonly page: number | 'cover';
  readonly panel: string;
  /** The file that was expected, when the map named one. */
  readonly path: string | undefined;
  constructor(place: LetteringPlace, path: string | undefined, options?: { cause?: unknown }) {
    super(
      path === undefined
        ? `No image for panel ${place.panel} (${describePage(place.page)}) in the panel map`
        : `Cannot read the image of panel ${place.panel} (${describePage(place.page)}): ${path}`,
      options,
    );
    this.page = place.page;
    this.panel = place.panel;
    this.path = path;
  }
}

/** Lettering that cannot be set: text too long for its panel even at the smallest size. */
export class LetteringError extends ComposeError {
  override name = 'LetteringError';
  readonly page: number | 'cover';
  readonly panel: string;
  /** The caption, dialogue line, sound effect or title that does not fit. */
  readonly text: string;
  /** Why, without the place: what a report next to the text's position says. */
  readonly reason: string;
  constructor(place: LetteringPlace, text: string, reason: string) {
    super(
      `Cannot letter ${JSON.stringify(text)} in panel ${place.panel} (${describePage(place.page)}): ${reason}`,
    );
    this.page = place.page;
    this.panel = place.panel;
    this.text = text;
    this.reason = reason;
  }
}

/** Which text of a panel a lettering problem is about. */
export interface LetteredItemRef {
  /** 0-based slot of the panel on its page (0 for the cover). */
  panelIndex: number;
  field: 'title' | 'caption' | 'dialogue' | 'sfx';
  /** 0-based among the panel's items of that field. */
  index: number;
}

/** Every lettering problem of an issue at once, each with the text it is about. */
export class LetteringProblemsError extends ComposeError {
  override name = 'LetteringProblemsError';
  readonly problems: ReadonlyArray<{ error: LetteringError; item: LetteredItemRef }>;
  constructor(problems: ReadonlyArray<{ error: LetteringError; item: LetteredItemRef }>) {
    super(problems.map((problem) => problem.error.message).join('\n'));
    this.problems = problems;
  }
}

/** A character no bundled font (comic face or fallback) can draw. */
export class MissingGlyphError extends LetteringError {
  override name = 'MissingGlyphError';
  /** The character's code point. */
  readonly codePoint: number;
  constructor(place: LetteringPlace, text: string, codePoint: number) {
    super(
      place,
      text,
      `the character ${formatCodePoint(codePoint)} (${String.fromCodePoint(codePoint)}) is in none of the bundled fonts`,
    );
    this.codePoint = codePoint;
  }
}

/**
 * A code point as `U+XXXX`.
 * @example formatCodePoint(0x1f605) // 'U+1F605'
 */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function describePage(page: number | 'cover'): string {
  return page === 'cover' ? 'cover' : `page ${page}`;
}

/** An output folder is a symbolic link: compose never writes or deletes through a link. */
export class UnsafeOutputError extends ComposeError {
  override name = 'UnsafeOutputError';
  /** The link that was found. */
  readonly path: string;
  constructor(path: string) {
    super(
      `${path} is a symbolic link; outputs are never written or deleted through a link. Remove the link or choose another --out folder.`,
    );
    this.path = path;
  }
}

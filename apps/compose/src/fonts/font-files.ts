/**
 * The fonts compose letters with. All are bundled npm packages (`@fontsource/*`, SIL Open Font
 * License 1.1); no system font is ever used.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** Every style of lettering, each backed by a comic face and a fallback chain. */
export const LETTERING_FACES = Object.freeze([
  'dialogue',
  'dialogue-bold',
  'dialogue-italic',
  'display',
] as const);

/** One of the {@link LETTERING_FACES}. */
export type LetteringFace = (typeof LETTERING_FACES)[number];

/** One bundled font file. */
export interface BundledFont {
  /** Unique name, used as the pdfkit font name and in SVG ids. */
  key: string;
  /** Family name for people (README, errors). */
  family: string;
  /** Absolute path of the WOFF file (not WOFF2: pdfkit subsets WOFF2 glyph data into blank glyphs). */
  path: string;
}

/** Subsets of Noto Sans used as fallback, in the order they are tried. */
const NOTO_SUBSETS = [
  'latin',
  'latin-ext',
  'vietnamese',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
] as const;

const requireHere = createRequire(import.meta.url);

/** Each `@fontsource` package's folder, found once (resolving every file costs milliseconds). */
const packageDirs = new Map<string, string>();

function fontsource(pkg: string, file: string, key: string, family: string): BundledFont {
  let dir = packageDirs.get(pkg);
  if (dir === undefined) {
    dir = dirname(requireHere.resolve(`@fontsource/${pkg}/package.json`));
    packageDirs.set(pkg, dir);
  }
  return { key, family, path: join(dir, 'files', `${file}.woff`) };
}

function notoSans(weight: 400 | 700, style: 'normal' | 'italic'): BundledFont[] {
  return NOTO_SUBSETS.map((subset) =>
    fontsource(
      'noto-sans',
      `noto-sans-${subset}-${weight}-${style}`,
      `NotoSans-${weight}-${style}-${subset}`,
      'Noto Sans',
    ),
  );
}

/** Every font file of `faces`, each once, by key. */
export function fontFilesByKey(
  faces: Record<LetteringFace, readonly BundledFont[]>,
): Map<string, BundledFont> {
  return new Map(Object.values(faces).flatMap((list) => list.map((file) => [file.key, file])));
}

/**
 * The font files of every face, primary first, then the fallbacks tried in order for characters
 * the primary lacks: Comic Neue (regular, bold, italic) for dialogue and captions, Bangers for
 * titles and sound effects, Noto Sans (Latin extended, Vietnamese, Greek, Cyrillic) behind both.
 */
export function listFaceFonts(): Record<LetteringFace, BundledFont[]> {
  const comicNeue = (file: string, key: string) =>
    fontsource('comic-neue', `comic-neue-latin-${file}`, key, 'Comic Neue');
  const bangers = (subset: string) =>
    fontsource('bangers', `bangers-${subset}-400-normal`, `Bangers-${subset}`, 'Bangers');
  return {
    dialogue: [comicNeue('400-normal', 'ComicNeue-Regular'), ...notoSans(400, 'normal')],
    'dialogue-bold': [comicNeue('700-normal', 'ComicNeue-Bold'), ...notoSans(700, 'normal')],
    'dialogue-italic': [comicNeue('400-italic', 'ComicNeue-Italic'), ...notoSans(400, 'italic')],
    display: [
      bangers('latin'),
      bangers('latin-ext'),
      bangers('vietnamese'),
      ...notoSans(700, 'normal'),
    ],
  };
}

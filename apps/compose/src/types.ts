import type { LetteringWarning } from './lettering/types.js';

/** Shapes shared by compose's steps and its result. */

/** What an output file is. */
export type OutputKind =
  | 'cover'
  | 'page'
  | 'pdf'
  /** The CMYK print edition, `<slug>-cmyk.pdf`. */
  | 'pdf-cmyk'
  | 'cbz'
  | 'contact-sheet'
  /** A screen rendition of a page (`screen/*.webp`, `screen/*.jpg`). */
  | 'screen'
  /** `screen/pages.json`: the renditions, alt texts and panel geometry of every page. */
  | 'screen-index'
  | 'epub';

/** A file compose wrote, as recorded in the run manifest (`RunManifest.outputs`). */
export interface OutputFile {
  kind: OutputKind;
  /** Where it is: `join(outDir, name)`. */
  path: string;
  bytes: number;
  /** Lower-case hex SHA-256 of the file's bytes. */
  sha256: string;
}

/** Something worth telling the user that did not stop compose. */
export type ComposeWarning = ResolutionWarning | LetteringWarning;

/** A picture prints below the resolution aimed for. */
export interface ResolutionWarning {
  kind: 'resolution';
  /** 1-based page number, or `'cover'`. */
  page: number | 'cover';
  panel: string;
  /** The picture's resolution on the page, in pixels per inch. */
  ppi: number;
  message: string;
}

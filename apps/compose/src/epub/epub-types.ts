import type { PageRegion } from '../screen/page-regions.js';

/** One page of the EPUB: a fixed-layout XHTML document showing one image. */
export interface EpubPage {
  /** Manifest id and file stem, e.g. `page-001`. */
  id: string;
  /** `Cover`, `1`, `2`, ... (the page list). */
  label: string;
  /** `Cover`, `Page 1`, ... (the table of contents). */
  title: string;
  isCover: boolean;
  /** Path of the XHTML document from the package folder, e.g. `pages/page-001.xhtml`. */
  document: string;
  /** Path of the image from the package folder, e.g. `images/page-001.jpg`. */
  image: string;
  mediaType: 'image/jpeg' | 'image/png';
  /** Image size in pixels: also the document's viewport. */
  width: number;
  height: number;
  alt: string;
  /** Which side of a two-page spread the page sits on. */
  spread: 'left' | 'right';
  /** Panels in reading order, as fractions of the page. */
  regions: PageRegion[];
}

/** Folder of the package inside the archive. */
export const PACKAGE_DIR = 'OEBPS';

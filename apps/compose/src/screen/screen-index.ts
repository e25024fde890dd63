import type { Direction } from 'storyboard';
import type { PageRegion } from './page-regions.js';

/** Version of `screen/pages.json`; bumped when its shape changes. */
export const SCREEN_INDEX_VERSION = 1;

/** One width of a page's screen rendition, in two formats. */
export interface ScreenImage {
  width: number;
  height: number;
  /** File name of the WebP rendition, in the index's folder. */
  webp: string;
  /** File name of the JPEG fallback, in the index's folder. */
  jpeg: string;
}

/** A panel of a screen page: where it is, what is lettered in it, and what it shows in words. */
export interface ScreenPanel extends PageRegion {
  /** The panel described from the script: its scene and everything lettered in it. */
  text: string;
}

/** One page of the issue as the web reader shows it. */
export interface ScreenPage {
  /** 1-based page number, or `'cover'`. */
  page: number | 'cover';
  /** `Cover`, `1`, `2`, ... */
  label: string;
  /** Alt text of the page image, from the script. */
  alt: string;
  /** Size of the trimmed page at full resolution, in pixels (its aspect ratio is the page's). */
  width: number;
  height: number;
  /** Renditions from narrowest to widest, never wider than `width`. */
  images: ScreenImage[];
  /** Panels in reading order; rectangles are fractions of the trimmed page. */
  panels: ScreenPanel[];
}

/**
 * `screen/pages.json`: every page's screen renditions, text alternatives and panel geometry,
 * which is all the web reader needs. Rectangles are fractions of the trimmed page, so they hold
 * for every rendition size.
 */
export interface ScreenIndex {
  version: typeof SCREEN_INDEX_VERSION;
  title: string;
  /** BCP-47 language of the script's text (alt texts included). */
  language: string;
  direction: Direction;
  /** In reading order, the cover first. */
  pages: ScreenPage[];
}

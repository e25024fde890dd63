import type { Story } from 'storyboard';

/** The script fields the reader shows. */
export type ReaderStory = Pick<
  Story,
  'slug' | 'title' | 'series' | 'issue' | 'date' | 'language' | 'direction'
>;

/** A rectangle as fractions of the trimmed page (x, w of its width; y, h of its height). */
export interface ReaderRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A panel as the guided view zooms to it. */
export interface ReaderPanel {
  rect: ReaderRect;
  /** What it shows and says, from the script (read out when it is zoomed to). */
  text: string;
  /** Its balloons, captions and sound effects: where they are and their smallest font size. */
  lettering: Array<{ rect: ReaderRect; size: number }>;
}

/** A page from compose's screen renditions (`screen/pages.json`). */
export interface ReaderScreenPage {
  label: string;
  alt: string;
  width: number;
  height: number;
  /** `srcset` of the WebP and JPEG renditions, paths relative to the issue folder. */
  webp: string;
  jpeg: string;
  /** The narrowest JPEG, for browsers without `srcset`. */
  src: string;
  /** In reading order. */
  panels: ReaderPanel[];
}

/** One issue as the reader shows it; file paths are relative to the issue's folder, `/`-separated. */
export interface ReaderIssue {
  story: ReaderStory;
  /** From the issue folder to the reader's root folder, e.g. `..`. */
  toRoot: string;
  /** From the reader's root folder to the issue folder, e.g. `the-harbor-003`. */
  fromRoot: string;
  /** How the night's build ended (`built`, `skipped`, `failed`, `budget`…). */
  status: string;
  /** Pages in the script (the cover not counted). */
  scriptPages: number;
  /** USD the issue's art cost. */
  cost: number;
  /** The issue's date: the script's, else the day it was built (`YYYY-MM-DD`), if known. */
  date: string | undefined;
  /** Page images in reading order; empty until compose writes pages. */
  pages: string[];
  /** The trimmed screen renditions with panel geometry, when compose wrote them. */
  screen: ReaderScreenPage[] | undefined;
  pdf: string | undefined;
  cbz: string | undefined;
  epub: string | undefined;
  contactSheet: string | undefined;
}

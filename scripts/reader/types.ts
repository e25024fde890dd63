import type { Story } from 'storyboard';

/** The script fields the reader shows. */
export type ReaderStory = Pick<
  Story,
  'slug' | 'title' | 'series' | 'issue' | 'date' | 'language' | 'direction'
>;

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
  pdf: string | undefined;
  cbz: string | undefined;
  contactSheet: string | undefined;
}

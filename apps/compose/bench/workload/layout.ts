/**
 * The benchmark page (`layout.json`): written out cell by cell, so the reference pipelines need
 * nothing from storyboard, and storyboard's test checks that its default page reproduces it.
 */
import { readFileSync } from 'node:fs';

/** A rectangle in pixels. */
export interface BenchRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** One cell of the grid: filled with the border colour, the picture covering `image`. */
export interface BenchCell extends BenchRect {
  slot: number;
  row: number;
  col: number;
  image: BenchRect;
}

/** The parts of `layout.json` the pipelines use. */
export interface BenchLayout {
  pages: number;
  panelsPerPage: number;
  panelCount: number;
  page: {
    widthPx: number;
    heightPx: number;
    widthPt: number;
    heightPt: number;
    background: string;
  };
  grid: { columns: number; rows: number; marginPx: number; gutterPx: number };
  border: { widthPx: number; color: string };
  output: { jpegQuality: number };
  cells: BenchCell[];
}

/** Reads `layout.json` next to this file. */
export function readBenchLayout(): BenchLayout {
  return JSON.parse(readFileSync(new URL('./layout.json', import.meta.url), 'utf8')) as BenchLayout;
}

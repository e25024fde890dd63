import type { Story } from 'storyboard';
import { bookMetadata } from './book-metadata.js';
import { escapeMarkup } from './markup-text.js';

/** What ComicInfo records about one page image of the archive. */
export interface ComicInfoPage {
  /** `FrontCover` for the cover, `Story` for the others. */
  type: 'FrontCover' | 'Story';
  width: number;
  height: number;
  /** File size in bytes. */
  bytes: number;
}

/**
 * Builds `ComicInfo.xml` (Anansi project ComicInfo schema 2.0) for an issue. Elements follow the
 * schema's sequence order; empty ones are left out, and so are Publisher, Genre, Web,
 * BlackAndWhite and AgeRating when the script does not give them. `Manga` is `YesAndRightToLeft`
 * for right-to-left issues, else `No`. `pages` are in archive order (the cover first).
 */
export function buildComicInfo(story: Story, pages: readonly ComicInfoPage[]): string {
  const names = (list: readonly string[]) => list.join(', ');
  const book = bookMetadata(story);
  const yesNo = (value: boolean | undefined) =>
    value === undefined ? undefined : value ? 'Yes' : 'No';
  const [year, month, day] =
    story.date === undefined ? [] : story.date.split('-').map((part) => Number(part));
  const fields: Array<[string, string | number | undefined]> = [
    ['Title', story.title],
    ['Series', story.series],
    ['Number', String(story.issue)],
    ['Summary', story.summary?.trim()],
    ['Notes', 'Created with comics-factory.'],
    ['Year', year],
    ['Month', month],
    ['Day', day],
    ['Writer', names(story.credits.writer)],
    ['Penciller', names(story.credits.artist)],
    ['Colorist', names(story.credits.colorist)],
    ['Letterer', names(story.credits.letterer)],
    ['Editor', names(story.credits.editor)],
    ['Publisher', book.publisher],
    ['Genre', names(book.genres)],
    ['Web', book.web],
    ['PageCount', pages.length],
    ['LanguageISO', book.languageIso],
    ['BlackAndWhite', yesNo(book.blackAndWhite)],
    ['Manga', story.direction === 'rtl' ? 'YesAndRightToLeft' : 'No'],
    ['Characters', names(Object.values(story.characters).map((c) => c.name))],
    ['Locations', names(Object.values(story.locations).map((l) => l.name))],
    ['AgeRating', book.ageRating],
  ];
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  lines.push(
    '<ComicInfo xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
  );
  for (const [name, value] of fields) {
    if (value === undefined || value === '' || Number.isNaN(value)) continue;
    lines.push(`  <${name}>${escapeMarkup(String(value))}</${name}>`);
  }
  lines.push('  <Pages>');
  pages.forEach((page, index) => {
    lines.push(
      `    <Page Image="${index}" Type="${page.type}" ImageSize="${page.bytes}" ImageWidth="${page.width}" ImageHeight="${page.height}" />`,
    );
  });
  lines.push('  </Pages>', '</ComicInfo>', '');
  return lines.join('\n');
}

import { createHash } from 'node:crypto';
import type { Story } from 'storyboard';
import { bookMetadata } from '../book-metadata.js';
import { escapeMarkup } from '../markup-text.js';
import type { EpubPage } from './epub-types.js';

/** MARC relator code of each credit: how EPUB metadata names a contributor's role. */
const ROLES = [
  { credit: 'writer', role: 'aut', element: 'dc:creator' },
  { credit: 'artist', role: 'art', element: 'dc:creator' },
  { credit: 'colorist', role: 'clr', element: 'dc:contributor' },
  // MARC has no letterer; "contributor" is the honest general term.
  { credit: 'letterer', role: 'ctb', element: 'dc:contributor' },
  { credit: 'editor', role: 'edt', element: 'dc:contributor' },
] as const;

/**
 * A stable identifier for the issue: a name-based UUID (version 5 layout, SHA-256 digest) of its
 * series, title and number, so a rebuilt book replaces the old one in a reader's library.
 */
export function bookIdentifier(story: Story): string {
  const name = JSON.stringify([story.series ?? '', story.title, story.issue]);
  const bytes = createHash('sha256').update(`comics-factory:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `2025-06-14T03:17:00Z`: the form `dcterms:modified` takes (whole seconds, UTC). */
const modifiedDate = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** The `<metadata>` lines: title, identifier, language, creators with roles, dates, series… */
function metadataLines(story: Story, modified: Date, coverImageId: string | undefined): string[] {
  const book = bookMetadata(story);
  const element = (name: string, value: string, id?: string) =>
    `<${name}${id ? ` id="${id}"` : ''}>${escapeMarkup(value)}</${name}>`;
  const lines = [
    element('dc:identifier', bookIdentifier(story), 'book-id'),
    element('dc:title', story.title, 'title'),
    element('dc:language', story.language),
  ];
  let n = 0;
  for (const { credit, role, element: name } of ROLES) {
    for (const person of story.credits[credit]) {
      n += 1;
      lines.push(
        element(name, person, `creator-${n}`),
        `<meta refines="#creator-${n}" property="role" scheme="marc:relators">${role}</meta>`,
      );
    }
  }
  if (story.date !== undefined) lines.push(element('dc:date', story.date));
  if (story.summary !== undefined) lines.push(element('dc:description', story.summary.trim()));
  if (book.publisher !== undefined) lines.push(element('dc:publisher', book.publisher));
  for (const genre of book.genres) lines.push(element('dc:subject', genre));
  if (story.series !== undefined) {
    lines.push(
      `<meta property="belongs-to-collection" id="series">${escapeMarkup(story.series)}</meta>`,
      '<meta refines="#series" property="collection-type">series</meta>',
      `<meta refines="#series" property="group-position">${story.issue}</meta>`,
    );
  }
  lines.push(
    `<meta property="dcterms:modified">${modifiedDate(modified)}</meta>`,
    '<meta property="rendition:layout">pre-paginated</meta>',
    '<meta property="rendition:orientation">auto</meta>',
    '<meta property="rendition:spread">landscape</meta>',
    '<meta property="schema:accessMode">visual</meta>',
    '<meta property="schema:accessMode">textual</meta>',
    '<meta property="schema:accessModeSufficient">visual</meta>',
    '<meta property="schema:accessibilityFeature">alternativeText</meta>',
    '<meta property="schema:accessibilityHazard">none</meta>',
    '<meta property="schema:accessibilitySummary">A comic: every page is one image, with alt text describing its panels from the script.</meta>',
  );
  // EPUB 2 readers find the cover through this.
  if (coverImageId !== undefined) lines.push(`<meta name="cover" content="${coverImageId}"/>`);
  return lines;
}

/** What the package lists besides the pages. */
export interface PackageExtras {
  /** The Data Navigation Document with the panel regions, if the book has panels. */
  regionNav: string | undefined;
}

/**
 * The package document (`package.opf`): metadata from the script, a fixed-layout rendition
 * (`pre-paginated`, spreads in landscape), every file in the manifest (the cover's image marked
 * `cover-image`), and the spine: one page per item, each on its side of a spread, progressing
 * right to left for right-to-left books.
 */
export function buildPackageDocument(
  story: Story,
  pages: readonly EpubPage[],
  modified: Date,
  extras: PackageExtras,
): string {
  const coverPage = pages.find((page) => page.isCover) ?? pages[0];
  const imageId = (page: EpubPage) => `image-${page.id}`;
  const coverImageId = coverPage ? imageId(coverPage) : undefined;
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="style" href="style.css" media-type="text/css"/>',
    ...(extras.regionNav === undefined
      ? []
      : [
          `<item id="regions" href="${escapeMarkup(extras.regionNav)}" media-type="application/xhtml+xml" properties="data-nav"/>`,
        ]),
    ...pages.flatMap((page) => [
      `<item id="${page.id}" href="${escapeMarkup(page.document)}" media-type="application/xhtml+xml"/>`,
      `<item id="${imageId(page)}" href="${escapeMarkup(page.image)}" media-type="${page.mediaType}"${
        page === coverPage ? ' properties="cover-image"' : ''
      }/>`,
    ]),
  ];
  const spine = pages.map(
    (page) => `<itemref idref="${page.id}" properties="page-spread-${page.spread}"/>`,
  );
  const direction =
    story.direction === 'rtl'
      ? ' page-progression-direction="rtl"'
      : ' page-progression-direction="ltr"';
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeMarkup(story.language)}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${metadataLines(story, modified, coverImageId).join('\n')}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine${direction}>
${spine.join('\n')}
</spine>
</package>
`;
}

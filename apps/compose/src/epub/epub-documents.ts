import type { LetteringKind } from '../lettering/types.js';
import { escapeMarkup } from '../markup-text.js';
import type { PageFractionRect } from '../screen/page-regions.js';
import type { EpubPage } from './epub-types.js';

/**
 * The start of every XHTML document of the book, up to and including `<head>`'s title; with the
 * `epub:` namespace for documents that use `epub:type`.
 */
function xhtmlHead(language: string, title: string, epubTypes = true): string {
  const lang = escapeMarkup(language);
  const epub = epubTypes ? ' xmlns:epub="http://www.idpf.org/2007/ops"' : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"${epub} xml:lang="${lang}" lang="${lang}">
<head>
<meta charset="UTF-8"/>
<title>${escapeMarkup(title)}</title>`;
}

/** `META-INF/container.xml`: where the package document is. */
export function buildContainer(packagePath: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="${escapeMarkup(packagePath)}" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;
}

/** The one stylesheet: each page image fills its document's viewport exactly. */
export const PAGE_STYLESHEET = `html, body {
  margin: 0;
  padding: 0;
}
img.page {
  position: absolute;
  top: 0;
  left: 0;
  display: block;
  width: 100%;
  height: 100%;
}
`;

/**
 * One fixed-layout page: a viewport the size of the image and the image filling it, with the
 * page's alt text from the script.
 */
export function buildPageDocument(page: EpubPage, language: string): string {
  const image = page.image.replace(/^.*\//, '../images/');
  return `${xhtmlHead(language, page.title, false)}
<meta name="viewport" content="width=${page.width}, height=${page.height}"/>
<link rel="stylesheet" type="text/css" href="../style.css"/>
</head>
<body>
<img class="page" src="${escapeMarkup(image)}" width="${page.width}" height="${page.height}" alt="${escapeMarkup(page.alt)}"/>
</body>
</html>
`;
}

/**
 * The navigation document: a table of contents with every page, the page list, and landmarks
 * (cover, start of the story). Landmarks point only at spine items, so the contents are not one.
 */
export function buildNavDocument(
  pages: readonly EpubPage[],
  title: string,
  language: string,
): string {
  const link = (page: EpubPage, text: string) =>
    `<li><a href="${escapeMarkup(page.document)}">${escapeMarkup(text)}</a></li>`;
  const cover = pages.find((page) => page.isCover);
  const start = pages.find((page) => !page.isCover) ?? pages[0];
  const landmarks = [
    ...(cover
      ? [`<li><a epub:type="cover" href="${escapeMarkup(cover.document)}">Cover</a></li>`]
      : []),
    ...(start
      ? [
          `<li><a epub:type="bodymatter" href="${escapeMarkup(start.document)}">Start of the story</a></li>`,
        ]
      : []),
  ];
  return `${xhtmlHead(language, title)}
</head>
<body>
<nav epub:type="toc" id="toc">
<h1>${escapeMarkup(title)}</h1>
<ol>
${pages.map((page) => link(page, page.title)).join('\n')}
</ol>
</nav>
<nav epub:type="page-list" id="page-list" hidden="hidden">
<h2>Pages</h2>
<ol>
${pages.map((page) => link(page, page.label)).join('\n')}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<h2>Landmarks</h2>
<ol>
${landmarks.join('\n')}
</ol>
</nav>
</body>
</html>
`;
}

/** The region semantics of the EPUB 3 Structural Semantics Vocabulary for each lettering kind. */
const REGION_TYPES: Readonly<Record<LetteringKind, string>> = {
  caption: 'text-area',
  title: 'text-area',
  speech: 'balloon',
  thought: 'balloon',
  whisper: 'balloon',
  shout: 'balloon',
  sfx: 'sound-area',
};

/** A region of a page as a media fragment in the page's viewport pixels (`#xywh=x,y,w,h`). */
function regionLink(page: EpubPage, rect: PageFractionRect): string {
  const x = Math.round(rect.x * page.width);
  const y = Math.round(rect.y * page.height);
  const w = Math.max(1, Math.round(rect.w * page.width));
  const h = Math.max(1, Math.round(rect.h * page.height));
  return `<a href="${escapeMarkup(page.document)}#xywh=${x},${y},${w},${h}"></a>`;
}

/**
 * The Data Navigation Document of EPUB Region-Based Navigation 1.0 (IDPF, 2015): one
 * `region-based` nav listing every panel of the book in reading order (`panel`), each with its
 * captions (`text-area`), balloons (`balloon`) and sound effects (`sound-area`) in lettering
 * order, as rectangles of the fixed-layout page. The cover is left out: it has no panels.
 */
export function buildRegionNavDocument(
  pages: readonly EpubPage[],
  title: string,
  language: string,
): string {
  const items: string[] = [];
  for (const page of pages) {
    if (page.isCover) continue;
    for (const region of page.regions) {
      const inner = region.lettering.map(
        (item) => `<li epub:type="${REGION_TYPES[item.kind]}">${regionLink(page, item.rect)}</li>`,
      );
      items.push(
        `<li epub:type="panel">${regionLink(page, region.rect)}${
          inner.length > 0 ? `<ol>${inner.join('')}</ol>` : ''
        }</li>`,
      );
    }
  }
  return `${xhtmlHead(language, `${title}: panels`)}
</head>
<body>
<nav epub:type="region-based">
<ol>
${items.join('\n')}
</ol>
</nav>
</body>
</html>
`;
}

import { escapeMarkup } from 'compose';
import type { ReaderIssue, ReaderScreenPage } from './types.js';

/**
 * A relative path as a URL path: each segment percent-encoded, so names with `#`, `?`, spaces or
 * quotes cannot change what the link points to.
 *
 * @example urlPath('pages/page 1#a.jpg') // 'pages/page%201%23a.jpg'
 */
export function urlPath(path: string): string {
  return path
    .split('/')
    .map((segment) => (segment === '..' || segment === '.' ? segment : encodeURIComponent(segment)))
    .join('/');
}

/** JSON that can sit inside a `<script>` element: no `<`, `>`, `&` or line separators in it. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Only files next to the page: no request can leave the folder the reader is served from, and
 * nothing injected into the page could run.
 */
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

function head(title: string, toRoot: string): string {
  return `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<title>${escapeMarkup(title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${urlPath(`${toRoot}/assets/reader.css`)}">`;
}

const money = (usd: number) => `$${usd.toFixed(usd < 1 && usd > 0 ? 4 : 2)}`;

const pageCount = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

/** `Series #3 · 2025-06-14 · 4 pages · $0.12`, escaped. */
function metaLine(issue: ReaderIssue): string {
  const { story } = issue;
  const parts = [
    `${story.series ? `${story.series} ` : ''}#${story.issue}`,
    ...(issue.date ? [issue.date] : []),
    pageCount(issue.screen?.length || issue.pages.length || issue.scriptPages),
    money(issue.cost),
  ];
  return escapeMarkup(parts.join(' · '));
}

/** Links to the PDF, CBZ and contact sheet that exist, relative to `base`. */
function downloads(issue: ReaderIssue, base: string): string {
  const links = [
    ['PDF', issue.pdf],
    ['CBZ', issue.cbz],
    ['EPUB', issue.epub],
    ['Contact sheet', issue.contactSheet],
  ]
    .filter((link): link is [string, string] => link[1] !== undefined)
    .map(([label, path]) => `<a href="${urlPath(`${base}${path}`)}" download>${label}</a>`);
  return links.length ? `<nav class="downloads">${links.join(' ')}</nav>` : '';
}

function statusBadge(status: string): string {
  return status === 'built' || status === 'skipped'
    ? ''
    : ` <span class="badge">${escapeMarkup(status)}</span>`;
}

/** The issue card on the index page. */
function issueCard(issue: ReaderIssue): string {
  const base = issue.fromRoot === '.' ? '' : `${issue.fromRoot}/`;
  const { story } = issue;
  const cover = issue.screen?.[0]?.src ?? issue.pages[0];
  const thumb = cover
    ? `<img class="thumb" src="${urlPath(`${base}${cover}`)}" alt="" loading="lazy">`
    : '<div class="thumb empty">no pages yet</div>';
  return `<li class="card">
<a class="open" href="${urlPath(`${base}index.html`)}">${thumb}
<h2 lang="${escapeMarkup(story.language)}">${escapeMarkup(story.title)}</h2></a>
<p class="meta">${metaLine(issue)}${statusBadge(issue.status)}</p>
${downloads(issue, base)}
</li>`;
}

/** Options of {@link renderIndexPage}. */
export interface IndexPageOptions {
  /** @default 'comics-factory' */
  title?: string | undefined;
  /** When the reader was written (shown in the footer). */
  generatedAt: Date;
  issues: ReaderIssue[];
}

/** The reader's front page: one card per issue (cover, title, number, date, pages, cost). */
export function renderIndexPage(options: IndexPageOptions): string {
  const title = options.title ?? 'comics-factory';
  const cards = options.issues.map(issueCard).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
${head(title, '.')}
</head>
<body class="index">
<header class="bar"><h1>${escapeMarkup(title)}</h1></header>
<main>
${options.issues.length ? `<ul class="issues">\n${cards}\n</ul>` : '<p class="empty">No issues yet.</p>'}
</main>
<footer class="bar">Built ${escapeMarkup(options.generatedAt.toISOString().replace('T', ' ').slice(0, 16))} UTC · <a href="summary.md">build summary</a></footer>
</body>
</html>
`;
}

/** What `reader.js` is told about each page (paths as URL paths, relative to the issue folder). */
interface ViewerPage {
  src: string;
  alt: string;
  webp?: string;
  jpeg?: string;
  width?: number;
  height?: number;
  panels: ReaderScreenPage['panels'];
}

/** A `srcset` with each path as a URL path. */
const urlSrcset = (srcset: string) =>
  srcset
    .split(', ')
    .map((entry) => {
      const [path, width] = entry.split(' ');
      return `${urlPath(path ?? '')} ${width}`;
    })
    .join(', ');

/** The pages in reading order: the screen renditions when there are, else the page images. */
function viewerPages(issue: ReaderIssue): ViewerPage[] {
  if (issue.screen) {
    return issue.screen.map((page) => ({
      src: urlPath(page.src),
      alt: page.alt,
      webp: urlSrcset(page.webp),
      jpeg: urlSrcset(page.jpeg),
      width: page.width,
      height: page.height,
      panels: page.panels,
    }));
  }
  const count = issue.pages.length;
  return issue.pages.map((page, i) => ({
    src: urlPath(page),
    alt: `Page ${i + 1} of ${count}`,
    panels: [],
  }));
}

/** The first page's picture, so it shows before the script runs. */
function firstPicture(page: ViewerPage | undefined): string {
  if (!page) return '<p class="empty">No pages yet.</p>';
  const img = `<img id="page" draggable="false" src="${page.src}"${page.jpeg ? ` srcset="${page.jpeg}" sizes="100vw"` : ''} alt="${escapeMarkup(page.alt)}"${page.width ? ` width="${page.width}" height="${page.height}"` : ''}>`;
  const webp = page.webp
    ? `<source id="page-webp" type="image/webp" srcset="${page.webp}" sizes="100vw">`
    : '';
  return `<picture>${webp}${img}</picture>`;
}

/**
 * The viewer of one issue; `reader.js` does the paging and the guided (panel by panel) view,
 * which is offered when the pages come with panel geometry.
 */
export function renderIssuePage(issue: ReaderIssue): string {
  const { story } = issue;
  const rtl = story.direction === 'rtl';
  const pages = viewerPages(issue);
  const count = pages.length;
  const guided = pages.some((page) => page.panels.length > 0);
  const data = { direction: story.direction, pages };
  const list = pages.map((page, i) => `<li><a href="${page.src}">Page ${i + 1}</a></li>`).join('');
  return `<!doctype html>
<html lang="${escapeMarkup(story.language)}">
<head>
${head(`${story.title} #${story.issue}`, issue.toRoot)}
</head>
<body class="viewer" data-direction="${rtl ? 'rtl' : 'ltr'}" data-page="${count ? 1 : 0}" data-mode="page">
<header class="bar">
<a class="back" href="${urlPath(`${issue.toRoot}/index.html`)}">All issues</a>
<h1>${escapeMarkup(story.title)}</h1>
<p class="meta">${metaLine(issue)}${statusBadge(issue.status)}</p>
${downloads(issue, '')}
</header>
<main id="stage" class="stage" aria-label="Page">${firstPicture(pages[0])}</main>
<p id="panel-text" class="visually-hidden" aria-live="polite"></p>
<nav class="pager" dir="${rtl ? 'rtl' : 'ltr'}" aria-label="Pages">
<button id="prev" type="button" aria-label="Previous page"${count > 1 ? '' : ' disabled'}>${rtl ? '→' : '←'}</button>
<span id="counter" dir="ltr" aria-live="polite">${count ? `1 / ${count}` : '0 / 0'}</span>
<button id="next" type="button" aria-label="Next page"${count > 1 ? '' : ' disabled'}>${rtl ? '←' : '→'}</button>
${guided ? '<button id="mode" type="button" aria-pressed="false" aria-keyshortcuts="g">Panel view</button>' : ''}
</nav>
<noscript><ol class="page-list">${list}</ol></noscript>
<script type="application/json" id="issue-data">${scriptJson(data)}</script>
<script src="${urlPath(`${issue.toRoot}/assets/reader.js`)}"></script>
</body>
</html>
`;
}

import { escapeMarkup } from 'compose';
import type { ReaderIssue } from './types.js';

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
    pageCount(issue.pages.length || issue.scriptPages),
    money(issue.cost),
  ];
  return escapeMarkup(parts.join(' · '));
}

/** Links to the PDF, CBZ and contact sheet that exist, relative to `base`. */
function downloads(issue: ReaderIssue, base: string): string {
  const links = [
    ['PDF', issue.pdf],
    ['CBZ', issue.cbz],
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
  const cover = issue.pages[0];
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

/** The page viewer of one issue; `reader.js` does the paging. */
export function renderIssuePage(issue: ReaderIssue): string {
  const { story } = issue;
  const rtl = story.direction === 'rtl';
  const count = issue.pages.length;
  const first = issue.pages[0];
  const stage = first
    ? `<img id="page" src="${urlPath(first)}" alt="Page 1 of ${count}">`
    : '<p class="empty">No pages yet.</p>';
  const data = { direction: story.direction, pages: issue.pages.map(urlPath) };
  const list = issue.pages
    .map((page, i) => `<li><a href="${urlPath(page)}">Page ${i + 1}</a></li>`)
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
${head(`${story.title} #${story.issue}`, issue.toRoot)}
</head>
<body class="viewer" data-direction="${rtl ? 'rtl' : 'ltr'}" data-page="${count ? 1 : 0}">
<header class="bar">
<a class="back" href="${urlPath(`${issue.toRoot}/index.html`)}">All issues</a>
<h1 lang="${escapeMarkup(story.language)}">${escapeMarkup(story.title)}</h1>
<p class="meta">${metaLine(issue)}${statusBadge(issue.status)}</p>
${downloads(issue, '')}
</header>
<main id="stage" class="stage">${stage}</main>
<nav class="pager" dir="${rtl ? 'rtl' : 'ltr'}" aria-label="Pages">
<button id="prev" type="button" aria-label="Previous page"${count > 1 ? '' : ' disabled'}>${rtl ? '→' : '←'}</button>
<span id="counter" dir="ltr" aria-live="polite">${count ? `1 / ${count}` : '0 / 0'}</span>
<button id="next" type="button" aria-label="Next page"${count > 1 ? '' : ' disabled'}>${rtl ? '←' : '→'}</button>
</nav>
<noscript><ol class="page-list">${list}</ol></noscript>
<script type="application/json" id="issue-data">${scriptJson(data)}</script>
<script src="${urlPath(`${issue.toRoot}/assets/reader.js`)}"></script>
</body>
</html>
`;
}

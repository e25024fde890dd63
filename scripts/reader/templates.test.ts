import { describe, expect, it } from 'vitest';
import { renderIndexPage, renderIssuePage, scriptJson, urlPath } from './templates.js';
import type { ReaderIssue } from './types.js';

const issue = (overrides: Partial<ReaderIssue> = {}): ReaderIssue => ({
  story: {
    slug: 'x-001',
    title: '</script><script>alert(1)</script>',
    series: 'S & "T"',
    issue: 1,
    date: undefined,
    language: 'en" onload="x',
    direction: 'ltr',
  },
  toRoot: '..',
  fromRoot: 'x-001',
  status: 'built',
  scriptPages: 2,
  cost: 0,
  date: '2026-01-02',
  screen: undefined,
  epub: undefined,
  pages: ['pages/1 #a.jpg', 'pages/"2".jpg'],
  pdf: 'x.pdf',
  cbz: undefined,
  contactSheet: undefined,
  ...overrides,
});

describe('escaping', () => {
  it('encodes path segments but keeps the folders', () => {
    expect(urlPath('../pages/1 #a?.jpg')).toBe('../pages/1%20%23a%3F.jpg');
  });

  it('keeps JSON from closing its script element', () => {
    const json = scriptJson({ t: '</script><!--\u2028' });
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual({ t: '</script><!--\u2028' });
  });
});

describe('reader pages', () => {
  it('never lets script text become markup', () => {
    for (const html of [
      renderIssuePage(issue()),
      renderIndexPage({ generatedAt: new Date(0), issues: [issue()] }),
    ]) {
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('onload="x');
      expect(html.match(/<script/g)?.length ?? 0).toBeLessThanOrEqual(2);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    }
  });

  it('links pages, the PDF and the way back with relative URLs', () => {
    const html = renderIssuePage(issue());
    expect(html).toContain('src="pages/1%20%23a.jpg"');
    expect(html).toContain('href="x.pdf" download');
    expect(html).toContain('href="../index.html"');
    expect(html).toContain('src="../assets/reader.js"');
    expect(html).not.toContain('CBZ');
  });

  it('says when there are no pages yet', () => {
    expect(renderIssuePage(issue({ pages: [] }))).toContain('No pages yet.');
    expect(renderIndexPage({ generatedAt: new Date(0), issues: [issue({ pages: [] })] })).toContain(
      'no pages yet',
    );
    expect(renderIndexPage({ generatedAt: new Date(0), issues: [] })).toContain('No issues yet.');
  });

  it('puts the forward button on the left for right-to-left issues', () => {
    const html = renderIssuePage(issue({ story: { ...issue().story, direction: 'rtl' } }));
    expect(html).toContain('data-direction="rtl"');
    expect(html).toContain('<nav class="pager" dir="rtl"');
  });
});

describe('the issue page with screen renditions', () => {
  const screenPage = {
    label: '1',
    alt: 'Page 1: a "quoted" <b>scene</b> & more',
    width: 1000,
    height: 1500,
    webp: 'screen/page-001-480.webp 480w, screen/page-001-800.webp 800w',
    jpeg: 'screen/page-001-480.jpg 480w, screen/page-001-800.jpg 800w',
    src: 'screen/page-001-480.jpg',
    panels: [{ rect: { x: 0, y: 0, w: 1, h: 0.5 }, text: '</script>', lettering: [] }],
  };

  it('shows the first page as a WebP picture with a JPEG fallback, alt text escaped', () => {
    const html = renderIssuePage(issue({ screen: [screenPage] }));
    expect(html).toContain(
      '<source id="page-webp" type="image/webp" srcset="screen/page-001-480.webp 480w, screen/page-001-800.webp 800w" sizes="100vw">',
    );
    expect(html).toContain(
      'srcset="screen/page-001-480.jpg 480w, screen/page-001-800.jpg 800w" sizes="100vw" alt="Page 1: a &quot;quoted&quot; &lt;b&gt;scene&lt;/b&gt; &amp; more" width="1000" height="1500">',
    );
    expect(html).toContain('<button id="mode" type="button" aria-pressed="false"');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it('offers no panel view when no page has panels', () => {
    expect(renderIssuePage(issue())).not.toContain('id="mode"');
    expect(renderIssuePage(issue({ screen: [{ ...screenPage, panels: [] }] }))).not.toContain(
      'id="mode"',
    );
  });
});

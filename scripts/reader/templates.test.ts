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

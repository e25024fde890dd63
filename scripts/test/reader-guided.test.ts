import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNightly } from '../nightly/run-nightly.js';
import type { ReaderScreenPage } from '../reader/types.js';
import { type NightlyHarness, startNightlyHarness } from './_nightly.js';
import { type StaticServer, serveFolder } from './_static-server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const EXAMPLES = new URL('../../examples/', import.meta.url);
/** Where the screenshots of the walk go: READER_SCREENSHOTS, else a scratch folder. */
const SHOTS = process.env.READER_SCREENSHOTS;
/** An iPhone X–sized phone: 375 × 812 CSS px at 3 device pixels per CSS px. */
const PHONE = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 3, isMobile: true };
const MAX_IMAGE_BYTES = 350 * 1024;

interface IssueUnderTest {
  slug: string;
  direction: string;
  pages: ReaderScreenPage[];
}

let h: NightlyHarness;
let server: StaticServer;
let browser: Browser;
let shots: string;
const issues: Record<string, IssueUnderTest> = {};

/** Where the viewer is: page, panel and view numbers, and what the position looks like. */
const position = (page: Page) =>
  page.evaluate<{
    page: number;
    panel: number;
    view: number;
    hash: string;
    counter: string;
    pageHeight: number;
    stage: { x: number; y: number; w: number; h: number };
    image: { x: number; y: number; w: number; h: number };
    next: boolean;
  }>(`(() => {
    const d = document.body.dataset;
    const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
    const image = document.getElementById('page');
    return {
      page: Number(d.page), panel: Number(d.panel), view: Number(d.view), hash: location.hash,
      counter: document.getElementById('counter').textContent,
      pageHeight: image.getBoundingClientRect().height,
      stage: box(document.getElementById('stage')), image: box(image),
      next: !document.getElementById('next').disabled,
    };
  })()`);

/** Waits until the shown picture is decoded (no transition runs: reduced motion). */
const settle = (page: Page) => page.evaluate("document.getElementById('page').decode()");

async function openPhone(): Promise<{
  context: BrowserContext;
  page: Page;
  images: number[];
  outside: string[];
}> {
  const context = await browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const images: number[] = [];
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin)) outside.push(request.url());
  });
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'image') {
      images.push((await response.body().catch(() => Buffer.alloc(0))).length);
    }
  });
  return { context, page, images, outside };
}

describe.skipIf(!hasChromium)('the guided view on a 375 × 812 phone', () => {
  beforeAll(async () => {
    h = await startNightlyHarness();
    for (const name of ['noir', 'manga-rtl']) {
      await mkdir(join(h.dir, 'issues', name), { recursive: true });
      await cp(new URL(`${name}/`, EXAMPLES), join(h.dir, 'issues', name), { recursive: true });
    }
    const night = await runNightly({
      rootDir: h.dir,
      outDir: 'out/nightly',
      env: h.env,
      formats: ['screen'],
      upscale: false,
    });
    expect(night?.summary.counts.built).toBe(2);
    for (const result of night!.summary.results) {
      const issueDir = join(h.dir, 'out/nightly', result.slug as string);
      const index = JSON.parse(await readFile(join(issueDir, 'screen/pages.json'), 'utf8'));
      issues[result.script.split('/')[1] as string] = {
        slug: result.slug as string,
        direction: index.direction,
        pages: index.pages,
      };
    }
    server = await serveFolder(join(h.dir, 'out/nightly'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    shots = SHOTS ?? (await mkdtemp(join(tmpdir(), 'reader-shots-')));
    await mkdir(shots, { recursive: true });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await h?.close();
    if (!SHOTS && shots) await rm(shots, { recursive: true, force: true });
  });

  for (const name of ['noir', 'manga-rtl']) {
    it(`steps through every panel of ${name} in reading order, lettering at least 12 px tall`, async () => {
      const issue = issues[name]!;
      const { context, page, images, outside } = await openPhone();
      await page.goto(`${server.origin}${issue.slug}/index.html`);
      await settle(page);
      await page.click('#mode');
      expect(await page.getAttribute('#mode', 'aria-pressed')).toBe('true');
      const visited: Array<[number, number]> = [];
      const smallest: number[] = [];
      for (let step = 0; step < 200; step++) {
        await settle(page);
        const at = await position(page);
        const shown = issue.pages[at.page - 1]!;
        const panel = shown.panels[at.panel - 1]!;
        expect(at.hash).toMatch(new RegExp(`^#page=${at.page}&panel=${at.panel}(&view=\\d+)?$`));
        if (visited.at(-1)?.join() !== [at.page, at.panel].join())
          visited.push([at.page, at.panel]);
        // The panel is on screen: the stage's centre lies inside it.
        const left = at.image.x + panel.rect.x * at.image.w;
        const top = at.image.y + panel.rect.y * at.image.h;
        const cx = at.stage.x + at.stage.w / 2;
        const cy = at.stage.y + at.stage.h / 2;
        expect(cx).toBeGreaterThanOrEqual(left - 1);
        expect(cx).toBeLessThanOrEqual(left + panel.rect.w * at.image.w + 1);
        expect(cy).toBeGreaterThanOrEqual(top - 1);
        expect(cy).toBeLessThanOrEqual(top + panel.rect.h * at.image.h + 1);
        for (const item of panel.lettering) {
          smallest.push(item.size * at.pageHeight);
          expect(
            item.size * at.pageHeight,
            `page ${at.page} panel ${at.panel}`,
          ).toBeGreaterThanOrEqual(12);
        }
        if (step < 6 || at.panel === 1) {
          await page.screenshot({
            path: join(shots, `${name}-p${at.page}-panel${at.panel}-v${at.view}.png`),
          });
        }
        if (!at.next) break;
        // Forward: the arrow towards the reading direction, a tap, or a swipe, in turn.
        if (step % 3 === 0)
          await page.keyboard.press(issue.direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight');
        else if (step % 3 === 1) await page.click('#next');
        else {
          const x = at.stage.x + at.stage.w * (issue.direction === 'rtl' ? 0.2 : 0.8);
          await page.mouse.click(x, at.stage.y + at.stage.h / 2);
        }
      }
      const expected = issue.pages.flatMap((p, i) =>
        p.panels.map((_, j) => [i + 1, j + 1] as [number, number]),
      );
      expect(visited).toEqual(expected);
      console.info(
        `${name}: ${visited.length} panels, smallest lettering ${Math.min(...smallest).toFixed(1)} CSS px, largest image ${Math.max(...images)} bytes over ${images.length} images`,
      );
      for (const bytes of images) expect(bytes).toBeLessThan(MAX_IMAGE_BYTES);
      expect(outside).toEqual([]);
      await context.close();
    }, 120_000);
  }

  it('reads right to left in the manga: page 1 starts with its rightmost panel', () => {
    const [first, second] = issues['manga-rtl']!.pages[1]!.panels;
    expect(issues['manga-rtl']!.direction).toBe('rtl');
    expect(first!.rect.x).toBeGreaterThan(second!.rect.x);
  });

  it('opens a linked panel, goes back across a page, and toggles back to page view there', async () => {
    const issue = issues.noir!;
    const { context, page } = await openPhone();
    await page.goto(`${server.origin}${issue.slug}/index.html#page=3&panel=1`);
    await settle(page);
    expect(await position(page)).toMatchObject({ page: 3, panel: 1 });
    await page.keyboard.press('ArrowLeft');
    await settle(page);
    const back = await position(page);
    expect([back.page, back.panel]).toEqual([2, issue.pages[1]!.panels.length]);
    await page.keyboard.press('g');
    await settle(page);
    const whole = await position(page);
    expect(whole).toMatchObject({ page: 2, hash: '#page=2' });
    expect(whole.counter).toBe(`2 / ${issue.pages.length}`);
    // The whole page fits the stage.
    expect(whole.image.w).toBeLessThanOrEqual(whole.stage.w + 0.5);
    expect(whole.image.h).toBeLessThanOrEqual(whole.stage.h + 0.5);
    await context.close();
  });

  it('finds no serious or critical accessibility problem (axe-core) in page and panel view', async () => {
    const axe = await readFile(
      createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
      'utf8',
    );
    // axe is injected as an inline script, which the reader's own policy rightly refuses.
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const path of [
      'index.html',
      ...Object.values(issues).flatMap((i) => [
        `${i.slug}/index.html`,
        `${i.slug}/index.html#page=2&panel=1`,
      ]),
    ]) {
      await page.goto(`${server.origin}${path}`);
      await page.evaluate("document.getElementById('page')?.decode()");
      await page.addScriptTag({ content: axe });
      const violations = await page.evaluate<
        Array<{ id: string; impact: string; nodes: unknown[] }>
      >(
        "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target) })))",
      );
      for (const v of violations) {
        if (v.impact === 'serious' || v.impact === 'critical')
          problems.push(`${path}: ${v.id} ${JSON.stringify(v.nodes)}`);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});

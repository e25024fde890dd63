import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';
import { parseStory, type Story } from 'storyboard';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORY_FIXTURES } from '../../tooling/story-fixtures.js';
import { writeReader } from '../reader/write-reader.js';
import { type StaticServer, serveFolder } from './_static-server.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the web reader browser tests: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH).`,
  );
}

/** A small JPEG page whose width tells which page the viewer shows. */
async function writePage(path: string, width: number) {
  await sharp({ create: { width, height: 90, channels: 3, background: '#3366cc' } })
    .jpeg()
    .toFile(path);
}

const HOSTILE_TITLE = `<img src=x onerror="alert(1)"> & 'friends' </script>`;

const fixture = async (name: string) =>
  parseStory(await readFile(join(STORY_FIXTURES, 'valid', name), 'utf8'), { file: name });

let dir: string;
let server: StaticServer;
let browser: Browser;
let ltr: Story;
let rtl: Story;

/**
 * A nightly output folder as compose will leave it: an LTR issue whose manifest lists its pages
 * and PDF, an RTL issue with only a `pages/` folder, and an issue with no pages yet.
 */
async function writeOutputs(outDir: string) {
  ltr = await fixture('complete.yaml');
  rtl = await fixture('rtl-custom-grid.yaml');
  const hostile = parseStory(
    `title: '${HOSTILE_TITLE.replace(/'/g, "''")}'\npages:\n  - panels: [a]\n`,
    {
      file: 'hostile.yaml',
    },
  );

  const ltrDir = join(outDir, ltr.slug);
  await mkdir(join(ltrDir, 'pages'), { recursive: true });
  const outputs = [];
  for (const [i, width] of [60, 70, 80].entries()) {
    const path = join(ltrDir, 'pages', `page ${i + 1}.jpg`);
    await writePage(path, width);
    outputs.push({ kind: 'page', path, bytes: 1, sha256: '' });
  }
  await writeFile(join(ltrDir, `${ltr.slug}.pdf`), '%PDF-1.7\n');
  outputs.push({ kind: 'pdf', path: join(ltrDir, `${ltr.slug}.pdf`), bytes: 9, sha256: '' });
  outputs.push({ kind: 'cbz', path: join(ltrDir, 'missing.cbz'), bytes: 9, sha256: '' });
  await writeFile(join(ltrDir, 'manifest.json'), JSON.stringify({ version: 1, outputs }));

  const rtlDir = join(outDir, rtl.slug);
  await mkdir(join(rtlDir, 'pages'), { recursive: true });
  // Natural order: 2 before 10.
  for (const [name, width] of [
    ['p10.jpg', 90],
    ['p1.jpg', 50],
    ['p2.jpg', 65],
  ] as const) {
    await writePage(join(rtlDir, 'pages', name), width);
  }

  const input = (story: Story, status: string) => ({
    story,
    issueDir: join(outDir, story.slug),
    status,
    scriptPages: story.pages.length,
    cost: 0.1234,
  });
  await writeReader({
    outDir,
    generatedAt: new Date('2026-01-02T03:17:00Z'),
    issues: [input(ltr, 'built'), input(rtl, 'skipped'), input(hostile, 'budget')],
  });
}

/** A page that records console errors, uncaught errors, dialogs and every request URL. */
async function openPage() {
  const page = await browser.newPage();
  const problems: string[] = [];
  const urls: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => urls.push(request.url()));
  return { page, problems, urls };
}

const shown = (page: Page) =>
  page.evaluate<[string, number]>(
    "[document.getElementById('counter').textContent, document.getElementById('page').naturalWidth]",
  );

/**
 * Waits for the shown page image to be decoded, then says which one it is. (`img.decode()` in an
 * evaluated promise rather than `waitForFunction`, which needs the eval the reader's CSP forbids.)
 */
async function settle(page: Page) {
  await page.evaluate("document.getElementById('page').decode()");
  return shown(page);
}

/** Presses the keys in turn, then settles on the page they lead to. */
async function press(page: Page, ...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
  return settle(page);
}

describe.skipIf(!hasChromium)('the web reader in headless Chromium', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'reader-'));
    await writeOutputs(dir);
    server = await serveFolder(dir);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('lists every issue with its cover, title and details, escaping script text', async () => {
    const { page, problems, urls } = await openPage();
    await page.goto(`${server.origin}index.html`);
    await page.evaluate('Promise.all([...document.images].map((image) => image.decode()))');
    const cards = await page.evaluate<Array<{ title: string; meta: string; thumb: number | null }>>(
      `[...document.querySelectorAll('.card')].map((card) => ({
        title: card.querySelector('h2').textContent,
        meta: card.querySelector('.meta').textContent,
        thumb: card.querySelector('img')?.naturalWidth ?? null,
      }))`,
    );
    expect(cards).toEqual([
      {
        title: 'The Drowned Harbor',
        meta: 'Saltwater Noir #3 · 2025-06-14 · 3 pages · $0.1234',
        thumb: 60,
      },
      { title: '鋼の海', meta: '#1 · 2024-02-29 · 3 pages · $0.1234', thumb: 50 },
      {
        title: HOSTILE_TITLE,
        meta: expect.stringMatching(/^#1 · 1 page · \$0\.1234 budget$/),
        thumb: null,
      },
    ]);
    expect(await page.textContent('.card:nth-child(3) .thumb')).toBe('no pages yet');
    expect(await page.evaluate('document.querySelectorAll("script, [onerror]").length')).toBe(0);
    expect(problems).toEqual([]);
    expect(urls.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    await page.close();
  });

  it('pages a left-to-right issue with the keyboard, a swipe and the buttons', async () => {
    const { page, problems, urls } = await openPage();
    await page.goto(`${server.origin}index.html`);
    await page.click('.card:nth-child(1) a.open');
    await page.waitForURL(`${server.origin}${ltr.slug}/index.html#page=1`);
    expect(await settle(page)).toEqual(['1 / 3', 60]);
    expect(await press(page, 'ArrowRight')).toEqual(['2 / 3', 70]);
    expect(await press(page, 'ArrowRight', 'ArrowRight')).toEqual(['3 / 3', 80]);
    expect(await page.isDisabled('#next')).toBe(true);
    expect(await press(page, 'ArrowLeft')).toEqual(['2 / 3', 70]);
    expect(await press(page, 'Home')).toEqual(['1 / 3', 60]);
    expect(await press(page, 'End')).toEqual(['3 / 3', 80]);

    // Swipe right (finger moves left to right): back a page.
    const box = (await page.locator('#stage').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 2 - 100, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 100, y, { steps: 4 });
    await page.mouse.up();
    expect(await settle(page)).toEqual(['2 / 3', 70]);
    await page.click('#prev');
    expect(await settle(page)).toEqual(['1 / 3', 60]);

    const links = await page.evaluate<string[]>(
      "[...document.querySelectorAll('.downloads a')].map((a) => a.textContent + ' ' + a.getAttribute('href'))",
    );
    expect(links).toEqual([`PDF ${ltr.slug}.pdf`]);
    expect(problems).toEqual([]);
    expect(urls.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    await page.close();
  });

  it('swaps the arrows for a right-to-left issue and opens a linked page', async () => {
    const { page, problems, urls } = await openPage();
    await page.goto(`${server.origin}${rtl.slug}/index.html`);
    expect(await settle(page)).toEqual(['1 / 3', 50]);
    expect(await press(page, 'ArrowLeft')).toEqual(['2 / 3', 65]);
    expect(await press(page, 'ArrowLeft')).toEqual(['3 / 3', 90]);
    expect(await press(page, 'ArrowRight')).toEqual(['2 / 3', 65]);
    const next = (await page.locator('#next').boundingBox())!;
    const prev = (await page.locator('#prev').boundingBox())!;
    expect(next.x).toBeLessThan(prev.x);

    // A fresh document (not just a hash change) opened at a page.
    await page.goto(`${server.origin}index.html`);
    await page.goto(`${server.origin}${rtl.slug}/index.html#page=3`);
    expect(await settle(page)).toEqual(['3 / 3', 90]);
    expect(problems).toEqual([]);
    expect(urls.filter((url) => !url.startsWith(server.origin))).toEqual([]);
    await page.close();
  });

  it('shows an issue with no pages yet, its title as text', async () => {
    const { page, problems } = await openPage();
    await page.goto(`${server.origin}index.html`);
    await page.click('.card:nth-child(3) a.open');
    expect(await page.textContent('h1')).toBe(HOSTILE_TITLE);
    expect(await page.textContent('#stage')).toBe('No pages yet.');
    expect(await page.textContent('#counter')).toBe('0 / 0');
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#counter')).toBe('0 / 0');
    expect(problems).toEqual([]);
    await page.close();
  });
});

/**
 * The page geometry compose reports for the manifest matches the PDF it wrote (TrimBox, page
 * size), names every picture by the SHA-256 of its file, and the PDF's text within a panel comes
 * out in the placement's reading order.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ComposeResult, composeIssue } from '../src/index.js';
import { makeTempDir, SAMPLE_SCRIPT, storyFrom, writePanels } from './_helpers.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let result: ComposeResult;
let pdfBytes: Buffer;
let panels: Map<string, string>;

beforeAll(async () => {
  temp = await makeTempDir();
  const story = storyFrom(SAMPLE_SCRIPT);
  await mkdir(join(temp.dir, 'panels'));
  ({ panels } = await writePanels(story, join(temp.dir, 'panels'), { width: 300, height: 200 }));
  const outDir = join(temp.dir, 'out');
  result = await composeIssue(story, panels, { outDir, print: true, formats: ['pages', 'pdf'] });
  pdfBytes = await readFile(join(outDir, `${story.slug}.pdf`));
});

afterAll(() => temp.cleanup());

describe('page geometry', () => {
  it('matches the PDF: TrimBox from the top-left of the MediaBox, y down', async () => {
    const pdf = await PDFDocument.load(pdfBytes);
    const pages = pdf.getPages();
    expect(result.pages.map((p) => p.geometry.number)).toEqual([0, 1, 2]);
    for (const [index, page] of pages.entries()) {
      const geometry = result.pages[index]?.geometry;
      if (geometry === undefined) throw new Error('no geometry');
      const [llx, lly, urx, ury] = (
        page.node.lookup(PDFName.of('TrimBox'), PDFArray).asArray() ?? []
      ).map((n) => Number(n.toString())) as [number, number, number, number];
      const { height } = page.getMediaBox();
      expect(geometry.trimBoxPt.x).toBeCloseTo(llx, 1);
      expect(geometry.trimBoxPt.y).toBeCloseTo(height - ury, 1);
      expect(geometry.trimBoxPt.w).toBeCloseTo(urx - llx, 1);
      expect(geometry.trimBoxPt.h).toBeCloseTo(ury - lly, 1);
      const { safeBoxPt, trimBoxPt } = geometry;
      expect(safeBoxPt.x).toBeGreaterThan(trimBoxPt.x);
      expect(safeBoxPt.x + safeBoxPt.w).toBeLessThan(trimBoxPt.x + trimBoxPt.w);
      for (const item of geometry.lettering) {
        expect(item.rectPt.x).toBeGreaterThanOrEqual(safeBoxPt.x - 0.01);
        expect(item.rectPt.y + item.rectPt.h).toBeLessThanOrEqual(safeBoxPt.y + safeBoxPt.h + 0.01);
      }
    }
  });

  it('names each picture by its file, with the crop shown and its print resolution', async () => {
    const page = result.pages[1]?.geometry;
    const first = page?.panels[0];
    if (first === undefined) throw new Error('no panel');
    const bytes = await readFile(panels.get(first.id) as string);
    expect(first.imageSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // A 300 × 200 picture cover-cropped to the rectangle's shape, centred, one side whole.
    const { crop, rectPt } = first;
    expect(crop.w / crop.h).toBeCloseTo(rectPt.w / rectPt.h, 1);
    expect(crop.w === 300 || crop.h === 200).toBe(true);
    expect(crop.x).toBeCloseTo((300 - crop.w) / 2, 0);
    expect(crop.y).toBeCloseTo((200 - crop.h) / 2, 0);
    expect(first.effectivePpi).toBe(Math.round(crop.w / (rectPt.w / 72)));
    expect(first.bleed).toBe(false);
    expect(page?.lettering.map((l) => l.kind)).toContain('speech');
  });

  it("gives the PDF's text of a panel in reading order", async () => {
    const document = await getDocument({ data: new Uint8Array(pdfBytes) }).promise;
    const content = await (await document.getPage(2)).getTextContent();
    const text = content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    await document.destroy();
    const order = ['Somewhere in the city.', 'Hello there, Ben.', 'Hi!'].map((s) =>
      text.indexOf(s),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The same order as the lettering the manifest lists.
    const kinds = result.pages[1]?.geometry.lettering.map((l) => l.kind);
    expect(kinds?.slice(0, 3)).toEqual(['caption', 'speech', 'speech']);
  });
});

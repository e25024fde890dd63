/**
 * The two pipelines compose is measured against, on the benchmark page (`workload/layout.json`,
 * read directly: they use nothing of storyboard or compose): a bare sharp → JPEG q90 → pdfkit
 * pipeline (no lettering) and ImageMagick `montage` (two jobs at a time) followed by `img2pdf`.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { panelPath } from './bench-story.js';
import { readBenchLayout } from './workload/layout.js';

const run = promisify(execFile);

/** Sizes of what a pipeline wrote. */
export interface PipelineOutputs {
  pdfBytes: number;
  pageBytes: number;
}

/** How many pages the bare reference composes at once. */
export const REFERENCE_PAGES_IN_FLIGHT = 4;

/**
 * The bare reference: sharp and pdfkit with no page engine around them, set up to go as fast as
 * they can on the benchmark machine (two cores; each setting was measured against the others):
 * - one sharp pipeline per panel decodes it, cover-fits it (centre crop) and adds its border
 *   (`extend`); one `composite()` lays the six cells on the white page. Separate black layers
 *   under the pictures double the layers `composite()` blends and are slower.
 * - JPEG quality 90, 4:2:0, Huffman tables not optimised: the same pixels, 3 % larger files, and
 *   encoding about six times faster than sharp's default (optimised) tables.
 * - {@link REFERENCE_PAGES_IN_FLIGHT} pages at once, with each libvips operation on one thread
 *   (`sharp.concurrency(1)`; the pipeline has its process to itself): on two cores, four
 *   one-thread operations keep both busy with less switching than two-thread ones.
 * - Each page JPEG is written to `pages/` and embedded in the PDF as is, in page order.
 */
export async function runSharpReference(
  panelDir: string,
  pages: number,
  outDir: string,
): Promise<PipelineOutputs> {
  sharp.concurrency(1);
  const layout = readBenchLayout();
  const { page, border } = layout;
  const jpeg = { quality: layout.output.jpegQuality, optimiseCoding: false } as const;
  const pagesDir = join(outDir, 'pages');
  await mkdir(pagesDir, { recursive: true });
  const doc = new PDFDocument({ autoFirstPage: false });
  const pdfPath = join(outDir, 'reference.pdf');
  const out = createWriteStream(pdfPath);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve()).on('error', reject);
  });
  doc.pipe(out);
  const cell = (p: number, index: number) => {
    const { image, ...box } = layout.cells[index] as (typeof layout.cells)[number];
    const n = (p * layout.panelsPerPage + index) % layout.panelCount;
    return sharp(panelPath(panelDir, n))
      .resize(image.w, image.h, { fit: 'cover', position: 'centre' })
      .extend({
        top: image.y - box.y,
        left: image.x - box.x,
        bottom: box.y + box.h - image.y - image.h,
        right: box.x + box.w - image.x - image.w,
        background: border.color,
      })
      .raw()
      .toBuffer()
      .then((data) => ({
        input: data,
        raw: { width: box.w, height: box.h, channels: 3 as const },
        left: box.x,
        top: box.y,
      }));
  };
  const renderPage = async (p: number): Promise<Buffer> => {
    const cells = await Promise.all(layout.cells.map((_, index) => cell(p, index)));
    const data = await sharp({
      create: {
        width: page.widthPx,
        height: page.heightPx,
        channels: 3,
        background: page.background,
      },
    })
      .composite(cells)
      .jpeg(jpeg)
      .toBuffer();
    await writeFile(join(pagesDir, `page-${String(p + 1).padStart(3, '0')}.jpg`), data);
    return data;
  };
  const inFlight = new Map<number, Promise<Buffer>>();
  let next = 0;
  const start = () => {
    const promise = renderPage(next);
    promise.catch(() => undefined);
    inFlight.set(next, promise);
    next += 1;
  };
  while (next < Math.min(REFERENCE_PAGES_IN_FLIGHT, pages)) start();
  let pageBytes = 0;
  for (let p = 0; p < pages; p += 1) {
    const data = await (inFlight.get(p) as Promise<Buffer>);
    inFlight.delete(p);
    if (next < pages) start();
    pageBytes += data.length;
    doc.addPage({ size: [page.widthPt, page.heightPt], margin: 0 });
    doc.image(data, 0, 0, { width: page.widthPt, height: page.heightPt });
  }
  doc.end();
  await finished;
  return { pdfBytes: (await stat(pdfPath)).size, pageBytes };
}

/** Whether `montage` and `img2pdf` are installed. */
export async function hasImageMagick(): Promise<boolean> {
  try {
    await run('montage', ['-version']);
    await run('img2pdf', ['--version']);
    return true;
  } catch {
    return false;
  }
}

/** ImageMagick `montage` builds each page (two at a time), `img2pdf` binds the JPEGs. */
export async function runMontageReference(
  panelDir: string,
  pages: number,
  outDir: string,
): Promise<PipelineOutputs> {
  const layout = readBenchLayout();
  const slot = layout.cells[0]?.image;
  if (slot === undefined) throw new Error('the benchmark layout has no cells');
  const pagesDir = join(outDir, 'pages');
  await mkdir(pagesDir, { recursive: true });
  const margin = layout.grid.marginPx;
  const gutter = layout.grid.gutterPx;
  const border = layout.border.widthPx;
  const quote = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
  const montagePage = async (p: number) => {
    const inputs = Array.from({ length: layout.panelsPerPage }, (_, i) =>
      panelPath(panelDir, (p * layout.panelsPerPage + i) % layout.panelCount),
    );
    const file = join(pagesDir, `page-${String(p + 1).padStart(3, '0')}.jpg`);
    // montage tiles the page (gutter / 2 around each tile); convert adds the rest of the margin
    // (/usr/bin/convert: ImageMagick's, whatever else is first on PATH).
    const args = [
      ...inputs,
      '-resize',
      `${slot.w}x${slot.h}^`,
      '-gravity',
      'center',
      '-extent',
      `${slot.w}x${slot.h}`,
      '-bordercolor',
      layout.border.color,
      '-border',
      String(border),
      '-tile',
      `${layout.grid.columns}x${layout.grid.rows}`,
      '-geometry',
      `+${gutter / 2}+${gutter / 2}`,
      '-background',
      layout.page.background,
      'miff:-',
    ];
    await run('sh', [
      '-c',
      `montage ${args.map(quote).join(' ')} | /usr/bin/convert miff:- -bordercolor ${quote(layout.page.background)} -border ${margin - gutter / 2} -quality ${layout.output.jpegQuality} ${quote(file)}`,
    ]);
  };
  let next = 0;
  const worker = async () => {
    while (next < pages) {
      const p = next;
      next += 1;
      await montagePage(p);
    }
  };
  await Promise.all([worker(), worker()]);
  const files = (await readdir(pagesDir)).sort().map((f) => join(pagesDir, f));
  const pdfPath = join(outDir, 'montage.pdf');
  await run(
    'img2pdf',
    ['--pagesize', `${layout.page.widthPt}ptx${layout.page.heightPt}pt`, '-o', pdfPath, ...files],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  let pageBytes = 0;
  for (const f of files) pageBytes += (await stat(f)).size;
  return { pdfBytes: (await stat(pdfPath)).size, pageBytes };
}

/**
 * The two pipelines compose is measured against, on the benchmark geometry
 * (/work/shared/bench/layout.json): a bare sharp → JPEG q90 → pdfkit pipeline with two pages in
 * flight (no lettering), and ImageMagick `montage` (two jobs at a time) followed by `img2pdf`.
 */
import { execFile } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { layoutPage } from 'storyboard';
import { panelPath } from './bench-story.js';

const run = promisify(execFile);

/** Sizes of what a pipeline wrote. */
export interface PipelineOutputs {
  pdfBytes: number;
  pageBytes: number;
}

/** sharp composes each page (cover-crop, borders), JPEG q90, pdfkit embeds the JPEGs. */
export async function runSharpReference(
  panelDir: string,
  pages: number,
  outDir: string,
): Promise<PipelineOutputs> {
  const layout = layoutPage({});
  const pagesDir = join(outDir, 'pages');
  await mkdir(pagesDir, { recursive: true });
  const doc = new PDFDocument({ autoFirstPage: false });
  const pdfPath = join(outDir, 'reference.pdf');
  const out = createWriteStream(pdfPath);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', () => resolve()).on('error', reject);
  });
  doc.pipe(out);
  let pageBytes = 0;
  const renderPage = async (p: number): Promise<Buffer> => {
    const layers = await Promise.all(
      layout.slots.map(async (slot, i) => {
        const data = await sharp(panelPath(panelDir, (p * 6 + i) % 240))
          .resize(slot.image.w, slot.image.h, { fit: 'cover', position: 'centre' })
          .raw()
          .toBuffer();
        return [
          {
            input: {
              create: {
                width: slot.cell.w,
                height: slot.cell.h,
                channels: 3 as const,
                background: '#000000',
              },
            },
            left: slot.cell.x,
            top: slot.cell.y,
          },
          {
            input: data,
            raw: { width: slot.image.w, height: slot.image.h, channels: 3 as const },
            left: slot.image.x,
            top: slot.image.y,
          },
        ];
      }),
    );
    const jpeg = await sharp({
      create: {
        width: layout.canvas.widthPx,
        height: layout.canvas.heightPx,
        channels: 3,
        background: '#ffffff',
      },
    })
      .composite(layers.flat())
      .jpeg({ quality: 90 })
      .toBuffer();
    await writeFile(join(pagesDir, `page-${String(p + 1).padStart(3, '0')}.jpg`), jpeg);
    return jpeg;
  };
  const inFlight = new Map<number, Promise<Buffer>>();
  let next = 0;
  const start = () => {
    inFlight.set(next, renderPage(next));
    next += 1;
  };
  while (next < Math.min(2, pages)) start();
  for (let p = 0; p < pages; p += 1) {
    const jpeg = await (inFlight.get(p) as Promise<Buffer>);
    inFlight.delete(p);
    if (next < pages) start();
    pageBytes += jpeg.length;
    doc.addPage({ size: [layout.bleedBoxPt.w, layout.bleedBoxPt.h], margin: 0 });
    doc.image(jpeg, 0, 0, { width: layout.bleedBoxPt.w, height: layout.bleedBoxPt.h });
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
  const layout = layoutPage({});
  const slot = layout.slots[0];
  if (slot === undefined) throw new Error('no slot');
  const pagesDir = join(outDir, 'pages');
  await mkdir(pagesDir, { recursive: true });
  const margin = layout.liveAreaPx.x;
  const gutter = layout.gutterPx.x;
  const border = layout.border.widthPx;
  const quote = (a: string) => `'${a.replace(/'/g, "'\\''")}'`;
  const montagePage = async (p: number) => {
    const inputs = Array.from({ length: 6 }, (_, i) => panelPath(panelDir, (p * 6 + i) % 240));
    const file = join(pagesDir, `page-${String(p + 1).padStart(3, '0')}.jpg`);
    // montage tiles the page (gutter / 2 around each tile); convert adds the rest of the margin
    // (/usr/bin/convert: ImageMagick's, whatever else is first on PATH).
    const args = [
      ...inputs,
      '-resize',
      `${slot.image.w}x${slot.image.h}^`,
      '-gravity',
      'center',
      '-extent',
      `${slot.image.w}x${slot.image.h}`,
      '-bordercolor',
      '#000000',
      '-border',
      String(border),
      '-tile',
      '2x3',
      '-geometry',
      `+${gutter / 2}+${gutter / 2}`,
      '-background',
      '#ffffff',
      'miff:-',
    ];
    await run('sh', [
      '-c',
      `montage ${args.map(quote).join(' ')} | /usr/bin/convert miff:- -bordercolor '#ffffff' -border ${margin - gutter / 2} -quality 90 ${quote(file)}`,
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
    ['--pagesize', `${layout.bleedBoxPt.w}ptx${layout.bleedBoxPt.h}pt`, '-o', pdfPath, ...files],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  let pageBytes = 0;
  for (const f of files) pageBytes += (await stat(f)).size;
  return { pdfBytes: (await stat(pdfPath)).size, pageBytes };
}

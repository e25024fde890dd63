import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSample, makeTempDir } from './_helpers.js';

let temp: Awaited<ReturnType<typeof makeTempDir>>;
beforeAll(async () => {
  temp = await makeTempDir();
});
afterAll(() => temp.cleanup());

/**
 * The largest screen rendition of page 1 beside the page file cut to its trim box and scaled to
 * the same size: the mean difference per channel value, and whether every pixel is grey.
 */
async function compareWithPage(name: string, edit: (script: string) => string) {
  const { outDir, result } = await composeSample(
    join(temp.dir, name),
    { formats: ['pages', 'screen'], screen: { widths: [320] } },
    edit,
  );
  // The sample pages are 72 dpi: a point is a pixel.
  const trim = result.pages.find((page) => page.page === 1)?.geometry.trimBoxPt;
  if (trim === undefined) throw new Error('no geometry for page 1');
  const rendition = await sharp(join(outDir, 'screen', 'page-001-320.webp'))
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { width, height } = rendition.info;
  const page = await sharp(join(outDir, 'pages', 'page-001.jpg'))
    .extract({
      left: Math.round(trim.x),
      top: Math.round(trim.y),
      width: Math.round(trim.w),
      height: Math.round(trim.h),
    })
    .resize(width, height, { fit: 'fill' })
    .toColourspace('srgb')
    .raw()
    .toBuffer();
  let difference = 0;
  let grey = true;
  const data = rendition.data;
  for (let i = 0; i < data.length; i += 3) {
    for (let c = 0; c < 3; c++)
      difference += Math.abs((data[i + c] as number) - (page[i + c] as number));
    const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
    if (Math.abs(r - g) > 2 || Math.abs(r - b) > 2) grey = false;
  }
  return { meanDifference: difference / data.length, grey, channels: rendition.info.channels };
}

describe('screen renditions made from the composed page', () => {
  it('show a colour page as its page file does, cut to the trim box', async () => {
    const colour = await compareWithPage('colour', (script) => script);
    expect(colour.channels).toBe(3);
    expect(colour.grey).toBe(false);
    expect(colour.meanDifference).toBeLessThan(4);
  });

  it('show a black-and-white book grey, as its one-channel page file', async () => {
    const bw = await compareWithPage('bw', (script) =>
      script.replace('language: en', 'language: en\ncolor: bw'),
    );
    expect(bw.channels).toBe(3);
    expect(bw.grey).toBe(true);
    expect(bw.meanDifference).toBeLessThan(4);
  });
});

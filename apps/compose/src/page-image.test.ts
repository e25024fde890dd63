import sharp from 'sharp';
import { parseStory } from 'storyboard';
import { describe, expect, it } from 'vitest';
import { MissingPanelError } from './errors.js';
import { createFontSet } from './fonts/font-set.js';
import { pageGeometry } from './geometry.js';
import { composePage, type PageArt } from './page-image.js';

const story = parseStory(
  'title: W\npage: { size: a4, dpi: 72 }\npages:\n  - layout: two-tiers\n    panels: [a, b]\n',
  { file: 'w.yaml' },
);
const page = story.pages[0] as (typeof story.pages)[0];
const geometry = pageGeometry(story, page);
const fonts = createFontSet();

async function art(size: number): Promise<PageArt[]> {
  const image = await sharp({
    create: { width: size, height: size, channels: 3, background: '#3a6' },
  })
    .png()
    .toBuffer();
  return geometry.slots.map((slot, i) => ({
    panel: `p1-${i + 1}`,
    input: image,
    rect: slot.image,
    frame: slot.cell,
    focus: 'center' as const,
  }));
}

describe('composePage', () => {
  it('warns, without failing, about pictures that print below the target resolution', async () => {
    const small = await composePage(geometry, await art(100), undefined, fonts, 1, { minPpi: 72 });
    expect(small.warnings.map((w) => w.panel)).toEqual(['p1-1', 'p1-2']);
    const warning = small.warnings[0];
    expect(warning?.kind === 'resolution' ? warning.ppi : undefined).toBeLessThan(72);
    expect(small.warnings[0]?.message).toMatch(/p1-1 \(page 1\) prints at \d+ ppi, below 72/);
    const large = await composePage(geometry, await art(1200), undefined, fonts, 1, {
      minPpi: 72,
    });
    expect(large.warnings).toEqual([]);
    const lenient = await composePage(geometry, await art(100), undefined, fonts, 1, {
      minPpi: 10,
    });
    expect(lenient.warnings).toEqual([]);
  });

  it('encodes the same canvas as JPEG for the PDF when PNG pages are asked for', async () => {
    const image = await composePage(geometry, await art(600), undefined, fonts, 1, {
      format: 'png',
      alsoJpeg: true,
    });
    expect((await sharp(image.data).metadata()).format).toBe('png');
    expect((await sharp(image.data).metadata()).channels).toBe(3);
    expect((await sharp(image.jpeg as Buffer).metadata()).format).toBe('jpeg');
    expect([image.width, image.height]).toEqual([595, 842]);
  });

  it('names the panel whose image cannot be read', async () => {
    const broken = (await art(10)).map((a, i) => (i === 1 ? { ...a, input: '/nope.png' } : a));
    await expect(composePage(geometry, broken, undefined, fonts, 1)).rejects.toMatchObject({
      name: MissingPanelError.name,
      panel: 'p1-2',
      path: '/nope.png',
    });
  });
});

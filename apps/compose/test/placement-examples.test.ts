/**
 * Both example issues lettered over their emulator drafts (the pictures the CLI makes without a
 * key, with busy figures where the script places the speakers): no two items overlap, nothing
 * leaves the safe area, and every tail points at its speaker as the script places them.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expandPanels, parseStory, type Rect, type Story } from 'storyboard';
import { describe, expect, it } from 'vitest';
import { renderDraftImage } from 'wiro-emulator';
import { createFontSet, fitPanel, layoutLettering, planIssue } from '../src/index.js';
import { analyseArt } from '../src/lettering/art/analyse-art.js';
import type { ArtMap } from '../src/lettering/art/art-map.js';
import { segmentHitsRect } from '../src/lettering/placement/geometry.js';
import type { LetteringItem, LetteringLayout } from '../src/lettering/types.js';

const EXAMPLES = ['noir', 'manga-rtl'];
const DPI = 100;

async function letterExample(name: string): Promise<{
  story: Story;
  pages: Array<{ layout: LetteringLayout; safe: Rect; pictures: Map<string, Rect> }>;
}> {
  const path = fileURLToPath(new URL(`../../../examples/${name}/story.yaml`, import.meta.url));
  const story = parseStory(await readFile(path, 'utf8'), { file: path });
  const jobs = new Map(expandPanels(story).map((job) => [job.id, job]));
  const fonts = createFontSet();
  const pages = [];
  for (const planned of planIssue(story, { dpi: DPI })) {
    const { sheet, geometry } = planned;
    const maps = new Map<string, ArtMap>();
    const pictures = new Map<string, Rect>();
    const art =
      sheet.kind === 'cover'
        ? [{ id: 'cover', rect: geometry.bleedBoxPx, focus: sheet.cover.focus }]
        : sheet.page.panels.map((panel, i) => ({
            id: panel.id,
            rect: geometry.slots[i]?.art as Rect,
            focus: panel.focus,
          }));
    for (const { id, rect, focus } of art) {
      const job = jobs.get(id);
      if (job === undefined) continue;
      const { prompt, width, height, seed } = job.inputs;
      const png = await renderDraftImage({ prompt, seed: String(seed), width, height });
      maps.set(id, analyseArt(await fitPanel(png, rect.w, rect.h, { focus }), rect));
      pictures.set(id, rect);
    }
    const layout = layoutLettering(story, sheet, geometry, fonts, {}, maps);
    pages.push({ layout, safe: geometry.safeBoxPx, pictures });
  }
  return { story, pages };
}

function inside(outer: Rect, inner: Rect): boolean {
  return (
    inner.x >= outer.x - 0.01 &&
    inner.y >= outer.y - 0.01 &&
    inner.x + inner.w <= outer.x + outer.w + 0.01 &&
    inner.y + inner.h <= outer.y + outer.h + 0.01
  );
}

function collide(a: LetteringItem, b: LetteringItem): boolean {
  const boxes =
    a.body.x < b.body.x + b.body.w &&
    b.body.x < a.body.x + a.body.w &&
    a.body.y < b.body.y + b.body.h &&
    b.body.y < a.body.y + a.body.h;
  const tail = (t: LetteringItem, o: LetteringItem) =>
    t.tail !== undefined && segmentHitsRect(t.tail.base, t.tail.tip, o.body);
  return boxes || tail(a, b) || tail(b, a);
}

describe.each(EXAMPLES)('the %s example over its drafts', (name) => {
  it('letters with no overlap, inside the safe area, tails aimed at their speakers', async () => {
    const { story, pages } = await letterExample(name);
    let tails = 0;
    for (const { layout, safe, pictures } of pages) {
      for (const [i, item] of layout.items.entries()) {
        expect(inside(safe, item.bounds), `${item.panel} ${item.kind} leaves the safe area`).toBe(
          true,
        );
        for (const other of layout.items.slice(i + 1)) {
          expect(collide(item, other), `${item.panel}: ${item.kind} meets ${other.kind}`).toBe(
            false,
          );
        }
      }
      expect(layout.warnings.filter((w) => w.kind === 'collision')).toEqual([]);
      const panels = story.pages.flatMap((page) => page.panels);
      for (const panel of panels) {
        const picture = pictures.get(panel.id);
        if (picture === undefined) continue;
        const balloons = layout.items.filter(
          (it) => it.panel === panel.id && it.shapes.length > 0 && it.kind !== 'caption',
        );
        panel.dialogue.forEach((line, index) => {
          const balloon = balloons[index];
          const tail = balloon?.tail;
          const side = story.characters[line.speaker]?.side;
          if (line.at === undefined && side === undefined) return;
          if (!panel.characters.includes(line.speaker) && line.at === undefined) return;
          expect(tail, `${panel.id}: no tail for ${line.speaker}`).toBeDefined();
          if (tail === undefined) return;
          tails += 1;
          // The speaker the tail aims at is where the script puts them.
          const wantX =
            picture.x +
            (line.at?.x ?? { left: 0.25, center: 0.5, right: 0.75 }[side ?? 'center']) * picture.w;
          expect(Math.abs(tail.speaker.x - wantX)).toBeLessThan(0.01 * picture.w);
          if (line.at?.y !== undefined) {
            expect(Math.abs(tail.speaker.y - (picture.y + line.at.y * picture.h))).toBeLessThan(1);
          }
          // The tip lies on the way from the balloon to the speaker, closer to them.
          const toTip = Math.atan2(tail.tip.y - tail.base.y, tail.tip.x - tail.base.x);
          const toSpeaker = Math.atan2(tail.speaker.y - tail.base.y, tail.speaker.x - tail.base.x);
          const off = Math.abs(
            Math.atan2(Math.sin(toTip - toSpeaker), Math.cos(toTip - toSpeaker)),
          );
          expect(off).toBeLessThan(0.02);
          const before = Math.hypot(tail.speaker.x - tail.base.x, tail.speaker.y - tail.base.y);
          const after = Math.hypot(tail.speaker.x - tail.tip.x, tail.speaker.y - tail.tip.y);
          expect(after).toBeLessThan(before);
        });
      }
    }
    expect(tails).toBeGreaterThan(3);
  }, 120_000);
});

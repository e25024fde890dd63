/**
 * Placement benchmark: letters an issue of varied panels whose pictures are the emulator's
 * drafts (busy regions known exactly from `planDraft`), once with the placement compose used
 * before it looked at the art (`legacy-letter-panel.ts`) and once with today's, and prints one
 * JSON report on stdout: share of the busy area covered, overlapping items, items outside the
 * safe area, for both side by side.
 *
 *   tsx --conditions=comics-factory-source bench/placement/placement-bench.ts [--pages N]
 */
import { performance } from 'node:perf_hooks';
import { expandPanels, type PanelJob, parseStory, type Rect, type Story } from 'storyboard';
import { planDraft, renderDraftImage } from 'wiro-emulator';
import { fitPanel } from '../../src/fit.js';
import { createFontSet } from '../../src/fonts/font-set.js';
import { analyseArt } from '../../src/lettering/art/analyse-art.js';
import type { ArtMap } from '../../src/lettering/art/art-map.js';
import { layoutLettering } from '../../src/lettering/layout-lettering.js';
import { type PlannedSheet, planIssue } from '../../src/plan.js';
import { letterPageLegacy } from './legacy-page.js';
import { emptyTally, summarise, tallyPage, tallyPanel } from './placement-metrics.js';
import { placementStory } from './placement-story.js';

const pagesIndex = process.argv.indexOf('--pages');
const pages = pagesIndex >= 0 ? Number(process.argv[pagesIndex + 1]) : 30;
const DPI = 150;

const { yaml, panels } = placementStory(pages, DPI);
const story: Story = parseStory(yaml, { file: 'placement-bench.yaml' });
const jobs = new Map<string, PanelJob>(expandPanels(story).map((job) => [job.id, job]));
const fonts = createFontSet();
const old = emptyTally();
const now = emptyTally();
const warnings: string[] = [];
let analyseMs = 0;
let layoutMs = 0;

for (const planned of planIssue(story, { cover: false })) {
  const { sheet, geometry } = planned;
  if (sheet.kind !== 'page') continue;
  const maps = new Map<string, ArtMap>();
  const busy = new Map<string, Rect[]>();
  for (const [index, panel] of sheet.page.panels.entries()) {
    const slot = geometry.slots[index];
    const job = jobs.get(panel.id);
    if (slot === undefined || job === undefined) continue;
    const { prompt, width, height } = job.inputs;
    const png = await renderDraftImage({ prompt, seed: String(job.inputs.seed), width, height });
    const fitted = await fitPanel(png, slot.art.w, slot.art.h, { focus: panel.focus });
    const started = performance.now();
    maps.set(panel.id, analyseArt(fitted, slot.art));
    analyseMs += performance.now() - started;
    busy.set(panel.id, busyOnCanvas(planDraft({ prompt, width, height }).busy, fitted, slot.art));
  }
  const started = performance.now();
  const layout = layoutLettering(story, sheet, geometry, fonts, {}, maps);
  layoutMs += performance.now() - started;
  warnings.push(...layout.warnings.map((w) => w.message));
  const legacy = letterPageLegacy(story, planned as PlannedSheet & { sheet: typeof sheet }, fonts);
  for (const [index, panel] of sheet.page.panels.entries()) {
    const slot = geometry.slots[index];
    if (slot === undefined) continue;
    const regionBusy = busy.get(panel.id) ?? [];
    tallyPanel(
      now,
      slot.art,
      regionBusy,
      layout.items.filter((i) => i.panel === panel.id),
    );
    tallyPanel(
      old,
      slot.art,
      regionBusy,
      legacy.filter((i) => i.panel === panel.id),
    );
  }
  tallyPage(now, layout.items, geometry.safeBoxPx);
  tallyPage(old, legacy, geometry.safeBoxPx);
}

const report = {
  pages,
  panels,
  dpi: DPI,
  old: summarise(old),
  new: summarise(now),
  newMsPerPanel: {
    analyseArt: Math.round((100 * analyseMs) / panels) / 100,
    layout: Math.round((100 * layoutMs) / panels) / 100,
  },
  warnings: warnings.length,
  collisions: warnings.filter((w) => w.includes('overlaps')),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);

/** A draft's busy rectangles (source pixels) where they land on the page after the cover crop. */
function busyOnCanvas(
  rects: readonly Rect[],
  fitted: { crop: Rect; scale: number },
  picture: Rect,
): Rect[] {
  return rects.map((r) => ({
    x: picture.x + (r.x - fitted.crop.x) * fitted.scale,
    y: picture.y + (r.y - fitted.crop.y) * fitted.scale,
    w: r.w * fitted.scale,
    h: r.h * fitted.scale,
  }));
}

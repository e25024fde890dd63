import { describe, expect, it } from 'vitest';
import {
  findPrintProfile,
  LAYOUT_TEMPLATE_NAMES,
  layoutPage,
  PAGE_PRESET_NAMES,
  type PageSpec,
  PRINT_PROFILES,
} from '../../src/layout/index.js';
import { expectMirrored, expectValidGeometry, inside } from './_checks.js';

const pages: PageSpec[] = [...PAGE_PRESET_NAMES, { width: 180, height: 260, unit: 'mm' }];

describe('print profiles', () => {
  it('give every preset a bleed, a safe inset and margins no smaller than it, with a source', () => {
    for (const name of [...PAGE_PRESET_NAMES, 'custom'] as const) {
      const profile = PRINT_PROFILES[name];
      expect(profile.bleedIn).toBeGreaterThanOrEqual(3 / 25.4 - 1e-9);
      expect(profile.safeIn).toBeGreaterThanOrEqual(5 / 25.4 - 1e-9);
      expect(profile.marginIn.x).toBeGreaterThanOrEqual(profile.safeIn);
      expect(profile.marginIn.y).toBeGreaterThanOrEqual(profile.safeIn);
      expect(profile.source.length).toBeGreaterThan(20);
    }
    expect(PRINT_PROFILES['us-comic']).toMatchObject({ bleedIn: 0.125, safeIn: 0.25 });
    expect(findPrintProfile({ width: 5, height: 8, unit: 'in' })).toBe(PRINT_PROFILES.custom);
  });

  it('puts US comic panels on the 6 × 9.5 in live area, 0.25 in safe line, 0.125 in gutters', () => {
    const layout = layoutPage({ page: 'us-comic', print: true });
    expect(layout.safeIn).toBe(0.25);
    expect(layout.safeBoxPx).toEqual({ x: 38 + 75, y: 38 + 75, w: 1988 - 150, h: 3075 - 150 });
    expect(layout.safeBoxPt).toEqual({ x: 9 + 18, y: 9 + 18, w: 477 - 36, h: 738 - 36 });
    expect(layout.liveAreaPx).toEqual({ x: 38 + 94, y: 38 + 113, w: 1800, h: 2849 }); // 6 × 9.5 in
    expect(layout.gutterPx).toEqual({ x: 38, y: 38 });
  });
});

describe.each(pages)('default geometry on %o', (page) => {
  it.each(LAYOUT_TEMPLATE_NAMES)(
    '%s: borders inside the safe area, gutters of at least 0.125 in',
    (template) => {
      for (const print of [false, true]) {
        const layout = layoutPage({ page, template, print, bleeds: [] });
        const minGutter = Math.round(0.125 * layout.dpi);
        expect(layout.gutterPx.x).toBeGreaterThanOrEqual(minGutter);
        expect(layout.gutterPx.y).toBeGreaterThanOrEqual(minGutter);
        for (const slot of layout.slots) {
          expect(inside(slot.cell, layout.safeBoxPx), `${template} slot ${slot.slot}`).toBe(true);
        }
      }
    },
  );
});

describe('bleeding panels', () => {
  it('a splash bleeds by default: its art is the whole canvas, and it renders at that aspect', () => {
    const layout = layoutPage({ template: 'splash', print: true });
    const [slot] = layout.slots;
    expect(slot?.bleed).toBe(true);
    expect(slot?.bleedSides).toEqual({ top: true, right: true, bottom: true, left: true });
    expect(slot?.art).toEqual(layout.bleedBoxPx);
    expect(slot?.aspect).toBeCloseTo(2064 / 3151, 12);
    expect(slot?.artPt.w).toBeCloseTo(2064 * 0.24, 9); // from the rounded pixels
    expect(slot?.artPt.h).toBeCloseTo(3151 * 0.24, 9);
    expectValidGeometry(layout);
  });

  it('a splash can opt out, and a page without bleed bleeds to the trim', () => {
    const off = layoutPage({ template: 'splash', print: true, bleeds: [false] });
    expect(off.slots[0]?.bleed).toBe(false);
    expect(off.slots[0]?.art).toEqual(off.slots[0]?.image);
    const screen = layoutPage({ template: 'splash' });
    expect(screen.slots[0]?.art).toEqual(screen.trimBoxPx);
  });

  it('a corner panel bleeds on its two outer sides only, mirrored in rtl', () => {
    const options = { template: 'grid-2x2', print: true, bleeds: [true] } as const;
    const ltr = layoutPage(options);
    const rtl = layoutPage({ ...options, direction: 'rtl' });
    const [first, second] = ltr.slots;
    expect(first?.bleedSides).toEqual({ top: true, right: false, bottom: false, left: true });
    expect(first?.art).toEqual({
      x: 0,
      y: 0,
      w: (first?.image.x ?? 0) + (first?.image.w ?? 0),
      h: (first?.image.y ?? 0) + (first?.image.h ?? 0),
    });
    expect(second?.bleed).toBe(false);
    expect(rtl.slots[0]?.bleedSides).toEqual({
      top: true,
      right: true,
      bottom: false,
      left: false,
    });
    expectValidGeometry(ltr);
    expectValidGeometry(rtl);
    expectMirrored(ltr, rtl);
  });

  it('a middle panel of a full-width stack bleeds left and right only', () => {
    const layout = layoutPage({ template: 'three-tiers', bleeds: [false, true, false] });
    expect(layout.slots[1]?.bleedSides).toEqual({
      top: false,
      right: true,
      bottom: false,
      left: true,
    });
    expect(layout.slots[1]?.art.w).toBe(layout.canvas.widthPx);
  });
});

describe('the safe option', () => {
  it('moves the safe line, and default margins never fall outside it', () => {
    const wide = layoutPage({ page: 'a4', safe: '12mm' });
    expect(wide.safeBoxPx.x).toBe(142); // 12 mm = 141.7 px
    expect(wide.liveAreaPx.x).toBeGreaterThanOrEqual(wide.safeBoxPx.x);
    for (const slot of wide.slots) expect(inside(slot.cell, wide.safeBoxPx)).toBe(true);
  });

  it('leaves explicit margins as given', () => {
    const layout = layoutPage({ unit: 'px', margins: 36 });
    expect(layout.liveAreaPx.x).toBe(36);
    expect(layout.safeBoxPx.x).toBe(75);
  });
});

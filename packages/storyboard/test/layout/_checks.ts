import { expect } from 'vitest';
import type { PageLayout, Rect, Slot } from '../../src/layout/index.js';

/** Whether two rectangles share any area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Whether `inner` lies within `outer` (edges may touch). */
export function inside(inner: Rect, outer: Rect): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.w <= outer.x + outer.w &&
    inner.y + inner.h <= outer.y + outer.h
  );
}

function spanOverlap(a0: number, a1: number, b0: number, b1: number): boolean {
  return a0 < b1 && b0 < a1;
}

/**
 * Asserts the geometric contract of a page: integer cells inside the live area (itself inside the
 * trim, inside the canvas), images inset by the border, no overlaps, exact gutters between
 * neighbours, and cells (each with the gutter after it) tiling the live area exactly.
 */
export function expectValidGeometry(layout: PageLayout): void {
  const { liveAreaPx: live, trimBoxPx: trim, bleedBoxPx: bleed, slots } = layout;
  const { x: gx, y: gy } = layout.gutterPx;
  const b = layout.border.widthPx;
  const rtl = layout.direction === 'rtl';
  expect(inside(trim, bleed)).toBe(true);
  expect(inside(live, trim)).toBe(true);
  slots.forEach((slot, index) => {
    expect(slot.slot).toBe(index);
    for (const value of Object.values(slot.cell)) expect(Number.isInteger(value)).toBe(true);
    expect(slot.cell.w).toBeGreaterThan(0);
    expect(slot.cell.h).toBeGreaterThan(0);
    expect(inside(slot.cell, live), `slot ${index} inside live area`).toBe(true);
    expect(slot.image).toEqual({
      x: slot.cell.x + b,
      y: slot.cell.y + b,
      w: slot.cell.w - 2 * b,
      h: slot.cell.h - 2 * b,
    });
    expect(slot.art).toEqual(expectedArt(layout, slot));
    expect(slot.aspect).toBeCloseTo(slot.art.w / slot.art.h, 12);
    const k = 72 / layout.dpi;
    expect(slot.artPt.x).toBeCloseTo(slot.art.x * k, 9);
    expect(slot.artPt.h).toBeCloseTo(slot.art.h * k, 9);
    expect(slot.cellPt.w).toBeCloseTo(slot.cell.w * k, 9);
  });
  expect(inside(layout.safeBoxPx, trim)).toBe(true);
  // The gutter follows a cell in the reading direction and below it.
  const padded = slots.map(({ cell }) => ({
    x: rtl ? cell.x - gx : cell.x,
    y: cell.y,
    w: cell.w + gx,
    h: cell.h + gy,
  }));
  const extended = { x: rtl ? live.x - gx : live.x, y: live.y, w: live.w + gx, h: live.h + gy };
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length; j++) {
      const [a, b2] = [padded[i] as Rect, padded[j] as Rect];
      expect(overlaps(a, b2), `slots ${i} and ${j} (with gutters) overlap`).toBe(false);
    }
  }
  const area = padded.reduce((sum, rect) => sum + rect.w * rect.h, 0);
  expect(area, 'cells and gutters fill the live area').toBe(extended.w * extended.h);
  for (const { slot, cell } of slots) {
    const right = cell.x + cell.w;
    const bottom = cell.y + cell.h;
    if (right < live.x + live.w) {
      const neighbour = slots.find(
        (other) =>
          other.cell.x === right + gx &&
          spanOverlap(cell.y, bottom, other.cell.y, other.cell.y + other.cell.h),
      );
      expect(neighbour, `a panel ${gx} px right of slot ${slot}`).toBeDefined();
    }
    if (bottom < live.y + live.h) {
      const neighbour = slots.find(
        (other) =>
          other.cell.y === bottom + gy &&
          spanOverlap(cell.x, right, other.cell.x, other.cell.x + other.cell.w),
      );
      expect(neighbour, `a panel ${gy} px below slot ${slot}`).toBeDefined();
    }
  }
}

/**
 * The art rectangle a slot must have: its image, carried out to the canvas edge on each side
 * where a bleeding slot meets the live area's edge, and nowhere else.
 */
function expectedArt(layout: PageLayout, slot: Slot): Rect {
  const live = layout.liveAreaPx;
  const { cell, image } = slot;
  const touches = {
    left: cell.x === live.x,
    right: cell.x + cell.w === live.x + live.w,
    top: cell.y === live.y,
    bottom: cell.y + cell.h === live.y + live.h,
  };
  const sides = slot.bleed ? touches : { left: false, right: false, top: false, bottom: false };
  expect(slot.bleedSides).toEqual(sides);
  const left = sides.left ? 0 : image.x;
  const top = sides.top ? 0 : image.y;
  const right = sides.right ? layout.canvas.widthPx : image.x + image.w;
  const bottom = sides.bottom ? layout.canvas.heightPx : image.y + image.h;
  return { x: left, y: top, w: right - left, h: bottom - top };
}

/** Asserts `rtl` is `ltr` mirrored exactly, slot for slot by grid position. */
export function expectMirrored(ltr: PageLayout, rtl: PageLayout): void {
  const width = ltr.canvas.widthPx;
  expect(rtl.canvas).toEqual(ltr.canvas);
  expect(rtl.slots).toHaveLength(ltr.slots.length);
  for (const slot of rtl.slots) {
    const twin = ltr.slots.find((other) => other.row === slot.row && other.col === slot.col);
    expect(twin).toBeDefined();
    if (twin === undefined) continue;
    expect(slot.slot).toBe(twin.slot);
    expect(slot.cell).toEqual({ ...twin.cell, x: width - twin.cell.x - twin.cell.w });
    expect(slot.image).toEqual({ ...twin.image, x: width - twin.image.x - twin.image.w });
    expect(slot.art).toEqual({ ...twin.art, x: width - twin.art.x - twin.art.w });
    expect(slot.bleedSides).toEqual({
      ...twin.bleedSides,
      left: twin.bleedSides.right,
      right: twin.bleedSides.left,
    });
    expect(slot.aspect).toBe(twin.aspect);
  }
}

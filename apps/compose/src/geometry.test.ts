import { parseStory } from 'storyboard';
import { describe, expect, it } from 'vitest';
import { coverGeometry, pageGeometry } from './geometry.js';

const story = (extra = '') =>
  parseStory(`title: G\n${extra}pages:\n  - layout: two-tiers\n    panels: [a, b]\n`, {
    file: 'g.yaml',
  });

describe('page geometry', () => {
  it('comes from the layout module: A4 trim in points whatever the DPI', () => {
    const s = story('page: { size: a4, dpi: 300 }\n');
    const page = s.pages[0] as (typeof s.pages)[0];
    const geometry = pageGeometry(s, page);
    expect(geometry.canvas).toEqual({ widthPx: 2480, heightPx: 3508 });
    expect(geometry.trimBoxPt.w).toBeCloseTo(595.28, 2);
    expect(geometry.trimBoxPt.h).toBeCloseTo(841.89, 2);
    expect(geometry.slots).toHaveLength(2);
    expect(pageGeometry(s, page, { dpi: 72 }).canvas).toEqual({ widthPx: 595, heightPx: 842 });
  });

  it('adds 0.125 in bleed for print unless the script sets its own; none when not printing', () => {
    const plain = story();
    const page = plain.pages[0] as (typeof plain.pages)[0];
    expect(pageGeometry(plain, page).bleedIn).toBe(0);
    expect(pageGeometry(plain, page, { print: true }).bleedIn).toBe(0.125);
    const bled = story('page: { bleed: 3mm }\n');
    const bledPage = bled.pages[0] as (typeof bled.pages)[0];
    expect(pageGeometry(bled, bledPage).bleedIn).toBeCloseTo(3 / 25.4, 6);
    expect(pageGeometry(bled, bledPage, { print: true }).bleedIn).toBeCloseTo(3 / 25.4, 6);
    expect(pageGeometry(bled, bledPage, { print: false }).bleedIn).toBe(0);
  });

  it('gives the cover the same canvas as the pages', () => {
    const s = story();
    const page = s.pages[0] as (typeof s.pages)[0];
    expect(coverGeometry(s, { print: true }).canvas).toEqual(
      pageGeometry(s, page, { print: true }).canvas,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { planContactSheet } from './contact-sheet.js';

describe('planContactSheet', () => {
  it('fits every page in a grid', () => {
    const layout = planContactSheet(41, 0.65);
    expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(41);
    expect(layout.columns).toBeGreaterThan(layout.rows);
  });

  it('shrinks thumbnails so a long issue stays under the pixel budget', () => {
    const short = planContactSheet(40, 0.65);
    const long = planContactSheet(400, 0.65, { maxPixels: 12_000_000 });
    expect(long.width * long.height).toBeLessThanOrEqual(12_000_000);
    expect(long.thumbWidth).toBeLessThan(short.thumbWidth);
    expect(long.columns * long.rows).toBeGreaterThanOrEqual(400);
  });
});

import type { LetteringItem, LetteringLayout, ShapeGroup, TextPaint } from './types.js';

/**
 * The grey of a `#rgb` or `#rrggbb` colour: its Rec. 601 luma as `#yyyyyy`, so black stays
 * black, white stays white and a coloured fill becomes the grey it prints as on a black-only
 * press (the yellow of a sound effect turns a light grey).
 * @example toGrey('#ffd42a') // '#cdcdcd'
 */
export function toGrey(color: string): string {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color)?.[1];
  if (hex === undefined) throw new RangeError(`lettering colour ${color} is not #rgb or #rrggbb`);
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  const [r, g, b] = [0, 2, 4].map((start) => Number.parseInt(full.slice(start, start + 2), 16)) as [
    number,
    number,
    number,
  ];
  const luma = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  const channel = luma.toString(16).padStart(2, '0');
  return `#${channel}${channel}${channel}`;
}

function greyShapes(group: ShapeGroup): ShapeGroup {
  return {
    ...group,
    fill: toGrey(group.fill),
    stroke: group.stroke === null ? null : toGrey(group.stroke),
  };
}

function greyPaint(paint: TextPaint): TextPaint {
  return {
    fill: toGrey(paint.fill),
    ...(paint.outline === undefined
      ? {}
      : { outline: { ...paint.outline, color: toGrey(paint.outline.color) } }),
  };
}

function greyItem(item: LetteringItem): LetteringItem {
  return { ...item, shapes: item.shapes.map(greyShapes), paint: greyPaint(item.paint) };
}

/**
 * The same lettering in black, white and greys only, for a black-and-white book (`color: bw`):
 * page images and the PDF draw from one layout, so both come out grey.
 */
export function toGrayscaleLettering(layout: LetteringLayout): LetteringLayout {
  return { ...layout, items: layout.items.map(greyItem) };
}

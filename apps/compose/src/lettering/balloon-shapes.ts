/**
 * Outlines of balloons, tails and boxes as SVG path data (canvas pixels, y down). Every path is
 * closed and uses only M, L, H, V, C, Q and Z, which librsvg and pdfkit draw identically.
 */
import { hypot } from './_hypot.js';

/** A point in canvas pixels. */
export interface Point {
  x: number;
  y: number;
}

/** An axis-aligned ellipse. */
export interface Ellipse {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
}

/** Formats a coordinate with at most two decimals. */
function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function pt(point: Point): string {
  return `${n(point.x)} ${n(point.y)}`;
}

/** The point of an ellipse at parameter angle `t` (radians, 0 = right, clockwise on screen). */
export function pointOnEllipse(ellipse: Ellipse, t: number, scale = 1): Point {
  return {
    x: ellipse.cx + ellipse.rx * scale * Math.cos(t),
    y: ellipse.cy + ellipse.ry * scale * Math.sin(t),
  };
}

/** The parameter angle of the ellipse point in the direction of `target` from the centre. */
export function angleToward(ellipse: Ellipse, target: Point): number {
  return Math.atan2((target.y - ellipse.cy) / ellipse.ry, (target.x - ellipse.cx) / ellipse.rx);
}

/** An ellipse as four cubic Bézier arcs. */
export function ellipsePath(ellipse: Ellipse): string {
  const { cx, cy, rx, ry } = ellipse;
  const k = 0.5522847498;
  return [
    `M${n(cx + rx)} ${n(cy)}`,
    `C${n(cx + rx)} ${n(cy + k * ry)} ${n(cx + k * rx)} ${n(cy + ry)} ${n(cx)} ${n(cy + ry)}`,
    `C${n(cx - k * rx)} ${n(cy + ry)} ${n(cx - rx)} ${n(cy + k * ry)} ${n(cx - rx)} ${n(cy)}`,
    `C${n(cx - rx)} ${n(cy - k * ry)} ${n(cx - k * rx)} ${n(cy - ry)} ${n(cx)} ${n(cy - ry)}`,
    `C${n(cx + k * rx)} ${n(cy - ry)} ${n(cx + rx)} ${n(cy - k * ry)} ${n(cx + rx)} ${n(cy)}Z`,
  ].join('');
}

/** A circle. */
export function circlePath(center: Point, radius: number): string {
  return ellipsePath({ cx: center.x, cy: center.y, rx: radius, ry: radius });
}

/** A rectangle. */
export function rectPath(x: number, y: number, w: number, h: number): string {
  return `M${n(x)} ${n(y)}H${n(x + w)}V${n(y + h)}H${n(x)}Z`;
}

/**
 * A thought cloud: round puffs whose chords lie on `ellipse`, each bulging `bulge` × chord
 * outwards. `puff` is the target chord length.
 */
export function cloudPath(ellipse: Ellipse, puff: number, bulge = 0.42): string {
  const perimeter = ellipsePerimeter(ellipse);
  const count = Math.max(7, Math.round(perimeter / puff));
  const points = Array.from({ length: count }, (_, i) =>
    pointOnEllipse(ellipse, (2 * Math.PI * (i + 0.5)) / count),
  );
  const first = points[0] as Point;
  let d = `M${pt(first)}`;
  points.forEach((start, i) => {
    const end = points[(i + 1) % count] as Point;
    const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    const chord = hypot(end.x - start.x, end.y - start.y);
    const out = outwardNormal(ellipse, mid);
    const lift = chord * bulge;
    const c1 = {
      x: start.x + (end.x - start.x) * 0.05 + out.x * lift * 1.33,
      y: start.y + (end.y - start.y) * 0.05 + out.y * lift * 1.33,
    };
    const c2 = {
      x: end.x - (end.x - start.x) * 0.05 + out.x * lift * 1.33,
      y: end.y - (end.y - start.y) * 0.05 + out.y * lift * 1.33,
    };
    d += `C${pt(c1)} ${pt(c2)} ${pt(end)}`;
  });
  return `${d}Z`;
}

/**
 * A shout burst: spikes `spike` pixels long (varied, deterministically) around `ellipse`, roughly
 * `spacing` apart, with the valleys on the ellipse.
 */
export function burstPath(ellipse: Ellipse, spike: number, spacing: number): string {
  const count = Math.max(10, Math.round(ellipsePerimeter(ellipse) / spacing));
  const parts: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const valley = pointOnEllipse(ellipse, (2 * Math.PI * i) / count);
    const t = (2 * Math.PI * (i + 0.5)) / count;
    const base = pointOnEllipse(ellipse, t);
    const out = outwardNormal(ellipse, base);
    const length = spike * (0.7 + 0.6 * jitter(i));
    const tip = { x: base.x + out.x * length, y: base.y + out.y * length };
    parts.push(`${i === 0 ? 'M' : 'L'}${pt(valley)}L${pt(tip)}`);
  }
  return `${parts.join('')}Z`;
}

/**
 * A speech tail: a curved wedge from two points on (just inside) the balloon edge to `tip`.
 * `width` is the width of its base.
 */
export function tailPath(ellipse: Ellipse, tip: Point, width: number): string {
  const { t, a, b } = tailRoot(ellipse, tip, width);
  const base = pointOnEllipse(ellipse, t, 1);
  // Bend the tail slightly: both sides curve through points pulled toward the base centre.
  const bend = (from: Point): Point => ({
    x: (from.x + tip.x) / 2 + (base.x - (from.x + tip.x) / 2) * 0.25,
    y: (from.y + tip.y) / 2 + (base.y - (from.y + tip.y) / 2) * 0.25,
  });
  return `M${pt(a)}Q${pt(bend(a))} ${pt(tip)}Q${pt(bend(b))} ${pt(b)}Z`;
}

/** A shout tail: a straight, sharp wedge. */
export function sharpTailPath(ellipse: Ellipse, tip: Point, width: number): string {
  const { a, b } = tailRoot(ellipse, tip, width);
  return `M${pt(a)}L${pt(tip)}L${pt(b)}Z`;
}

/**
 * Where a tail `width` wide leaves the balloon toward `tip`: the angle `t` of its middle and its
 * two corners `a` and `b`, just inside the edge.
 */
function tailRoot(ellipse: Ellipse, tip: Point, width: number): { t: number; a: Point; b: Point } {
  const t = angleToward(ellipse, tip);
  const radius = Math.max(1, (ellipse.rx + ellipse.ry) / 2);
  const spread = Math.min(0.6, width / 2 / radius);
  const a = pointOnEllipse(ellipse, t - spread, 0.86);
  const b = pointOnEllipse(ellipse, t + spread, 0.86);
  return { t, a, b };
}

/**
 * A thought tail: small circles shrinking from the cloud toward `tip`.
 * @returns one circle path per bubble
 */
export function bubbleTrail(ellipse: Ellipse, tip: Point, size: number): string[] {
  const t = angleToward(ellipse, tip);
  const start = pointOnEllipse(ellipse, t, 1);
  const dx = tip.x - start.x;
  const dy = tip.y - start.y;
  const radii = [size * 0.42, size * 0.3, size * 0.2];
  return radii.map((radius, i) => {
    const f = (i + 0.6) / radii.length;
    return circlePath({ x: start.x + dx * f, y: start.y + dy * f }, radius);
  });
}

/** Ramanujan's approximation of an ellipse's perimeter. */
export function ellipsePerimeter(ellipse: Ellipse): number {
  const { rx: a, ry: b } = ellipse;
  return Math.PI * (3 * (a + b) - Math.sqrt((3 * a + b) * (a + 3 * b)));
}

/** The unit normal of the ellipse family through `point`, pointing outwards. */
function outwardNormal(ellipse: Ellipse, point: Point): Point {
  const nx = (point.x - ellipse.cx) / (ellipse.rx * ellipse.rx);
  const ny = (point.y - ellipse.cy) / (ellipse.ry * ellipse.ry);
  const length = hypot(nx, ny) || 1;
  return { x: nx / length, y: ny / length };
}

/** A deterministic value in [0, 1) for index `i` (spike lengths vary without randomness). */
function jitter(i: number): number {
  const x = Math.sin(i * 12.9898 + 78.233) * 43758.5453;
  return x - Math.floor(x);
}

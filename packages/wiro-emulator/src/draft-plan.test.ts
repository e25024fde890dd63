import { describe, expect, it } from 'vitest';
import { type DraftPlan, type DraftRect, planDraft } from './draft-plan.js';

const TAIL = 'No text, no lettering, no captions, no speech balloons.';
const CAST = 'Ann Lee: a cook. Bo: a guard.';
const plan = (shot: string, rest = CAST, width = 1024, height = 768): DraftPlan =>
  planDraft({ prompt: `${shot}: two people talk. ${rest} ${TAIL}`, width, height });

const inside = (inner: DraftRect, outer: DraftRect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

const FRAME = { x: 0, y: 0, w: 1024, h: 768 };

describe('planDraft', () => {
  it('frames by shot: heads grow from establishing to extreme close-up', () => {
    const radius = (shot: string) => plan(shot).figures[0]?.r ?? 0;
    const sizes = [
      radius('Establishing shot, extreme wide view'),
      radius('Wide shot, full figures in their surroundings'),
      radius('Medium shot, framed from the waist up'),
      radius('Close-up on the face'),
      radius('Extreme close-up'),
    ];
    expect([...sizes].sort((a, b) => a - b)).toEqual(sizes);
    expect(new Set(sizes).size).toBe(5);
    expect(plan('Wide shot, full figures in their surroundings').figures[0]?.kind).toBe('full');
    expect(plan('Close-up on the face').figures[0]?.kind).toBe('head');
    expect(plan('Extreme close-up').figures.map((f) => f.name)).toEqual(['Ann Lee']);
    expect(plan('Over-the-shoulder shot').figures.map((f) => f.kind)).toEqual(['back', 'bust']);
    expect(plan("Bird's-eye view from directly above").figures[0]?.kind).toBe('top');
    expect(plan('Dutch angle, tilted frame').tilt).not.toBe(0);
    expect(plan('Insert shot of a detail').figures).toEqual([]);
    expect(plan('Insert shot of a detail').subject).toBeDefined();
  });

  it('spreads figures evenly, or puts them where the prompt says', () => {
    const even = plan('Medium shot, framed from the waist up');
    expect(even.figures.map((f) => Math.round(f.cx))).toEqual([341, 683]);
    const placed = plan(
      'Medium shot, framed from the waist up',
      `${CAST} Composition: Ann Lee on the right, Bo in the bottom left.`,
    );
    expect(placed.figures.map((f) => Math.round(f.cx))).toEqual([768, 256]);
    expect(placed.figures[1]?.cy).toBeCloseTo(0.7 * 768, 6);
  });

  it('keeps every busy box inside the frame, one per figure, plus the scene strip', () => {
    for (const shot of [
      'Wide shot, full figures in their surroundings',
      'Close-up on the face',
      'Over-the-shoulder shot',
      'Low-angle shot looking up',
    ]) {
      const result = plan(shot);
      expect(result.busy).toEqual([...result.figures.map((f) => f.box), result.caption]);
      for (const box of result.busy) expect(inside(box, FRAME), shot).toBe(true);
      for (const figure of result.figures) expect(inside(figure.label, figure.box)).toBe(true);
    }
  });

  it('leaves quiet room in a wide shot: the sky above the figures is not busy', () => {
    const result = plan('Wide shot, full figures in their surroundings');
    const top = Math.min(...result.busy.map((b) => b.y));
    expect(top).toBeGreaterThan(768 * 0.3);
  });

  it('gives a picture with no one in it a subject: a skyline, or an object', () => {
    const landscape = planDraft({
      prompt: `The harbor at night. ${TAIL}`,
      width: 1024,
      height: 768,
    });
    expect(landscape.framing).toBe('establishing');
    expect(landscape.subject?.y).toBeLessThan(landscape.horizon ?? 0);
    expect(landscape.busy).toEqual([landscape.subject, landscape.caption]);
  });

  it('is pure: the same prompt and size give the same plan', () => {
    expect(plan('Two-shot, two characters in frame')).toEqual(
      plan('Two-shot, two characters in frame'),
    );
  });
});

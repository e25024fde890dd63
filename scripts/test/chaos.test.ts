import { expect, it } from 'vitest';
import { runChaos } from '../chaos/run-chaos.js';

it('a short seeded chaos run keeps every invariant', async () => {
  const report = await runChaos({ seed: 7, panels: 12, crashes: 3, concurrency: 3, taskMs: 100 });
  for (const invariant of report.invariants)
    expect(invariant, invariant.detail).toMatchObject({ ok: true });
  expect(report.crashes).toBe(3);
  expect(report.faults.total).toBeGreaterThan(0);
  expect(report.billedSuccesses).toBe(12);
  expect(report.billedUpscales).toBeLessThanOrEqual(12);
  expect(report.billedUpscales).toBeGreaterThan(0);
}, 120_000);

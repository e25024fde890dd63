import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { CHEAP_INPUTS, SEED_MODEL } from './_contract.js';
import { type Harness, startHarness } from './_emulator.js';

let h: Harness;
let dir: string;
afterEach(async () => {
  await h?.close();
  await rm(dir, { recursive: true, force: true });
});

it('generate() under lost replies and expired URLs: every billed task is one the caller got', async () => {
  h = await startHarness({
    seed: 3,
    concurrency: 30,
    faults: 'Run:dropAfterAccept:0.25,Run:dropBeforeAccept:0.1,download:expired:0.2',
  });
  dir = await mkdtemp(join(tmpdir(), 'generate-'));
  const results = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      h.client.generate(
        SEED_MODEL,
        { ...CHEAP_INPUTS, seed: String(100 + i) },
        { outputDir: join(dir, String(i)), lostReplyGraceMs: 0 },
      ),
    ),
  );
  const ledger = h.emulator.ledger();
  expect(ledger.tasks.some((task) => task.replyDropped)).toBe(true);
  expect(ledger.faults.byKind.expired).toBeGreaterThan(0);
  const known = new Set(results.map((result) => result.task.id));
  const billed = ledger.tasks.filter((task) => task.billed).map((task) => task.taskid);
  expect(billed.filter((taskid) => !known.has(taskid))).toEqual([]);
  expect(ledger.billed.count).toBe(20);
  expect(ledger.billedTwice).toEqual([]);
  for (const result of results) expect(result.files[0]?.bytes).toBeGreaterThan(0);
});

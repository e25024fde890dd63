import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { spawnTs } from '../../../../tooling/spawn-ts.js';
import type { RenderEvent } from '../../src/index.js';
import { makeJobs, type RenderHarness, startRenderHarness } from './_harness.js';

const CHILD = fileURLToPath(new URL('./_render-child.ts', import.meta.url));
const COUNT = 6;

let h: RenderHarness;
afterEach(async () => {
  await h?.close();
});

type ChildEvent = RenderEvent | { type: 'finished'; totals: { rendered: number; cached: number } };

/** Starts a render process; `until` decides, event by event, when to SIGKILL it. */
function runChild(
  until?: (events: ChildEvent[]) => boolean,
): Promise<{ events: ChildEvent[]; code: number | null; signal: string | null }> {
  const config = {
    baseUrl: h.emulator.url,
    apiKey: h.emulator.apiKey,
    apiSecret: h.emulator.apiSecret,
    cacheDir: join(h.dir, 'cache'),
    journalPath: join(h.dir, 'journal.jsonl'),
    count: COUNT,
    concurrency: 2,
  };
  const child = spawnTs(CHILD, [], {
    env: { ...process.env, RENDER_CHILD: JSON.stringify(config) },
  });
  child.stderr.pipe(process.stderr);
  const events: ChildEvent[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => {
    events.push(JSON.parse(line));
    if (until?.(events)) child.kill('SIGKILL');
  });
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => resolve({ events, code, signal })),
  );
}

const count = (events: ChildEvent[], type: string) => events.filter((e) => e.type === type).length;

it('survives SIGKILL mid-run: re-attaches to journalled tasks and never pays twice', async () => {
  h = await startRenderHarness({ taskMs: 60, queueMs: 5 });

  // 1. Killed while two tasks run (held at task_start, both journalled).
  h.emulator.hold({ at: 'task_start' });
  const first = await runChild((events) => count(events, 'submitted') === 2);
  expect(first.signal).toBe('SIGKILL');
  expect(h.emulator.ledger().acceptedRuns).toBe(2);

  // 2. Restarted: finishes those two by re-attaching, then is killed with two more queued.
  h.emulator.release();
  h.emulator.hold({ at: 'task_queue' });
  const second = await runChild(
    (events) => count(events, 'done') === 2 && count(events, 'submitted') === 2,
  );
  expect(second.signal).toBe('SIGKILL');
  expect(count(second.events, 'reattached')).toBe(2);
  expect(h.emulator.ledger().acceptedRuns).toBe(4);

  // 3. Restarted again: runs to the end.
  h.emulator.release();
  const third = await runChild();
  expect(third.code).toBe(0);
  expect(count(third.events, 'reattached')).toBe(2);
  const finished = third.events.find((e) => e.type === 'finished') as Extract<
    ChildEvent,
    { type: 'finished' }
  >;
  expect(finished.totals.rendered + finished.totals.cached).toBe(COUNT);

  const ledger = h.emulator.ledger();
  expect(ledger.acceptedRuns).toBe(COUNT);
  expect(ledger.billed.count).toBe(COUNT);
  expect(ledger.billedTwice).toEqual([]);
  for (const job of makeJobs(COUNT)) {
    await access(join(h.dir, 'cache', job.cacheKey.slice(0, 2), job.cacheKey, '0.png'));
  }
});

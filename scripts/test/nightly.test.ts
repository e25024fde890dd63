import { access, appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runNightly } from '../nightly/run-nightly.js';
import { type NightlyHarness, startNightlyHarness } from './_nightly.js';

let h: NightlyHarness;
afterEach(async () => {
  await h?.close();
});

const byScript = (summary: Awaited<ReturnType<NightlyHarness['summary']>>) =>
  Object.fromEntries(summary.results.map((r) => [r.script, r]));

/** A script with one single-panel page per scene (each panel about $0.02 by estimate). */
const story = (title: string, scenes: string[]) =>
  `title: ${title}\npages:\n${scenes.map((s) => `  - panels: [${s}]\n`).join('')}`;

/** Runs a night in process against the harness's emulator. */
const night = (options: Partial<Parameters<typeof runNightly>[0]> = {}) =>
  runNightly({ rootDir: h.dir, outDir: 'out/nightly', env: h.env, ...options });

describe('pnpm nightly (the real process)', () => {
  it('builds the good issue, reports the broken one and exits 1; the next night skips the unchanged issue with no request', async () => {
    h = await startNightlyHarness();
    await h.addIssue('good', 'valid/minimal.yaml');
    await h.addIssue('broken', 'invalid/unknown-character.yaml');

    const first = await h.run();
    expect(first.code).toBe(1);
    let results = byScript(await h.summary());
    expect(results['issues/good/story.yaml']).toMatchObject({
      status: 'built',
      exitCode: 0,
      slug: 'a-quiet-morning-001',
      panels: { total: 1, rendered: 1, cached: 0, failed: 0 },
      manifest: 'a-quiet-morning-001/manifest.json',
    });
    expect(results['issues/broken/story.yaml']).toMatchObject({ status: 'invalid', exitCode: 2 });
    expect(results['issues/broken/story.yaml']?.message).toMatch(
      /story\.yaml:\d+:\d+ .*unknown character/,
    );
    expect(h.runs()).toBe(1);
    const manifest = JSON.parse(
      await readFile(join(h.dir, 'out/nightly/a-quiet-morning-001/manifest.json'), 'utf8'),
    );
    expect(manifest.totals).toMatchObject({ rendered: 1, failed: 0 });
    expect(first.stdout).toMatch(
      /\| A Quiet Morning \(issues\/good\/story\.yaml\) \| built \| 0 \|/,
    );
    expect(first.stdout).toMatch(/## Problems/);
    expect(await readFile(join(h.dir, 'out/nightly/summary.md'), 'utf8')).toBe(first.stdout);
    const index = await readFile(join(h.dir, 'out/nightly/index.html'), 'utf8');
    expect(index).toContain('A Quiet Morning');
    // The real compose step wrote a cover-less one-page issue, so the card shows its first page.
    expect(index).not.toContain('no pages yet');
    expect(index).toMatch(/<img[^>]+a-quiet-morning-001\/pages\/page-001\.jpg/);
    await access(join(h.dir, 'out/nightly/a-quiet-morning-001/index.html'));

    const requests = h.emulator.ledger().requests.length;
    const second = await h.run();
    expect(second.code).toBe(1);
    expect(h.emulator.ledger().requests.length).toBe(requests);
    results = byScript(await h.summary());
    expect(results['issues/good/story.yaml']).toMatchObject({
      status: 'skipped',
      exitCode: 0,
      manifest: 'a-quiet-morning-001/manifest.json',
    });
    expect(results['issues/broken/story.yaml']?.status).toBe('invalid');
    expect(second.stderr).toMatch(/skipped: A Quiet Morning/);
  });

  it('exits 0 when every issue is built, and prints the summary as JSON with --json', async () => {
    h = await startNightlyHarness();
    await h.addIssue('good', 'valid/minimal.yaml');
    const run = await h.run(['--json', '--out', 'site']);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.at(-1)).toMatchObject({ type: 'summary', exitCode: 0, counts: { built: 1 } });
    expect(lines.some((e) => e.type === 'issue-event' && e.event.type === 'done')).toBe(true);
    await access(join(h.dir, 'site', 'index.html'));
    expect(run.stdout + run.stderr).not.toContain(h.emulator.apiSecret!);
  });

  it('exits 2 with one line when no script matches or a flag is wrong', async () => {
    h = await startNightlyHarness();
    const none = await h.run(['--issues', 'nothing/*/story.yaml']);
    expect(none.code).toBe(2);
    expect(none.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/no script matches nothing\/\*\/story\.yaml/),
    ]);
    const bad = await h.run(['--max-cost', 'lots']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(h.emulator.ledger().requests).toEqual([]);
  });
});

describe('runNightly', () => {
  it('rebuilds an issue whose script or asset changed, from the panel cache, and every issue with force', async () => {
    h = await startNightlyHarness();
    const script = await h.addIssue('good', 'valid/minimal.yaml');
    expect((await night())?.summary.counts.built).toBe(1);
    expect((await night())?.summary.counts.skipped).toBe(1);

    await appendFile(script, '# a comment changes the text\n');
    const edited = await night();
    expect(edited?.summary.results[0]).toMatchObject({
      status: 'built',
      panels: { rendered: 0, cached: 1 },
    });
    expect((await night())?.summary.counts.skipped).toBe(1);

    await mkdir(join(h.dir, 'issues/good/assets'));
    await writeFile(join(h.dir, 'issues/good/assets/reference.txt'), 'a new asset');
    expect((await night())?.summary.counts.built).toBe(1);
    expect((await night({ force: true }))?.summary.counts.built).toBe(1);
    expect((await night({ formats: ['pdf'] }))?.summary.counts.built).toBe(1);
    expect(h.runs()).toBe(1);
  });

  it('rebuilds a skipped issue whose outputs are gone', async () => {
    h = await startNightlyHarness();
    await h.addIssue('good', 'valid/minimal.yaml');
    await night();
    await writeFile(join(h.dir, 'out/nightly/a-quiet-morning-001/manifest.json'), 'not json');
    expect((await night())?.summary.counts.built).toBe(1);
  });

  it('shares one budget across issues: the first spends it, the next stops before submitting', async () => {
    // Each task bills about $0.02 (0.85 × 40 ms × $0.6/s), like the budget's first estimate.
    h = await startNightlyHarness({ cps: 0.6 });
    await h.writeIssue('a', story('Alpha', ['a harbor', 'a pier', 'a crane']));
    await h.writeIssue('b', story('Beta', ['a lighthouse']));
    const maxCost = 0.07;
    // Generation only, so the arithmetic above holds; budgets with upscales are the engine's tests.
    const result = await night({ maxCost, concurrency: 2, upscale: false });
    const results = result!.summary.results;
    expect(results.map((r) => [r.script, r.status])).toEqual([
      ['issues/a/story.yaml', 'built'],
      ['issues/b/story.yaml', 'budget'],
    ]);
    expect(results[1]).toMatchObject({ exitCode: 3, panels: { rendered: 0 } });
    expect(results[1]?.message).toMatch(/nightly budget \$0\.07/);
    expect(result!.summary.exitCode).toBe(1);
    const ledger = h.emulator.ledger();
    expect(ledger.acceptedRuns).toBe(3);
    const billed = Number(ledger.billed.totalCost);
    expect(billed).toBeLessThanOrEqual(maxCost);
    expect(result!.summary.spent).toBeCloseTo(billed, 6);
    expect(ledger.maxInFlight).toBeLessThanOrEqual(2);

    // With no budget the next night builds the rest, and pays for nothing twice.
    const rest = await night({ upscale: false });
    expect(rest?.summary.results.map((r) => r.status)).toEqual(['skipped', 'built']);
    expect(h.emulator.ledger().billedTwice).toEqual([]);
  });

  it('keeps going after a panel fails, and builds that issue again the next night', async () => {
    h = await startNightlyHarness({ faults: 'Run:taskFail:times=3' });
    await h.writeIssue('a', story('Alpha', ['a harbor']));
    await h.writeIssue('b', story('Beta', ['a lighthouse']));
    const first = await night({ concurrency: 1 });
    expect(first?.summary.results.map((r) => r.status)).toEqual(['failed', 'built']);
    expect(first?.summary.results[0]).toMatchObject({ exitCode: 1, panels: { failed: 1 } });
    const second = await night();
    expect(second?.summary.results.map((r) => r.status)).toEqual(['built', 'skipped']);
  });

  it('refuses a second issue with the same slug', async () => {
    h = await startNightlyHarness();
    await h.addIssue('one', 'valid/minimal.yaml');
    await h.addIssue('two', 'valid/minimal.yaml');
    const result = await night();
    expect(result?.summary.results.map((r) => r.status)).toEqual(['built', 'invalid']);
    expect(result?.summary.results[1]?.message).toMatch(/already used by issues\/one\/story\.yaml/);
  });
});

import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { COMICS_FACTORY_MODEL } from 'storyboard';
import { afterEach, describe, expect, it } from 'vitest';
import { REAL_ESRGAN } from 'wiro-core';
import { type CliHarness, FIXTURES, startCliHarness } from './_cli.js';

let h: CliHarness;
afterEach(async () => {
  await h?.close();
});

const COMPLETE = join(FIXTURES, 'valid', 'complete.yaml');
/** Generation Runs accepted (upscale Runs are counted apart). */
const runs = () => h.emulator.ledger().runsByModel[COMICS_FACTORY_MODEL] ?? 0;
const upscaleRuns = () => h.emulator.ledger().runsByModel[REAL_ESRGAN.model] ?? 0;

describe('render validate', () => {
  it('exits 0 for a valid script', async () => {
    h = await startCliHarness();
    const result = await h.run(['validate', COMPLETE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/valid \(4 pages, 12 panels, cover\)/);
  });

  it('exits 2 with file:line:column for an invalid script, and makes no request', async () => {
    h = await startCliHarness();
    const bad = join(FIXTURES, 'invalid', 'unknown-character.yaml');
    for (const command of ['validate', 'render', 'plan']) {
      const result = await h.run([command, bad]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/unknown-character\.yaml:\d+:\d+/);
    }
    expect(h.emulator.ledger().requests).toEqual([]);
    expect(await readdir(h.dir)).toEqual([]);
  });

  it('exits 2 before spending anything when a character has no glyph in the bundled fonts', async () => {
    h = await startCliHarness();
    const unicode = join(FIXTURES, 'valid', 'unicode.yaml');
    for (const command of ['validate', 'plan', 'render']) {
      const result = await h.run([command, unicode]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/unicode\.yaml:3:8 title: cannot letter .*U\+2615/);
      expect(result.stderr).toContain('4 problems');
    }
    expect(h.emulator.ledger().requests).toEqual([]);
    expect(await readdir(h.dir)).toEqual([]);
  });

  it('exits 2 with one line for a usage mistake', async () => {
    h = await startCliHarness();
    const result = await h.run(['render', COMPLETE, '--concurency', '3']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('render plan', () => {
  it('lists every panel with an estimate and makes no request', async () => {
    h = await startCliHarness();
    const result = await h.run(['plan', COMPLETE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/13 panels: 0 cached, 13 to render, estimated \$/);
    expect(result.stdout).toContain('arrival-1');
    expect(h.emulator.ledger().requests).toEqual([]);
  });
});

describe('render', () => {
  it('renders the issue, then renders nothing the second time', async () => {
    h = await startCliHarness();
    const first = await h.run([COMPLETE]);
    expect(first.code).toBe(0);
    expect(runs()).toBe(13);
    const manifest = JSON.parse(
      await readFile(join(h.dir, 'out', 'the-drowned-harbor-003', 'manifest.json'), 'utf8'),
    );
    expect(manifest.panels).toHaveLength(13);
    expect(manifest.totals).toMatchObject({ rendered: 13, failed: 0 });
    expect(JSON.stringify(manifest)).not.toContain(h.emulator.apiSecret!);

    const requests = h.emulator.ledger().requests.length;
    const second = await h.run([COMPLETE]);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/rendered 0 {3}cached 13/);
    expect(h.emulator.ledger().requests.length).toBe(requests);
  });

  it('re-renders just one page with --only and --force', async () => {
    h = await startCliHarness();
    await h.run([COMPLETE]);
    const result = await h.run([COMPLETE, '--only', '2', '--force']);
    expect(result.code).toBe(0);
    expect(runs()).toBe(13 + 4);
  });

  it('enlarges every panel that would print below 300 ppi on Wiro, once, and --no-upscale lists them instead', async () => {
    h = await startCliHarness();
    const plain = await h.run([COMPLETE, '--no-upscale']);
    expect(plain.code).toBe(0);
    expect(upscaleRuns()).toBe(0);
    const low = plain.stdout.match(/low ppi +(\d+) panel\(s\) print below 300 ppi: (.+)/);
    expect(low?.[2]).toMatch(/^[\w-]+ \d+/);
    const lowCount = Number(low?.[1]);
    expect(lowCount).toBeGreaterThan(0);

    const enlarged = await h.run([COMPLETE]);
    expect(enlarged.code).toBe(0);
    expect(enlarged.stdout).not.toMatch(/low ppi/);
    expect(runs()).toBe(13);
    expect(upscaleRuns()).toBe(lowCount);
    const manifest = JSON.parse(
      await readFile(join(h.dir, 'out', 'the-drowned-harbor-003', 'manifest.json'), 'utf8'),
    );
    const upscaled = manifest.panels.filter((panel: { upscale?: unknown }) => panel.upscale);
    expect(upscaled).toHaveLength(lowCount);
    for (const panel of manifest.panels)
      expect(panel.print.effectivePpi).toBeGreaterThanOrEqual(300);
    // Each upscale read the generation task's own output: no download and upload in between.
    const sources = new Set(h.emulator.ledger().tasks.map((task) => task.sourceTaskid));
    for (const panel of upscaled) expect(sources).toContain(panel.source.taskid);
  });

  it('a SIGKILL between generation and upscale neither generates again nor pays for an upscale twice', async () => {
    h = await startCliHarness();
    h.emulator.hold({ at: 'task_start' });
    const killed = await h.run([COMPLETE, '--json', '--concurrency', '2'], {
      onStdoutLine: (line, kill) => {
        const event = JSON.parse(line);
        if (event.type === 'submitted' && event.stage === 'upscale') kill('SIGKILL');
        if (event.type === 'submitted' && event.stage === 'generate') h.emulator.release();
      },
    });
    expect(killed.code).not.toBe(0);
    const before = h.emulator.ledger();
    expect(before.runsByModel[REAL_ESRGAN.model]).toBeGreaterThan(0);
    h.emulator.release();
    const resumed = await h.run([COMPLETE]);
    expect(resumed.code).toBe(0);
    const after = h.emulator.ledger();
    expect(after.billedTwice).toEqual([]);
    // Generations already paid for were not sent again.
    expect(after.runsByModel[COMICS_FACTORY_MODEL]).toBe(13);
  });

  it('resolves the script relative to the folder it was run from', async () => {
    h = await startCliHarness();
    await cp(COMPLETE, join(h.dir, 'story.yaml'));
    const result = await h.run(['validate', 'story.yaml'], { cwd: h.dir });
    expect(result.code).toBe(0);
  });

  it('exits 3 when the budget is reached and resumes later without paying twice', async () => {
    h = await startCliHarness({ cps: 0.01 });
    const limited = await h.run([COMPLETE, '--max-cost', '0.0001', '--concurrency', '1']);
    expect(limited.code).toBe(3);
    expect(limited.stderr).toMatch(/Budget of \$0\.00 reached/);
    const resumed = await h.run([COMPLETE]);
    expect(resumed.code).toBe(0);
    expect(h.emulator.ledger().billedTwice).toEqual([]);
  });

  it('stops on SIGINT with exit 130, killing or cancelling its tasks, and resumes', async () => {
    h = await startCliHarness();
    h.emulator.hold({ at: 'task_start' });
    let submitted = 0;
    const interrupted = await h.run([COMPLETE, '--json', '--concurrency', '3'], {
      onStdoutLine: (line, kill) => {
        const event = JSON.parse(line);
        if (event.type === 'status' && event.status === 'task_start' && ++submitted === 3)
          kill('SIGINT');
      },
    });
    expect(interrupted.code).toBe(130);
    const ledger = h.emulator.ledger();
    expect(ledger.acceptedRuns).toBe(3);
    expect(ledger.kills + ledger.cancels).toBe(3);
    h.emulator.release();
    const resumed = await h.run([COMPLETE]);
    expect(resumed.code).toBe(0);
    expect(h.emulator.ledger().billedTwice).toEqual([]);
  });

  it('exits 1 and still writes outputs when a panel keeps failing', async () => {
    h = await startCliHarness({ faults: 'Run:taskFail:times=3' });
    const result = await h.run([COMPLETE, '--concurrency', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/1 panel\(s\) failed: cover/);
    const manifest = JSON.parse(
      await readFile(join(h.dir, 'out', 'the-drowned-harbor-003', 'manifest.json'), 'utf8'),
    );
    expect(manifest.panels.find((p: { id: string }) => p.id === 'cover').status).toBe('failed');
  });

  it('never prints or stores the secret', async () => {
    h = await startCliHarness({ faults: 'Run:http5xx:times=1,Task/Detail:http5xx:times=1' });
    await writeFile(join(h.dir, 'noop'), '');
    const result = await h.run([COMPLETE, '--json', '--verbose']);
    const secret = h.emulator.apiSecret!;
    expect(result.stdout + result.stderr).not.toContain(secret);
    const manifest = await readFile(
      join(h.dir, 'out', 'the-drowned-harbor-003', 'manifest.json'),
      'utf8',
    );
    expect(manifest).not.toContain(secret);
  });
});

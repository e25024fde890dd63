/**
 * SIGTERM while `render` validates a script. Validation is synchronous but bounded by the script
 * limits (a hostile map of 60,000 keys took about a minute with the YAML library's quadratic
 * duplicate-key check and now takes about a second), so a stop asked for meanwhile is honoured
 * as soon as it returns: exit 130, nothing sent, nothing written.
 *
 * No timing window: the script is fed through a named pipe, and the test writes it only once the
 * CLI has acknowledged the signal, so the signal always lands before validation ends.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulator, startEmulator } from 'wiro-emulator';
import { cliEnv, runCli } from './_cli.js';

let emulator: Emulator;
let dir: string;
beforeAll(async () => {
  emulator = await startEmulator({ taskMs: 20 });
  dir = await mkdtemp(join(tmpdir(), 'validate-interrupt-'));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

/** A script under the size limit with one map of 60,000 keys. */
function hostileScript(): string {
  const keys = Array.from({ length: 60_000 }, (_, i) => `k${i}: x\n`).join('');
  return `title: Keys\npages: [{ panels: [a] }]\n${keys}`;
}

describe('render, interrupted while validating', () => {
  it('exits 130 after SIGTERM during validation of a hostile script, with nothing sent', async () => {
    const run = await mkdtemp(join(dir, 'run-'));
    const story = join(run, 'story.yaml');
    execFileSync('mkfifo', [story]);
    let feeding: Promise<void> | undefined;
    const result = await runCli(['render', story], {
      cwd: run,
      env: cliEnv(emulator, run),
      onStderrLine: (line, kill) => {
        if (line.startsWith('validate')) kill('SIGTERM');
        if (line.startsWith('Stopping') && feeding === undefined) {
          feeding = writeFile(story, hostileScript());
        }
      },
    });
    await feeding;
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain('Stopped during validation');
    expect(emulator.ledger().requests).toEqual([]);
    expect(await readdir(run)).toEqual(['story.yaml']);
  });
});

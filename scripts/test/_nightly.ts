import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMICS_FACTORY_MODEL } from 'storyboard';
import { REAL_ESRGAN } from 'wiro-core';
import { type Emulator, type EmulatorOptions, emulatorEnv, startEmulator } from 'wiro-emulator';
import { spawnTs } from '../../tooling/spawn-ts.js';
import type { NightlySummary } from '../nightly/summary.js';

const MAIN = fileURLToPath(new URL('../nightly/main.ts', import.meta.url));
/** storyboard's script fixtures: `valid/*.yaml` and `invalid/*.yaml`. */
export const FIXTURES = fileURLToPath(
  new URL('../../packages/storyboard/fixtures/', import.meta.url),
);

/** What a nightly run printed and how it ended. */
export interface NightlyRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A scratch project with `issues/<name>/story.yaml`, and an emulator that stands in for Wiro. */
export interface NightlyHarness {
  emulator: Emulator;
  dir: string;
  /** The environment that points Wiro at the emulator (for in-process `runNightly`). */
  env: NodeJS.ProcessEnv;
  /** Copies a fixture (`valid/minimal.yaml`) to `issues/<name>/story.yaml`. */
  addIssue(name: string, fixture: string): Promise<string>;
  /** Writes `issues/<name>/story.yaml`. */
  writeIssue(name: string, text: string): Promise<string>;
  /** Runs the real `nightly` process in the scratch folder. */
  run(args?: string[]): Promise<NightlyRun>;
  /** `out/nightly/summary.json`. */
  summary(): Promise<NightlySummary>;
  /** Generation Run requests the emulator has seen (upscale Runs are counted by `upscaleRuns`). */
  runs(): number;
  /** Upscale (`xinntao/Real-ESRGAN`) Run requests the emulator has seen. */
  upscaleRuns(): number;
  close(): Promise<void>;
}

const runRequests = (emulator: Emulator, model: string) =>
  emulator.ledger().requests.filter((r) => r.endpoint === 'Run' && r.path.endsWith(`/${model}`))
    .length;

export async function startNightlyHarness(
  emulatorOptions: EmulatorOptions = {},
): Promise<NightlyHarness> {
  const emulator = await startEmulator({ taskMs: 40, queueMs: 5, ...emulatorOptions });
  const dir = await mkdtemp(join(tmpdir(), 'nightly-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...emulatorEnv(emulator),
    NIGHTLY_CACHE_DIR: join(dir, 'cache'),
    INIT_CWD: dir,
  };
  for (const name of Object.keys(env)) {
    if (name.startsWith('NIGHTLY_') && name !== 'NIGHTLY_CACHE_DIR') delete env[name];
  }
  const writeIssue = async (name: string, text: string) => {
    const path = join(dir, 'issues', name, 'story.yaml');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return path;
  };
  return {
    emulator,
    dir,
    env,
    writeIssue,
    addIssue: async (name, fixture) => {
      const path = join(dir, 'issues', name, 'story.yaml');
      await mkdir(dirname(path), { recursive: true });
      await cp(join(FIXTURES, fixture), path);
      return path;
    },
    run(args = []) {
      const child = spawnTs(MAIN, args, { cwd: dir, env });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
      });
      child.stderr.on('data', (chunk) => {
        stderr += chunk;
      });
      return new Promise((resolve) =>
        child.on('close', (code) => resolve({ code, stdout, stderr })),
      );
    },
    summary: async () =>
      JSON.parse(await readFile(join(dir, 'out', 'nightly', 'summary.json'), 'utf8')),
    runs: () => runRequests(emulator, COMICS_FACTORY_MODEL),
    upscaleRuns: () => runRequests(emulator, REAL_ESRGAN.model),
    close: async () => {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type Emulator, type EmulatorOptions, emulatorEnv, startEmulator } from 'wiro-emulator';
import { spawnTs } from '../../../../tooling/spawn-ts.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
export const FIXTURES = fileURLToPath(
  new URL('../../../../packages/storyboard/fixtures/', import.meta.url),
);

/** What a CLI run printed and how it ended. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A scratch folder the CLI runs in, and an emulator it talks to as if it were Wiro. */
export interface CliHarness {
  emulator: Emulator;
  dir: string;
  run(
    args: string[],
    options?: {
      onStdoutLine?: (line: string, kill: (signal: NodeJS.Signals) => void) => void;
      cwd?: string;
    },
  ): Promise<CliRun>;
  close(): Promise<void>;
}

/** Runs the real `render` command in a child process and collects what it printed. */
export function runCli(
  args: string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    onStdoutLine?: ((line: string, kill: (signal: NodeJS.Signals) => void) => void) | undefined;
    onStderrLine?: ((line: string, kill: (signal: NodeJS.Signals) => void) => void) | undefined;
  },
): Promise<CliRun> {
  const child = spawnTs(MAIN, args, {
    cwd: options.cwd,
    env: options.env,
  });
  let stdout = '';
  let stderr = '';
  createInterface({ input: child.stdout }).on('line', (line) => {
    stdout += `${line}\n`;
    options.onStdoutLine?.(line, (signal) => child.kill(signal));
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    stderr += `${line}\n`;
    options.onStderrLine?.(line, (signal) => child.kill(signal));
  });
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
}

export async function startCliHarness(emulatorOptions: EmulatorOptions = {}): Promise<CliHarness> {
  const emulator = await startEmulator({ taskMs: 40, queueMs: 5, ...emulatorOptions });
  const dir = await mkdtemp(join(tmpdir(), 'render-cli-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...emulatorEnv(emulator),
    COMICS_CACHE_DIR: join(dir, 'cache'),
    INIT_CWD: dir,
  };
  return {
    emulator,
    dir,
    run: (args, options = {}) =>
      runCli(args, {
        cwd: options.cwd ?? dir,
        env: options.cwd ? { ...env, INIT_CWD: options.cwd } : env,
        onStdoutLine: options.onStdoutLine,
      }),
    close: async () => {
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Emulator, type EmulatorOptions, emulatorEnv, startEmulator } from 'wiro-emulator';
import { type OutputLineHandler, runTs, type TsRun } from '../../../../tooling/spawn-ts.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export { STORY_FIXTURES as FIXTURES } from '../../../../tooling/story-fixtures.js';

/** A scratch folder the CLI runs in, and an emulator it talks to as if it were Wiro. */
export interface CliHarness {
  emulator: Emulator;
  dir: string;
  run(
    args: string[],
    options?: {
      onStdoutLine?: OutputLineHandler;
      cwd?: string;
    },
  ): Promise<TsRun>;
  close(): Promise<void>;
}

/** Runs the real `render` command in a child process and collects what it printed. */
export function runCli(
  args: string[],
  options: {
    cwd: string;
    env: NodeJS.ProcessEnv;
    onStdoutLine?: OutputLineHandler | undefined;
    onStderrLine?: OutputLineHandler | undefined;
    /** Kills the command (SIGKILL) when aborted. */
    signal?: AbortSignal | undefined;
  },
): Promise<TsRun> {
  return runTs(MAIN, args, { ...options, killSignal: 'SIGKILL' });
}

/** The environment of a CLI run in `dir`: Wiro is the emulator; the cache and INIT_CWD are `dir`. */
export function cliEnv(emulator: Emulator, dir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...emulatorEnv(emulator),
    COMICS_CACHE_DIR: join(dir, 'cache'),
    INIT_CWD: dir,
  };
}

/** Starts an emulator and a scratch folder; `close()` kills any command still running. */
export async function startCliHarness(emulatorOptions: EmulatorOptions = {}): Promise<CliHarness> {
  const emulator = await startEmulator({ taskMs: 40, queueMs: 5, ...emulatorOptions });
  const dir = await mkdtemp(join(tmpdir(), 'render-cli-'));
  const env = cliEnv(emulator, dir);
  // A test that times out leaves its command running: closing the harness kills it.
  const running = new AbortController();
  return {
    emulator,
    dir,
    run: (args, options = {}) =>
      runCli(args, {
        cwd: options.cwd ?? dir,
        env: options.cwd ? { ...env, INIT_CWD: options.cwd } : env,
        onStdoutLine: options.onStdoutLine,
        signal: running.signal,
      }),
    close: async () => {
      running.abort();
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

import { type ChildProcessByStdio, type SpawnOptionsWithoutStdio, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { SOURCE_CONDITION } from './build-stamp.mjs';

/**
 * tsx's loader by absolute URL. Child processes often run in a scratch folder where `--import tsx`
 * would not resolve, so tests, chaos runs and benchmarks pass this instead.
 */
export const TSX_LOADER = pathToFileURL(
  createRequire(import.meta.url)
    .resolve('tsx/package.json')
    .replace(/package\.json$/, 'dist/loader.mjs'),
).href;

/**
 * Starts `node --import tsx <script> ...args` with stdout and stderr piped (the caller must read
 * or `resume()` both, or a chatty child blocks on a full pipe). Workspace packages resolve to
 * their source, in the child and in any node it starts (the condition travels in NODE_OPTIONS),
 * so what runs is what is on disk, built or not.
 */
export function spawnTs(
  script: string,
  args: string[],
  options: SpawnOptionsWithoutStdio,
): ChildProcessByStdio<null, Readable, Readable> {
  const env = options.env ?? process.env;
  const nodeOptions = [env.NODE_OPTIONS, `--conditions=${SOURCE_CONDITION}`].filter(Boolean);
  return spawn(process.execPath, ['--import', TSX_LOADER, script, ...args], {
    ...options,
    env: { ...env, NODE_OPTIONS: nodeOptions.join(' ') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Called with each line a script prints; `kill` sends the script a signal. */
export type OutputLineHandler = (line: string, kill: (signal: NodeJS.Signals) => void) => void;

/** What a script printed and how it ended. */
export interface TsRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runTs}: those of `spawn`, and a handler for each printed line. */
export interface RunTsOptions extends SpawnOptionsWithoutStdio {
  onStdoutLine?: OutputLineHandler | undefined;
  onStderrLine?: OutputLineHandler | undefined;
}

/**
 * Runs `script` as {@link spawnTs} does, to its end, and collects what it printed. Aborting
 * `options.signal` kills it (with `options.killSignal`, SIGTERM by default).
 */
export function runTs(script: string, args: string[], options: RunTsOptions): Promise<TsRun> {
  const { onStdoutLine, onStderrLine, ...spawnOptions } = options;
  const child = spawnTs(script, args, spawnOptions);
  const kill = (signal: NodeJS.Signals) => child.kill(signal);
  const collect = (stream: Readable, onLine: OutputLineHandler | undefined) => {
    const text = { value: '' };
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      text.value += chunk;
    });
    if (onLine) createInterface({ input: stream }).on('line', (line) => onLine(line, kill));
    return text;
  };
  const stdout = collect(child.stdout, onStdoutLine);
  const stderr = collect(child.stderr, onStderrLine);
  return new Promise((resolve, reject) => {
    // Aborted through `options.signal`: the child is killed, and 'close' follows.
    child.on('error', (error) => {
      if (error.name !== 'AbortError') reject(error);
    });
    child.on('close', (code, signal) =>
      resolve({ code, signal, stdout: stdout.value, stderr: stderr.value }),
    );
  });
}

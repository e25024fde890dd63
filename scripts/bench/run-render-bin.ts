import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findStalePackages } from '../../tooling/build-stamp.mjs';

const COMPOSE = fileURLToPath(new URL('../../apps/compose/', import.meta.url));
const RENDER_BIN = fileURLToPath(
  new URL('../../apps/compose/bin/comics-render.mjs', import.meta.url),
);

/**
 * Throws unless the compiled CLI is current: a stale build makes the bin run the source through
 * tsx, and the benchmark would time that instead. (`pnpm bench` builds first.)
 */
export function assertRenderBuilt(): void {
  const stale = findStalePackages(COMPOSE);
  if (stale.length > 0) {
    throw new Error(`stale build of ${stale.join(', ')}: run \`pnpm build\` before benchmarking`);
  }
}

/**
 * Runs `node apps/compose/bin/comics-render.mjs ...args` as a user's shell would (no pnpm, no
 * loader) and returns its wall time in seconds, process start included. Rejects on a non-zero
 * exit.
 */
export function timeRenderBin(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const env = { ...(options.env ?? process.env) };
  delete env.NODE_OPTIONS;
  return new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [RENDER_BIN, ...args], {
      cwd: options.cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('close', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`render ${args.join(' ')} exited ${code}: ${stderr.slice(-500)}`)),
    );
  });
}

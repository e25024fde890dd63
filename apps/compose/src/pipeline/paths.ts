import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/**
 * The folder the user ran the command from. pnpm runs root scripts in the repository root and
 * records the caller's folder in INIT_CWD, so paths on the command line resolve against that.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD ?? process.cwd();
}

/** Resolves a path the user typed, relative to where they ran the command. */
export function resolveUserPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return isAbsolute(path) ? path : resolve(invocationDir(env), path);
}

/**
 * The project a folder belongs to: the nearest folder at or above it with a `.git` or a
 * `pnpm-workspace.yaml`, else the folder itself.
 */
export function findProjectRoot(dir: string): string {
  const start = resolve(dir);
  for (let current = start; ; ) {
    if (existsSync(join(current, '.git')) || existsSync(join(current, 'pnpm-workspace.yaml'))) {
      return current;
    }
    const parent = dirname(current);
    if (parent === current) return start;
    current = parent;
  }
}

/**
 * Default cache folder for a story: `<project>/.cache/comics-factory` of the project the story is
 * in, so one cache serves every issue of a repository whatever folder the command was run from.
 */
export function defaultCacheDir(storyPath: string): string {
  return join(findProjectRoot(dirname(resolve(storyPath))), '.cache', 'comics-factory');
}

/** Default output folder for an issue: `<invocation dir>/out/<slug>`. */
export function defaultOutDir(slug: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(invocationDir(env), 'out', slug);
}

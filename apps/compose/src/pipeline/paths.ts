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
 * The project a story belongs to: the nearest folder above it with a `.git` or a
 * `pnpm-workspace.yaml`, else the story's own folder. The panel cache lives there, so one cache
 * serves every issue of a repository whatever folder the command was run from.
 */
export function findProjectRoot(storyPath: string): string {
  let dir = dirname(resolve(storyPath));
  for (;;) {
    if (existsSync(join(dir, '.git')) || existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return dirname(resolve(storyPath));
    dir = parent;
  }
}

/** Default cache folder for a story: `<project>/.cache/comics-factory`. */
export function defaultCacheDir(storyPath: string): string {
  return join(findProjectRoot(storyPath), '.cache', 'comics-factory');
}

/** Default output folder for an issue: `<invocation dir>/out/<slug>`. */
export function defaultOutDir(slug: string, env: NodeJS.ProcessEnv = process.env): string {
  return join(invocationDir(env), 'out', slug);
}

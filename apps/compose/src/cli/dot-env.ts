import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot, invocationDir } from '../pipeline/paths.js';

/**
 * The `.env` files of the user's own project: the folder the command was run from, then that
 * folder's project root. Never a script's folder: a script may come from someone else, and a
 * `.env` beside it could send the user's key and prompts to another server.
 */
export function userDotEnvFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const here = invocationDir(env);
  return [...new Set([here, findProjectRoot(here)])]
    .map((dir) => join(dir, '.env'))
    .filter((file) => existsSync(file));
}

/** Loads the user's `.env` files into `process.env`; variables already set always win. */
export function loadUserDotEnv(): void {
  for (const file of userDotEnvFiles()) {
    const before = { ...process.env };
    process.loadEnvFile(file);
    Object.assign(process.env, before);
  }
}

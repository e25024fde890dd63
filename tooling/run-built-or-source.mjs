/**
 * Starts a package's command from its compiled `dist/` when that was built from the source now
 * on disk, in the package and in every workspace package it uses; otherwise from `src/` through
 * tsx, with a one-line notice. A fresh build starts without transpiling anything, and an edit is
 * never silently ignored: until the next `pnpm build` the command runs the edited source.
 */
import { register } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findStalePackages } from './build-stamp.mjs';

/**
 * Imports `built` (a path inside `packageDir`, e.g. `dist/cli/main.js`) when every build
 * involved is current, else `source` (e.g. `src/cli/main.ts`) after a notice on stderr that
 * starts with `name`.
 */
export async function runBuiltOrSource({ packageDir, built, source, name }) {
  const stale = findStalePackages(packageDir);
  if (stale.length === 0) return import(pathToFileURL(join(packageDir, built)).href);

  process.stderr.write(
    `${name}: running from source, slower to start (the build of ${stale.join(', ')} is out of date; \`pnpm build\` makes it fast again)\n`,
  );
  let tsx;
  try {
    tsx = await import('tsx/esm/api');
  } catch {
    process.stderr.write(`${name}: tsx is not installed either; run \`pnpm build\`\n`);
    process.exit(1);
  }
  register('./source-condition-hook.mjs', import.meta.url);
  tsx.register();
  return import(pathToFileURL(join(packageDir, source)).href);
}

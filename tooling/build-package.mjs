/**
 * A package's `build` script (`node ../../tooling/build-package.mjs`, run by `turbo run build`):
 * compiles `src/` into a clean `dist/` (ESM, declarations, source maps) with the package's
 * `tsconfig.build.json`, then stamps `dist/` with the digest of the source it compiled.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { digestSources, STAMP_FILE } from './build-stamp.mjs';

const dir = process.cwd();
// Digest first: a file edited while tsc runs then no longer matches the stamp, and a launcher
// runs the source rather than a build that may predate the edit.
const digest = digestSources(dir);
rmSync(join(dir, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status } = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: dir,
  stdio: 'inherit',
});
if (status !== 0) process.exit(status ?? 1);
writeFileSync(join(dir, 'dist', STAMP_FILE), `${digest}\n`);

/**
 * A package's `build` script, run by `turbo run build` from the package folder:
 *
 *   node ../../tooling/build-package.mjs [--bundle <name>=<entry.ts>]...
 *
 * compiles `src/` into a clean `dist/` (ESM, declarations, source maps) with the package's
 * `tsconfig.build.json`; bundles each `--bundle` entry with esbuild into `dist/bundle/<name>.js`
 * (a command that starts without resolving hundreds of modules); then stamps `dist/` with the
 * digest of the source it was built from.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeBuildStamp, SOURCE_CONDITION, STAMP_FILE } from './build-stamp.mjs';

const dir = process.cwd();
const { values } = parseArgs({ options: { bundle: { type: 'string', multiple: true } } });
// Stamp first: a file edited while the build runs then no longer matches the stamp, and a
// launcher runs the source rather than a build that may predate the edit.
const stamp = describeBuildStamp(dir);
rmSync(join(dir, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const { status } = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
  cwd: dir,
  stdio: 'inherit',
});
if (status !== 0) process.exit(status ?? 1);
if (values.bundle?.length) await bundle(values.bundle);
writeFileSync(join(dir, 'dist', STAMP_FILE), stamp);

/**
 * Bundles the entries from source: workspace packages and their dependencies go into the
 * bundle; the package's own third-party dependencies (native sharp, pdfkit and its font data,
 * font files) stay imports, resolved from the package at run time.
 */
async function bundle(entries) {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const external = Object.entries(manifest.dependencies ?? {})
    .filter(([, version]) => !String(version).startsWith('workspace:'))
    .map(([name]) => name);
  const { build } = await import(createRequire(join(dir, 'package.json')).resolve('esbuild'));
  await build({
    absWorkingDir: dir,
    entryPoints: Object.fromEntries(entries.map((entry) => entry.split('='))),
    outdir: 'dist/bundle',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: [SOURCE_CONDITION],
    external,
    sourcemap: true,
    logLevel: 'warning',
    // Bundled CommonJS (ws) calls require() for Node built-ins.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}

/**
 * Build stamps. A package's build writes a digest of the files it compiled into
 * `dist/.build-stamp`; a launcher recomputes the digest and runs `dist/` only when it still
 * matches, so an edit is never silently ignored. The stamp also records the files' sizes, inodes
 * and modification and change times; while those are unchanged the launcher takes the content as
 * unchanged without reading it (as git and make do), and reads and hashes it otherwise. Plain
 * JavaScript: it runs before anything is compiled.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The export condition under which workspace packages resolve to their TypeScript source
 * (`src/index.ts`) instead of `dist/`: the repository's own tests, type checks and tsx runs use
 * it; a plain `node` never does.
 */
export const SOURCE_CONDITION = 'comics-factory-source';

/** Where a package's build records the digest of what it compiled, inside `dist/`. */
export const STAMP_FILE = '.build-stamp';

/** The files a package's build reads, besides `src/` (tests excluded). */
const CONFIG_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];

/** The files a build of the package at `dir` compiles, relative to `dir`, in a stable order. */
function listInputs(dir) {
  const src = join(dir, 'src');
  const sources = readdirSync(src, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.test.ts'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
  return [...CONFIG_FILES.filter((name) => existsSync(join(dir, name))), ...sources.sort()];
}

/** The package.json of the package at `dir`. */
function readManifest(dir) {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

/** The folders of the workspace packages the package at `dir` uses at run time. */
function workspaceDependencies(dir) {
  return Object.entries(readManifest(dir).dependencies ?? {})
    .filter(([, version]) => String(version).startsWith('workspace:'))
    .map(([name]) => realpathSync(join(dir, 'node_modules', name)));
}

/**
 * SHA-256 over the path and content of every input of the package at `dir`, and over the digests
 * of the workspace packages it uses at run time: a build that bundles a dependency is out of date
 * when that dependency's source changes. `digests` memoises by folder.
 */
export function digestSources(dir, digests = new Map()) {
  const known = digests.get(dir);
  if (known) return known;
  const hash = createHash('sha256');
  for (const file of listInputs(dir)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(dir, file)));
    hash.update('\0');
  }
  for (const dependency of workspaceDependencies(dir)) {
    hash.update(`${digestSources(dependency, digests)}\0`);
  }
  const digest = hash.digest('hex');
  digests.set(dir, digest);
  return digest;
}

/**
 * How long every input must have been left alone for a stamp to record their file times: a write
 * after the stamp is then sure to change a change time, however coarse the file system's clock.
 */
const SETTLED_MS = 2000;

/**
 * SHA-256 over the path, size, inode and modification and change times of every input of the
 * package at `dir`, and over those of the workspace packages it uses at run time, with the latest
 * change time among them. `described` memoises by folder.
 */
function describeFiles(dir, described = new Map()) {
  const known = described.get(dir);
  if (known) return known;
  const hash = createHash('sha256');
  let changedMs = 0;
  for (const file of listInputs(dir)) {
    const s = statSync(join(dir, file), { bigint: true });
    hash.update(`${file}\0${s.size}\0${s.ino}\0${s.mtimeNs}\0${s.ctimeNs}\0`);
    changedMs = Math.max(changedMs, Number(s.ctimeNs / 1_000_000n));
  }
  for (const dependency of workspaceDependencies(dir)) {
    const files = describeFiles(dependency, described);
    hash.update(`${files.digest}\0`);
    changedMs = Math.max(changedMs, files.changedMs);
  }
  const files = { digest: hash.digest('hex'), changedMs };
  described.set(dir, files);
  return files;
}

/**
 * The text of the stamp for the source of the package at `dir` now: its digest, and the file
 * times when every input has settled (a file written in the last moments could change again
 * within one tick of the file system's clock, unseen).
 */
export function describeBuildStamp(dir, now = Date.now()) {
  const files = describeFiles(dir);
  const settled = files.changedMs <= now - SETTLED_MS;
  return `${digestSources(dir)}\n${settled ? `${files.digest}\n` : ''}`;
}

/** Replaces the stamp of the package at `dir`, atomically; a stamp that cannot be written stays. */
function refreshStamp(dir, text) {
  const path = join(dir, 'dist', STAMP_FILE);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** What the last successful build of the package at `dir` recorded, if anything. */
function readStamp(dir) {
  try {
    const [digest, files] = readFileSync(join(dir, 'dist', STAMP_FILE), 'utf8').split('\n');
    return { digest: digest?.trim(), files: files?.trim() || undefined };
  } catch {
    return undefined;
  }
}

/** The digest the last successful build of the package at `dir` recorded, if any. */
export function readBuildStamp(dir) {
  return readStamp(dir)?.digest;
}

/**
 * The names of the package at `dir` and of every workspace package it uses at run time whose
 * `dist/` is missing or was built from other source than what is on disk now (its own or a
 * dependency's), dependencies first; empty when every `dist/` is current. A current stamp whose
 * file times have changed is brought up to date with them once they settled (before `now`).
 */
export function findStalePackages(dir, now = Date.now()) {
  const stale = [];
  const seen = new Set();
  const digests = new Map();
  const described = new Map();
  const visit = (packageDir) => {
    if (seen.has(packageDir)) return;
    seen.add(packageDir);
    for (const dependency of workspaceDependencies(packageDir)) visit(dependency);
    const recorded = readStamp(packageDir);
    const files = describeFiles(packageDir, described);
    if (recorded?.files !== undefined && recorded.files === files.digest) return;
    const digest = digestSources(packageDir, digests);
    if (recorded?.digest !== digest) {
      stale.push(readManifest(packageDir).name);
    } else if (files.changedMs <= now - SETTLED_MS) {
      // Current, but its files' times are not the recorded ones (a checkout rewrote them, or a
      // build cache restored a stamp made elsewhere): record them, as git refreshes its index,
      // so the next launch need not read the source again.
      refreshStamp(packageDir, `${digest}\n${files.digest}\n`);
    }
  };
  visit(realpathSync(dir));
  return stale;
}

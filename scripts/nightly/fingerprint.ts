import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import type { OutputFormat } from 'compose/pipeline';

/** The settings that change what a build writes, besides the script and its assets. */
export interface BuildSettings {
  /** Outputs written (sorted before hashing, so the order on the command line does not matter). */
  formats: OutputFormat[];
  /** `wiro` for real art, `draft` for emulator drafts: switching rebuilds every issue. */
  backend: 'wiro' | 'draft';
  /** `false` when the upscale stage is turned off for the night (`--no-upscale`). */
  upscale: boolean;
  /** Versions of the packages that render and compose; see {@link toolVersion}. */
  tool: string;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Files below `dir` (recursively), skipping hidden entries; paths relative to `base`. */
async function listFiles(dir: string, base: string, recursive: boolean): Promise<string[]> {
  let items: import('node:fs').Dirent[];
  try {
    items = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const item of items) {
    if (item.name.startsWith('.')) continue;
    const path = join(dir, item.name);
    if (item.isFile()) files.push(relative(base, path));
    else if (item.isDirectory() && recursive) files.push(...(await listFiles(path, base, true)));
  }
  return files;
}

/**
 * The asset files of an issue: the files beside its script and everything in an `assets/` folder
 * next to it (hidden files excluded), as sorted paths relative to the script's folder.
 */
export async function listIssueAssets(storyPath: string): Promise<string[]> {
  const dir = dirname(storyPath);
  const siblings = await listFiles(dir, dir, false);
  const assets = await listFiles(join(dir, 'assets'), dir, true);
  const script = basename(storyPath);
  return [...siblings.filter((name) => name !== script), ...assets]
    .map((path) => path.split('\\').join('/'))
    .sort();
}

/**
 * sha256 of everything that decides an issue's outputs: the script text, its assets (names and
 * contents) and the build settings. Equal fingerprints mean a build can be skipped.
 */
export async function fingerprintIssue(
  storyPath: string,
  settings: BuildSettings,
): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`script\0${sha256(await readFile(storyPath))}\n`);
  for (const asset of await listIssueAssets(storyPath)) {
    hash.update(`asset\0${asset}\0${sha256(await readFile(join(dirname(storyPath), asset)))}\n`);
  }
  const canonical = { ...settings, formats: [...settings.formats].sort() };
  hash.update(`settings\0${JSON.stringify(canonical)}\n`);
  return hash.digest('hex');
}

/** Bumped when nightly builds change what they write for the same inputs. */
export const NIGHTLY_FORMAT_VERSION = 1;

const PACKAGES = ['apps/compose', 'packages/storyboard', 'packages/wiro-core'] as const;

/**
 * The tool version string that goes into every fingerprint: the versions of the packages that
 * render and compose, plus {@link NIGHTLY_FORMAT_VERSION}.
 *
 * @example await toolVersion() // 'nightly/1 compose@0.1.0 storyboard@0.1.0 wiro-core@0.1.0'
 */
export async function toolVersion(): Promise<string> {
  const parts = [`nightly/${NIGHTLY_FORMAT_VERSION}`];
  for (const folder of PACKAGES) {
    const url = new URL(`../../${folder}/package.json`, import.meta.url);
    const pkg = JSON.parse(await readFile(url, 'utf8')) as { name: string; version: string };
    parts.push(`${pkg.name}@${pkg.version}`);
  }
  return parts.join(' ');
}

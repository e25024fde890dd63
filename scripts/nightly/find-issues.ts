import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';

/** Folders never searched by `**`, and never entered unless a pattern names them. */
const IGNORED = new Set(['node_modules', '.git']);

const isMagic = (segment: string) => /[*?]/.test(segment);

/**
 * A regular expression for one path segment of a glob: `*` is any run of characters, `?` one
 * character; everything else is literal.
 *
 * @example globSegmentToRegExp('*.yaml').test('story.yaml') // true
 */
export function globSegmentToRegExp(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** A folder's entries, symbolic links last: what is reachable directly is found directly. */
async function entries(dir: string) {
  try {
    const all = await readdir(dir, { withFileTypes: true });
    return [...all.filter((e) => !e.isSymbolicLink()), ...all.filter((e) => e.isSymbolicLink())];
  } catch {
    return [];
  }
}

/** Called for each symbolic link the search does not follow, with the reason. */
export type SkipListener = (path: string, reason: string) => void;

/** What a search carries down the folders. */
interface Search {
  /** The real path of the folder links may point into. */
  root: string;
  /** Matching files by real path: a script reached twice (through a link) is listed once. */
  found: Map<string, string>;
  /** Real paths of the folders entered, so a link back up cannot loop. */
  entered: Set<string>;
  onSkip: SkipListener;
}

/**
 * What an entry is (`kind`), following a symbolic link only when it resolves inside the root;
 * for a link left out, what it leads to (`leadsTo`, when anything) and why.
 */
interface Kind {
  kind: 'file' | 'dir' | undefined;
  leadsTo?: 'file' | 'dir' | undefined;
  skipped?: string;
}

/** What an entry is; see {@link Kind}. */
async function kindOf(entry: Dirent, path: string, root: string): Promise<Kind> {
  if (!entry.isSymbolicLink()) {
    return { kind: entry.isFile() ? 'file' : entry.isDirectory() ? 'dir' : undefined };
  }
  const target = await realpath(path).catch(() => undefined);
  if (target === undefined) return { kind: undefined, skipped: 'a broken symbolic link' };
  const info = await stat(target).catch(() => undefined);
  const leadsTo = info?.isFile() ? 'file' : info?.isDirectory() ? 'dir' : undefined;
  if (target === root || target.startsWith(`${root}${sep}`)) return { kind: leadsTo };
  const skipped = `a symbolic link to ${target}, outside ${root}; links are only followed inside it`;
  return { kind: undefined, leadsTo, skipped };
}

/** Enters a folder once (by its real path); matches the remaining segments below it. */
async function enter(dir: string, segments: string[], search: Search): Promise<void> {
  const real = await realpath(dir).catch(() => dir);
  const key = `${real}\u0000${segments.join(sep)}`;
  if (search.entered.has(key)) return;
  search.entered.add(key);
  await walk(dir, segments, search);
}

/** Adds a matching file, once per real file. */
async function addFound(path: string, search: Search): Promise<void> {
  const real = await realpath(path).catch(() => undefined);
  if (real !== undefined && !search.found.has(real)) search.found.set(real, path);
}

/**
 * Matches the remaining segments below `dir`, adding matching files to `search.found` and
 * reporting each link left out where it would have mattered (a folder to search, or a match).
 */
async function walk(dir: string, segments: string[], search: Search): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const pattern = head === '**' ? undefined : globSegmentToRegExp(head);
  if (head === '**') await walk(dir, rest, search);
  for (const entry of await entries(dir)) {
    const hidden = entry.name.startsWith('.') || IGNORED.has(entry.name);
    if (pattern === undefined ? hidden : !pattern.test(entry.name) || (isMagic(head) && hidden)) {
      continue;
    }
    const path = join(dir, entry.name);
    const { kind, leadsTo, skipped } = await kindOf(entry, path, search.root);
    const wanted = head === '**' || rest.length > 0 ? 'dir' : 'file';
    // Under `**` every entry is looked at: only a link to a folder would have mattered.
    if (skipped !== undefined && (leadsTo === wanted || (head !== '**' && leadsTo === undefined))) {
      search.onSkip(path, skipped);
    }
    if (kind !== wanted) continue;
    if (wanted === 'file') await addFound(path, search);
    else await enter(path, head === '**' ? segments : rest, search);
  }
}

/**
 * The story scripts a pattern names, as sorted absolute paths. The pattern is a path relative to
 * `baseDir` (or absolute) where `*` and `?` match within one folder name and `**` matches any
 * number of folders; a folder means `<folder>/*\/story.yaml`. Hidden folders and `node_modules`
 * are only entered when the pattern spells them out. A symbolic link found on the way (a linked
 * `story.yaml` or folder) is followed only when it resolves inside `baseDir`; any other is left
 * out and reported to `onSkip`, never silently.
 *
 * @example await findIssues('issues/*\/story.yaml', '/repo') // ['/repo/issues/a/story.yaml', …]
 */
export async function findIssues(
  pattern: string,
  baseDir: string,
  onSkip: SkipListener = () => {},
): Promise<string[]> {
  const absolute = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
  if (!absolute.split(sep).some(isMagic)) {
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return [absolute];
    if (info?.isDirectory()) return findIssues(join(absolute, '*', 'story.yaml'), baseDir, onSkip);
    return [];
  }
  const segments = absolute.split(sep);
  const firstMagic = segments.findIndex((s) => isMagic(s));
  const start = segments.slice(0, firstMagic).join(sep) || sep;
  const root = await realpath(baseDir).catch(() => resolve(baseDir));
  const search: Search = { root, found: new Map(), entered: new Set(), onSkip };
  await enter(start, segments.slice(firstMagic), search);
  return [...search.found.values()].sort();
}

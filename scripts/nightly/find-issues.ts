import { readdir, stat } from 'node:fs/promises';
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

async function entries(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** Matches the remaining segments below `dir`, adding matching files to `found`. */
async function walk(dir: string, segments: string[], found: Set<string>): Promise<void> {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  if (head === '**') {
    await walk(dir, rest, found);
    for (const entry of await entries(dir)) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !IGNORED.has(entry.name)) {
        await walk(join(dir, entry.name), segments, found);
      }
    }
    return;
  }
  const pattern = globSegmentToRegExp(head);
  for (const entry of await entries(dir)) {
    if (!pattern.test(entry.name)) continue;
    if (isMagic(head) && (entry.name.startsWith('.') || IGNORED.has(entry.name))) continue;
    const path = join(dir, entry.name);
    if (rest.length === 0) {
      if (entry.isFile()) found.add(path);
    } else if (entry.isDirectory()) {
      await walk(path, rest, found);
    }
  }
}

/**
 * The story scripts a pattern names, as sorted absolute paths. The pattern is a path relative to
 * `baseDir` (or absolute) where `*` and `?` match within one folder name and `**` matches any
 * number of folders; a folder means `<folder>/*\/story.yaml`. Hidden folders and `node_modules`
 * are only entered when the pattern spells them out.
 *
 * @example await findIssues('issues/*\/story.yaml', '/repo') // ['/repo/issues/a/story.yaml', …]
 */
export async function findIssues(pattern: string, baseDir: string): Promise<string[]> {
  const absolute = isAbsolute(pattern) ? pattern : resolve(baseDir, pattern);
  if (!absolute.split(sep).some(isMagic)) {
    const info = await stat(absolute).catch(() => undefined);
    if (info?.isFile()) return [absolute];
    if (info?.isDirectory()) return findIssues(join(absolute, '*', 'story.yaml'), baseDir);
    return [];
  }
  const segments = absolute.split(sep);
  const firstMagic = segments.findIndex((s) => isMagic(s));
  const root = segments.slice(0, firstMagic).join(sep) || sep;
  const found = new Set<string>();
  await walk(root, segments.slice(firstMagic), found);
  return [...found].sort();
}

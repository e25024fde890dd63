import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';

/** What the cache records about one rendered job. */
export interface CacheEntry {
  key: string;
  taskid: string;
  cost: number;
  /** Every variant, in sample order. */
  files: Array<{ name: string; sha256: string; bytes: number }>;
  /**
   * Where Wiro served each variant (they expire): a task chained after this one reads its input
   * from there instead of an upload, while it still works.
   */
  urls?: string[] | undefined;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Beside `entry.json`: how each image looked on disk when its content was last verified. */
const VERIFIED_FILE = 'verified.json';

/**
 * How long a file must have been left alone before its stamp is trusted: a write after the stamp
 * is then sure to give it another change time, however coarse the file system's clock.
 */
const SETTLED_MS = 2000;

/**
 * The sha256 an image was verified against, with the file's size, inode and modification and
 * change times (nanoseconds) at the time, as text.
 */
type FileStamp = [sha256: string, bytes: string, ino: string, mtimeNs: string, ctimeNs: string];

async function stampOf(
  path: string,
  sha256: string,
): Promise<{ stamp: FileStamp; changedMs: number }> {
  const s = await stat(path, { bigint: true });
  return {
    stamp: [sha256, String(s.size), String(s.ino), String(s.mtimeNs), String(s.ctimeNs)],
    changedMs: Number(s.ctimeNs / 1_000_000n),
  };
}

const sameStamp = (recorded: unknown, b: FileStamp) =>
  Array.isArray(recorded) &&
  recorded.length === b.length &&
  recorded.every((part, i) => part === b[i]);

/**
 * A content-addressed store of rendered panels: `<dir>/<key>/<n>.png` plus `entry.json`, written
 * last, so an entry exists only once all its images do. Reads verify every image's sha256 and
 * PNG signature, so a corrupt entry is reported missing and rendered again. A verified image's
 * stamp (its sha256 with the file's size, inode, modification and change times) goes to
 * `verified.json`; while the stamp still matches, later reads trust the image without reading it
 * again (as git and make trust file times): any write to the file changes its change time. A
 * no-op rebuild then costs a `stat` per picture instead of reading and hashing megabytes.
 */
export class PanelCache {
  /** Entries this instance already verified or wrote; one instance serves one run. */
  private readonly known = new Map<string, CacheEntry>();

  /** `now` is the clock that tells whether a file has settled (see `SETTLED_MS`). */
  constructor(
    readonly dir: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Folder of one key's files. */
  folderOf(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }

  /** Path of one variant of a key. */
  imagePath(key: string, variant: number): string {
    return join(this.folderOf(key), `${variant}.png`);
  }

  /** The entry for `key` when it is complete and intact with at least `samples` images. */
  async get(key: string, samples: number): Promise<CacheEntry | undefined> {
    const known = this.known.get(key);
    if (known) return known.files.length >= samples ? known : undefined;
    const folder = this.folderOf(key);
    let entry: CacheEntry;
    try {
      entry = JSON.parse(await readFile(join(folder, 'entry.json'), 'utf8'));
    } catch {
      return undefined;
    }
    if (entry.key !== key || entry.files.length < samples) return undefined;
    const verified = await readVerified(folder);
    const stamps: Record<string, FileStamp> = {};
    let learned = false;
    for (const file of entry.files) {
      const path = join(folder, file.name);
      try {
        const before = await stampOf(path, file.sha256);
        if (sameStamp(verified.get(file.name), before.stamp)) {
          stamps[file.name] = before.stamp;
          continue;
        }
        if (!isIntact(await readFile(path), file)) return undefined;
        const after = await stampOf(path, file.sha256);
        if (sameStamp(before.stamp, after.stamp) && after.changedMs <= this.now() - SETTLED_MS) {
          stamps[file.name] = after.stamp;
          learned = true;
        }
      } catch {
        return undefined;
      }
    }
    if (learned) {
      // Only a hint, checked against the files on every read: a torn write is simply not used.
      await writeFile(join(folder, VERIFIED_FILE), JSON.stringify(stamps)).catch(() => {});
    }
    this.known.set(key, entry);
    return entry;
  }

  /** Records a finished job whose images are already in place at `imagePath(key, n)`. */
  async put(entry: CacheEntry): Promise<void> {
    await mkdir(this.folderOf(entry.key), { recursive: true });
    await writeFileAtomic(
      join(this.folderOf(entry.key), 'entry.json'),
      `${JSON.stringify(entry, null, 1)}\n`,
    );
    this.known.set(entry.key, entry);
  }

  /**
   * Deletes temporary files a killed process left behind (`*.part` downloads, `*.tmp` writes), so
   * nothing partial stays in the cache. One render per cache folder at a time.
   */
  async sweepTemporaryFiles(): Promise<number> {
    let removed = 0;
    const entries = await readdir(this.dir, { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    for (const entry of entries) {
      if (entry.isFile() && /\.(part|tmp)$/.test(entry.name)) {
        await rm(join(entry.parentPath, entry.name), { force: true });
        removed++;
      }
    }
    return removed;
  }
}

/** The stamps `verified.json` records, by file name; none when it is missing or unreadable. */
async function readVerified(folder: string): Promise<Map<string, unknown>> {
  try {
    const parsed: unknown = JSON.parse(await readFile(join(folder, VERIFIED_FILE), 'utf8'));
    return new Map(parsed !== null && typeof parsed === 'object' ? Object.entries(parsed) : []);
  } catch {
    return new Map();
  }
}

/** Whether an image has the size, PNG signature and sha256 its entry records. */
function isIntact(data: Buffer, file: CacheEntry['files'][number]): boolean {
  return (
    data.length === file.bytes &&
    data.subarray(0, 8).equals(PNG_SIGNATURE) &&
    createHash('sha256').update(data).digest('hex') === file.sha256
  );
}

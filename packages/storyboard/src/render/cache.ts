import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
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

/**
 * A content-addressed store of rendered panels: `<dir>/<key>/<n>.png` plus `entry.json`, written
 * last, so an entry exists only once all its images do. Reads verify every image's sha256 and
 * PNG signature, so a corrupt entry is reported missing and rendered again.
 */
export class PanelCache {
  /** Entries this instance already verified or wrote; one instance serves one run. */
  private readonly known = new Map<string, CacheEntry>();

  constructor(readonly dir: string) {}

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
    let entry: CacheEntry;
    try {
      entry = JSON.parse(await readFile(join(this.folderOf(key), 'entry.json'), 'utf8'));
    } catch {
      return undefined;
    }
    if (entry.key !== key || entry.files.length < samples) return undefined;
    for (const file of entry.files) {
      let data: Buffer;
      try {
        data = await readFile(join(this.folderOf(key), file.name));
      } catch {
        return undefined;
      }
      const intact =
        data.length === file.bytes &&
        data.subarray(0, 8).equals(PNG_SIGNATURE) &&
        createHash('sha256').update(data).digest('hex') === file.sha256;
      if (!intact) return undefined;
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

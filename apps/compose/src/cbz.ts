import type { WrittenFile } from 'storyboard';
import { createZipWriter, type ZipSource } from './zip-writer.js';

/** One page image of the archive: its bytes, or a file read when the archive reaches it. */
export type CbzEntry = {
  /** Name inside the archive, e.g. `page-001.jpg`. */
  name: string;
} & ZipSource;

/** Options of {@link createCbzWriter}. */
export interface CbzOptions {
  /** Modification time stored for every entry. @default now */
  mtime?: Date;
}

/** A CBZ being written entry by entry to a temporary file. */
export interface CbzWriter {
  /** Adds a page; resolves when the archive may take the next one (memory stays bounded). */
  addPage(entry: CbzEntry): Promise<void>;
  /** Adds `ComicInfo.xml` last, finishes the archive and moves it into place. */
  finish(comicInfoXml: string): Promise<WrittenFile>;
  /** Drops the archive; nothing appears at the final path. */
  abort(): Promise<void>;
}

/**
 * Starts a CBZ (a ZIP of page images) at `path`. Images are stored, not deflated (JPEG and PNG
 * do not compress further), in the order added, at the archive root; `ComicInfo.xml` comes last
 * because it lists every page's size. Pages given as bytes are streamed out as they come; files
 * are streamed from disk.
 */
export function createCbzWriter(path: string, options: CbzOptions = {}): CbzWriter {
  const zip = createZipWriter(path, options);
  return {
    addPage: (entry) => zip.add(entry.name, entry),
    async finish(comicInfoXml) {
      await zip.add(
        'ComicInfo.xml',
        { data: Buffer.from(comicInfoXml, 'utf8') },
        { compress: true },
      );
      return zip.finish();
    },
    abort: () => zip.abort(),
  };
}

/** Writes a whole CBZ; see {@link createCbzWriter}. Nothing is left at `path` if it fails. */
export async function writeCbz(
  path: string,
  entries: readonly CbzEntry[],
  comicInfoXml: string,
  options: CbzOptions = {},
): Promise<WrittenFile> {
  const writer = createCbzWriter(path, options);
  try {
    for (const entry of entries) await writer.addPage(entry);
    return await writer.finish(comicInfoXml);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

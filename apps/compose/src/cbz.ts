import { createAtomicWriteStream, type WrittenFile } from 'storyboard';
import { ZipFile } from 'yazl';

/** One page image of the archive. */
export interface CbzEntry {
  /** The image file on disk (read when the archive reaches it). */
  file: string;
  /** Name inside the archive, e.g. `page-001.jpg`. */
  name: string;
}

/** Options of {@link createCbzWriter}. */
export interface CbzOptions {
  /** Modification time stored for every entry. @default now */
  mtime?: Date;
}

/** A CBZ being written entry by entry to a temporary file. */
export interface CbzWriter {
  addPage(entry: CbzEntry): void;
  /** Adds `ComicInfo.xml` last, finishes the archive and moves it into place. */
  finish(comicInfoXml: string): Promise<WrittenFile>;
  /** Drops the archive; nothing appears at the final path. */
  abort(): Promise<void>;
}

/**
 * Starts a CBZ (a ZIP of page images) at `path`. Images are stored, not deflated (JPEG and PNG
 * do not compress further), in the order added, at the archive root; `ComicInfo.xml` comes last
 * because it lists every page's size. Files are streamed from disk, so memory stays flat.
 */
export function createCbzWriter(path: string, options: CbzOptions = {}): CbzWriter {
  const out = createAtomicWriteStream(path);
  const mtime = options.mtime ?? new Date();
  const zip = new ZipFile();
  // A file that cannot be read fails the archive (and its commit) instead of the process.
  zip.on('error', (error: Error) => out.stream.destroy(error));
  zip.outputStream.pipe(out.stream);
  return {
    addPage(entry) {
      zip.addFile(entry.file, entry.name, { compress: false, mtime });
    },
    async finish(comicInfoXml) {
      zip.addBuffer(Buffer.from(comicInfoXml, 'utf8'), 'ComicInfo.xml', { compress: true, mtime });
      zip.end();
      return out.commit();
    },
    async abort() {
      zip.outputStream.unpipe(out.stream);
      await out.abort();
    },
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
    for (const entry of entries) writer.addPage(entry);
    return await writer.finish(comicInfoXml);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

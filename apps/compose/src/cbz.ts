import { Readable } from 'node:stream';
import { createAtomicWriteStream, type WrittenFile } from 'storyboard';
import { ZipFile } from 'yazl';

/** One page image of the archive: its bytes, or a file read when the archive reaches it. */
export type CbzEntry = {
  /** Name inside the archive, e.g. `page-001.jpg`. */
  name: string;
} & ({ data: Uint8Array } | { file: string });

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
 * because it lists every page's size. Pages given as bytes (the very bytes of the page files,
 * never encoded again) are streamed out as they come; files are streamed from disk.
 */
export function createCbzWriter(path: string, options: CbzOptions = {}): CbzWriter {
  const out = createAtomicWriteStream(path);
  const mtime = options.mtime ?? new Date();
  const zip = new ZipFile();
  // A file that cannot be read fails the archive (and its commit) instead of the process.
  zip.on('error', (error: Error) => out.stream.destroy(error));
  zip.outputStream.pipe(out.stream);
  return {
    async addPage(entry) {
      const options = { compress: false, mtime };
      if ('data' in entry) {
        // yazl keeps every entry (and what its pump function holds) until the archive ends, so
        // the bytes are handed over as a stream made when yazl reaches the entry, then dropped:
        // memory stays flat however many pages there are.
        let data: Uint8Array | undefined = entry.data;
        zip.addReadStreamLazy(entry.name, { ...options, size: data.length }, (callback) => {
          const bytes = data as Uint8Array;
          data = undefined;
          const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          callback(null, Readable.from([chunk], { objectMode: false }));
        });
      } else {
        zip.addFile(entry.file, entry.name, options);
      }
      // yazl pipes a PassThrough, typed as a plain ReadableStream.
      await out.drained(zip.outputStream as unknown as { readableLength: number });
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
    for (const entry of entries) await writer.addPage(entry);
    return await writer.finish(comicInfoXml);
  } catch (error) {
    await writer.abort();
    throw error;
  }
}

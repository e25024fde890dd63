import { Readable } from 'node:stream';
import { createAtomicWriteStream, type WrittenFile } from 'storyboard';
import { ZipFile } from 'yazl';

/** What goes into one archive entry: bytes, or a file read when the archive reaches it. */
export type ZipSource = { data: Uint8Array } | { file: string };

/** How one entry is stored. */
export interface ZipEntryOptions {
  /** Deflate the entry (text); images are stored as they are. @default false */
  compress?: boolean;
  /**
   * Record the time in the DOS fields only, with no extra field in the local header (an EPUB's
   * `mimetype` entry must have none). @default false
   */
  dosTimestampOnly?: boolean;
}

/** Options of {@link createZipWriter}. */
export interface ZipWriterOptions {
  /** Modification time stored for every entry. @default now */
  mtime?: Date;
}

/** A ZIP archive being written entry by entry to a temporary file. */
export interface ZipWriter {
  /** Adds an entry; resolves when the archive may take the next one (memory stays bounded). */
  add(name: string, source: ZipSource, options?: ZipEntryOptions): Promise<void>;
  /** Finishes the archive and moves it into place. */
  finish(): Promise<WrittenFile>;
  /** Drops the archive; nothing appears at the final path. */
  abort(): Promise<void>;
}

/**
 * Starts a ZIP archive at `path`, written atomically: entries in the order added, streamed out as
 * they come (bytes are handed over when the archive reaches them, then dropped, so memory stays
 * flat however many entries there are); files are streamed from disk.
 */
export function createZipWriter(path: string, options: ZipWriterOptions = {}): ZipWriter {
  const out = createAtomicWriteStream(path);
  const mtime = options.mtime ?? new Date();
  const zip = new ZipFile();
  // A file that cannot be read fails the archive (and its commit) instead of the process.
  zip.on('error', (error: Error) => out.stream.destroy(error));
  zip.outputStream.pipe(out.stream);
  return {
    async add(name, source, entryOptions = {}) {
      const settings = {
        compress: entryOptions.compress ?? false,
        forceDosTimestamp: entryOptions.dosTimestampOnly ?? false,
        mtime,
      };
      if ('data' in source) {
        // yazl keeps every entry (and what its pump function holds) until the archive ends, so
        // the bytes are handed over as a stream made when yazl reaches the entry, then dropped.
        let data: Uint8Array | undefined = source.data;
        const size = data.length;
        zip.addReadStreamLazy(name, { ...settings, size }, (callback) => {
          const bytes = data as Uint8Array;
          data = undefined;
          const chunk = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
          callback(null, Readable.from([chunk], { objectMode: false }));
        });
      } else {
        zip.addFile(source.file, name, settings);
      }
      // yazl pipes a PassThrough, typed as a plain ReadableStream.
      await out.drained(zip.outputStream as unknown as { readableLength: number });
    },
    async finish() {
      zip.end();
      return out.commit();
    },
    async abort() {
      zip.outputStream.unpipe(out.stream);
      await out.abort();
    },
  };
}

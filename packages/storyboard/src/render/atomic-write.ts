import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Size and checksum of a file written atomically. */
export interface WrittenFile {
  bytes: number;
  /** Lower-case hex SHA-256. */
  sha256: string;
}

/** Bytes allowed to queue in front of the disk before a streamed writer waits. */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

/** A file being streamed to a temporary name, renamed into place only by `commit`. */
export interface AtomicWriteStream {
  /** Where the file ends up. */
  readonly path: string;
  /** The hidden temporary file in the same folder. */
  readonly temporaryPath: string;
  /** Write (or pipe) the file's bytes here, then end it (a pipe ends it for you). */
  readonly stream: Writable;
  /**
   * Waits until the ended stream's bytes are on disk, then renames the file into place. Rejects
   * (leaving the temporary file for `abort`) when writing failed.
   */
  commit(): Promise<WrittenFile>;
  /** Stops writing and deletes the temporary file; the final path is never touched. */
  abort(): Promise<void>;
  /**
   * Resolves once fewer than 8 MB wait to reach the disk, counting those still queued in
   * `source` (the stream piped into this one), so a producer faster than the disk stays bounded.
   * Rejects when writing stopped.
   */
  drained(source: { readonly readableLength: number }): Promise<void>;
}

/** A hidden temporary name next to `path`: `.<name>.<random>.tmp`. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Names {@link temporaryPathFor} gives. */
const TEMPORARY_NAME = /^\..+\.[0-9a-f]{12}\.tmp$/;

/**
 * Deletes the temporary files a killed writer left directly in `dir` (named as
 * {@link temporaryPathFor} names them; regular files only, never through a link), so a folder
 * holds only complete files. One writer per folder at a time. Returns how many were removed.
 */
export async function sweepTemporaryFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (entry.isFile() && TEMPORARY_NAME.test(entry.name)) {
      await rm(join(dir, entry.name), { force: true });
      removed++;
    }
  }
  return removed;
}

/**
 * Writes a file atomically: to a temporary file in the same folder, flushed to disk, then renamed
 * over `path`. Readers see the old file or the complete new one, never a partial one; on failure
 * the temporary file is removed.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
): Promise<WrittenFile> {
  const temporary = temporaryPathFor(path);
  try {
    await writeFile(temporary, data, { flush: true });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  return { bytes, sha256: createHash('sha256').update(data).digest('hex') };
}

/**
 * Opens a streamed atomic write: bytes go to a temporary file (hashed on the way), `commit`
 * renames it to `path`, `abort` deletes it. For large outputs (PDF, CBZ) written page by page.
 */
export function createAtomicWriteStream(path: string): AtomicWriteStream {
  const temporaryPath = temporaryPathFor(path);
  const hash = createHash('sha256');
  let bytes = 0;
  const input = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  const done = pipeline(input, createWriteStream(temporaryPath, { flush: true }));
  // Observed by commit/abort; never left unhandled.
  done.catch(() => undefined);
  return {
    path,
    temporaryPath,
    stream: input,
    async commit() {
      await done;
      await rename(temporaryPath, path);
      return { bytes, sha256: hash.digest('hex') };
    },
    async abort() {
      input.destroy();
      await done.catch(() => undefined);
      await rm(temporaryPath, { force: true });
    },
    async drained(source) {
      while (source.readableLength + input.writableLength > MAX_QUEUED_BYTES) {
        if (input.destroyed) throw new Error(`Writing ${path} stopped`);
        // Paused by the pipe: wait for the disk; flowing: let the queued bytes move on.
        if (input.writableNeedDrain) await once(input, 'drain');
        else await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

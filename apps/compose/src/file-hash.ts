import { createHash } from 'node:crypto';
import type { BigIntStats } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';

/** Which file a path named, and which version of it: device, inode, size and change times. */
type FileIdentity = string;

/** The SHA-256 of a file and the identity of the file hashed. */
interface HashedFile {
  sha256: string;
  identity: FileIdentity;
}

const CHUNK_BYTES = 256 * 1024;
// Chunks are handed back for the next file: a fresh buffer per file would cost a page fault for
// every 4 KB of it, more than hashing them.
const spareChunks: Buffer[] = [];

/**
 * Hashes a file (SHA-256, lower-case hex) through a reused chunk buffer, without holding the
 * file in memory.
 */
async function hashFile(path: string): Promise<HashedFile> {
  const handle = await open(path, 'r');
  const chunk = spareChunks.pop() ?? Buffer.allocUnsafe(CHUNK_BYTES);
  try {
    const identity = identityOf(await handle.stat({ bigint: true }));
    const hash = createHash('sha256');
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      hash.update(chunk.subarray(0, bytesRead));
    }
    return { sha256: hash.digest('hex'), identity };
  } finally {
    spareChunks.push(chunk);
    await handle.close();
  }
}

/** The identity of the file a path names now. */
async function fileIdentity(path: string): Promise<FileIdentity> {
  return identityOf(await stat(path, { bigint: true }));
}

/**
 * Hands the file at `path` to `use` (which reads it itself, by path) while hashing it, and
 * returns what `use` made with the SHA-256 of the bytes it read. When the file was replaced
 * meanwhile, the two could be of different versions: then one version is read into memory,
 * hashed, and handed to `use` again as bytes. @internal
 */
export async function useHashedFile<T>(
  path: string,
  use: (input: string | Buffer) => Promise<T>,
): Promise<{ result: T; sha256: string }> {
  const [hashed, result] = await Promise.all([hashFile(path), use(path)]);
  if ((await fileIdentity(path)) === hashed.identity) return { result, sha256: hashed.sha256 };
  const bytes = await readFile(path);
  return { result: await use(bytes), sha256: createHash('sha256').update(bytes).digest('hex') };
}

function identityOf(stats: BigIntStats): FileIdentity {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}`;
}

import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { UnsafeOutputError } from './errors.js';

/** Folders compose writes into under the output folder. */
export const OUTPUT_SUBFOLDERS: readonly string[] = ['pages', 'screen'];

/**
 * Throws `UnsafeOutputError` when the output folder, or a folder compose writes into below it, is
 * a symbolic link: writing there would overwrite (and stale-page cleanup would delete) files in
 * whatever folder the link points to. Missing folders are fine; compose creates them.
 */
export async function assertNoLinkedOutputFolders(outDir: string): Promise<void> {
  for (const path of [outDir, ...OUTPUT_SUBFOLDERS.map((name) => join(outDir, name))]) {
    const stats = await lstat(path).catch(() => undefined);
    if (stats?.isSymbolicLink()) throw new UnsafeOutputError(path);
  }
}

import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { sweepTemporaryFiles } from 'storyboard';
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

/**
 * Deletes the temporary files a run killed while composing left in the output folder and the
 * folders compose writes into (pages are composed while panels render, so a kill can come
 * mid-write). Call it after {@link assertNoLinkedOutputFolders}: it never follows a link.
 */
export async function sweepOutputFolders(outDir: string): Promise<void> {
  for (const path of [outDir, ...OUTPUT_SUBFOLDERS.map((name) => join(outDir, name))]) {
    await sweepTemporaryFiles(path);
  }
}

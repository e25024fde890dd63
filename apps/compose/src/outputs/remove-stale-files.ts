import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Deletes the files in `dir` whose names match `pattern` but that this compose did not write
 * (`keep`, full paths): what an earlier, longer compose of the same issue left.
 */
export async function removeStaleFiles(
  dir: string,
  pattern: RegExp,
  keep: ReadonlySet<string>,
): Promise<void> {
  for (const name of await readdir(dir)) {
    if (pattern.test(name) && !keep.has(join(dir, name))) {
      await rm(join(dir, name), { force: true });
    }
  }
}

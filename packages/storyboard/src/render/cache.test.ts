import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PanelCache } from './cache.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A cache in a new folder holding one entry for `key`: a small PNG; returns its path and sha256. */
async function createCacheWithEntry(key: string, taskid: string) {
  const root = await mkdtemp(join(tmpdir(), 'panel-cache-'));
  dir = root;
  const png = Buffer.concat([PNG_SIGNATURE, Buffer.from('body')]);
  const cache = new PanelCache(root);
  await mkdir(cache.folderOf(key), { recursive: true });
  const image = cache.imagePath(key, 0);
  await writeFile(image, png);
  const sha256 = createHash('sha256').update(png).digest('hex');
  await cache.put({
    key,
    taskid,
    cost: 0.01,
    files: [{ name: '0.png', sha256, bytes: png.length }],
  });
  return { root, cache, image, sha256, bytes: png.length };
}

it('verifies an entry once per instance, and a new instance verifies it again', async () => {
  const key = 'ab'.repeat(32);
  const { root, cache: first } = await createCacheWithEntry(key, '1');
  expect(await first.get(key, 1)).toMatchObject({ taskid: '1' });
  expect(await first.get(key, 2)).toBeUndefined();
  await writeFile(first.imagePath(key, 0), 'corrupted');
  expect(await first.get(key, 1)).toMatchObject({ taskid: '1' });
  expect(await new PanelCache(root).get(key, 1)).toBeUndefined();
});

it('trusts a verified image by its stamp once it has settled, and verifies it again after a write', async () => {
  const key = 'cd'.repeat(32);
  const writtenAt = Date.now();
  const { root, cache, image, sha256, bytes } = await createCacheWithEntry(key, '2');
  const stampFile = join(cache.folderOf(key), 'verified.json');

  // A second after the write: verified, but no stamp yet (a write in the same tick of the file
  // system's clock would not show in it).
  const soon = () => writtenAt + 1000;
  expect(await new PanelCache(root, soon).get(key, 1)).toMatchObject({ taskid: '2' });
  await expect(stat(stampFile)).rejects.toThrow();

  const later = () => writtenAt + 10_000;
  expect(await new PanelCache(root, later).get(key, 1)).toMatchObject({ taskid: '2' });
  expect(JSON.parse(await readFile(stampFile, 'utf8'))).toEqual({
    '0.png': [sha256, String(bytes), expect.any(String), expect.any(String), expect.any(String)],
  });
  expect(await new PanelCache(root, later).get(key, 1)).toMatchObject({ taskid: '2' });

  // Same size, other bytes, and another modification time: the stamp no longer matches.
  await writeFile(image, Buffer.concat([PNG_SIGNATURE, Buffer.from('BODY')]));
  await utimes(image, new Date(2001, 0, 1), new Date(2001, 0, 1));
  expect(await new PanelCache(root, later).get(key, 1)).toBeUndefined();
});
